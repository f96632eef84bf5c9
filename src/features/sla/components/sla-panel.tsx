import { useCallback } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { useAvailability } from '../api/availability-query-options.ts';
import { slaMessages } from '../messages.ts';
import { AvailabilityCard } from './availability-card.tsx';
import { WorstProbes, type ProbeLabel } from './worst-probes.tsx';

/** Month and semester availability of one collectivité (or of the whole scope), with the worst probes. */
export function SlaPanel({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(slaMessages);
  const index = useEstateIndex();
  const month = useAvailability({ collectiviteId, period: 'month' });
  const labelOf = useCallback(
    (probeId: string): ProbeLabel => {
      const probe = index.probes.get(probeId);
      const site = index.sites.get(index.siteOfProbe.get(probeId) ?? '');
      const collectivite = site ? index.collectivites.get(site.collectiviteId) : undefined;
      return { probe: probe?.name ?? probeId, where: [collectivite?.name, site?.name].filter(Boolean).join(' · ') };
    },
    [index],
  );
  return (
    <section aria-labelledby="sla-title" className="flex flex-col gap-3">
      <div>
        <h2 id="sla-title" className="text-lg font-semibold text-slate-100">
          {m.title}
        </h2>
        <p className="text-sm text-slate-300">{m.explain}</p>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <AvailabilityCard collectiviteId={collectiviteId} period="month" />
        <AvailabilityCard collectiviteId={collectiviteId} period="semester" />
      </div>
      {month.data && <WorstProbes worst={month.data.worst} labelOf={labelOf} />}
    </section>
  );
}
