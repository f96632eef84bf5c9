// The wall's "maintenance en cours" card for the collectivité on screen: the running windows with
// the nature of the work, and how many probes the engine reports in downtime, so planned work is
// never shown as OK-with-critical-probes nor as an emergency.
import { useMemo } from 'react';
import { maintenancePhase } from '../../../domain/maintenance.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useLive, useServerNow } from '../../../live/use-live.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { useMaintenances } from '../api/maintenance-queries.ts';
import { windowSentence } from '../maintenance-text.ts';
import { maintenanceMessages } from '../messages.ts';

export function WallMaintenanceCard({ collectiviteId }: { collectiviteId: string }) {
  const m = useMessages(maintenanceMessages);
  const { locale } = useLocale();
  const { timeZone } = useTimeDisplay();
  const now = useServerNow(30_000);
  const { data } = useMaintenances(collectiviteId);
  const selectInDowntime = useMemo(
    () => (s: LiveStore) => s.index.probeIdsIn(collectiviteId).filter((id) => s.statuses.get(id)?.inDowntime).length,
    [collectiviteId],
  );
  const inDowntime = useLive(['statuses', 'estate'], selectInDowntime);
  const running = (data?.items ?? []).filter((w) => maintenancePhase(w, now) === 'running');
  if (running.length === 0 && inDowntime === 0) return null;
  return (
    <section aria-label={m.wallTitle} className="rounded-lg border-2 border-sky-400 bg-sky-950 p-4 text-sky-50">
      <h2 className="text-2xl font-bold">{m.wallTitle}</h2>
      <ul className="mt-2 space-y-1 text-xl">
        {running.map((w) => (
          <li key={w.id}>
            {windowSentence(w, now, locale, timeZone)} : {w.nature}
          </li>
        ))}
      </ul>
      {inDowntime > 0 && <p className="mt-2 text-lg text-sky-200">{m.wallProbes(inDowntime)}</p>}
    </section>
  );
}
