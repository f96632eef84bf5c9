import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import { useAvailability, type SlaPeriod } from '../api/availability-query-options.ts';
import { slaMessages } from '../messages.ts';
import { formatAvailability, formatMinutes, formatShare } from '../sla-format.ts';
import { slaStanding, type SlaVerdict } from '../sla-verdict.ts';

const WALL_VERDICT: Record<SlaVerdict, string> = {
  met: 'text-emerald-300',
  tight: 'text-amber-300',
  behind: 'text-orange-300',
  'too-early': 'text-slate-300',
  missed: 'text-red-400',
  unmeasured: 'text-slate-300',
};

function WallFigure({ collectiviteId, period }: { collectiviteId?: string; period: SlaPeriod }) {
  const m = useMessages(slaMessages);
  const { locale } = useLocale();
  const { data } = useAvailability({ collectiviteId, period });
  if (!data) return <p className="text-xl text-slate-400">{m.period(period)} …</p>;
  const { verdict, budget, measuredMinutes } = slaStanding(data);
  const used = verdict === 'too-early' ? null : budget.usedShare;
  return (
    <div className="flex flex-col">
      <span className="text-xl text-slate-300">
        {m.period(period)} · {m.target(formatShare(locale, data.target))}
      </span>
      <span className={`text-5xl font-black tabular-nums ${WALL_VERDICT[verdict]}`}>
        {data.ratio === null ? '—' : formatAvailability(locale, data.ratio)}
      </span>
      <span className="text-xl text-slate-200">
        {verdict === 'too-early' ? m.tooEarly(formatMinutes(measuredMinutes)) : m.verdict(verdict)}
        {used !== null && ` · ${m.budgetUsed(formatShare(locale, Math.min(1, used)))}`}
      </span>
    </div>
  );
}

/** Availability for the wall (dark, large): this month and this semester. Absent: whole scope. */
export function WallAvailability({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(slaMessages);
  return (
    <section aria-label={m.title} className="flex flex-col gap-3 rounded-lg bg-slate-900 p-3 ring-1 ring-slate-700">
      <WallFigure collectiviteId={collectiviteId} period="month" />
      <WallFigure collectiviteId={collectiviteId} period="semester" />
    </section>
  );
}
