import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import type { AvailabilityReport } from '../../../protocol/rest.ts';
import { slaMessages } from '../messages.ts';
import { formatAvailability, formatMinutes } from '../sla-format.ts';

export interface ProbeLabel {
  probe: string;
  /** Collectivité · site, for context. */
  where: string;
}

interface WorstProbesProps {
  worst: AvailabilityReport['worst'];
  labelOf: (probeId: string) => ProbeLabel;
  limit?: number;
}

/** The probes that cost the most availability in the period (engine names shown as text). */
export function WorstProbes({ worst, labelOf, limit = 5 }: WorstProbesProps) {
  const m = useMessages(slaMessages);
  const { locale } = useLocale();
  const shown = worst.filter((w) => w.downSeconds > 0).slice(0, limit);
  return (
    <section className="flex flex-col gap-1" aria-labelledby="sla-worst-title">
      <h3 id="sla-worst-title" className="text-sm font-semibold text-slate-300">
        {m.worstTitle}
      </h3>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-300">{m.worstNone}</p>
      ) : (
        <ol className="divide-y divide-slate-800 text-sm">
          {shown.map((w) => {
            const label = labelOf(w.probeId);
            return (
              <li key={w.probeId} className="flex items-baseline justify-between gap-3 py-1">
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-100">{label.probe}</span>
                  <span className="block truncate text-slate-300">{label.where}</span>
                </span>
                <span className="shrink-0 text-right tabular-nums text-slate-100">
                  {w.ratio === null ? m.noRatio : formatAvailability(locale, w.ratio)}
                  <span className="block text-slate-300">{formatMinutes(w.downSeconds / 60)}</span>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
