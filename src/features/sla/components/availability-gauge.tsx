import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import type { AvailabilityReport } from '../../../protocol/rest.ts';
import { arcPath, arcPoint, gaugePosition, GAUGE_FLOOR } from '../gauge-geometry.ts';
import { slaMessages } from '../messages.ts';
import { formatAvailability, formatMinutes, formatShare } from '../sla-format.ts';
import { VERDICT_CHIP, VERDICT_STROKE, VERDICT_SYMBOL } from '../sla-tone.ts';
import { slaStanding } from '../sla-verdict.ts';

const CX = 100;
const CY = 100;
const R = 80;

/** Availability of one scope over one period against its target, with error budget and coverage. */
export function AvailabilityGauge({ report, title }: { report: AvailabilityReport; title: string }) {
  const m = useMessages(slaMessages);
  const { locale } = useLocale();
  // One computation for the verdict, the ratio and the budget: they cannot disagree.
  const { verdict, budget, measuredMinutes } = slaStanding(report);
  const target = formatShare(locale, report.target);
  const value = report.ratio === null ? m.noRatio : formatAvailability(locale, report.ratio);
  const tick = arcPoint(gaugePosition(report.target), CX, CY, R + 12);
  const tickInner = arcPoint(gaugePosition(report.target), CX, CY, R - 12);
  return (
    <figure className="flex flex-col gap-2 rounded-lg border border-slate-700 bg-slate-900 p-3" data-verdict={verdict}>
      <figcaption className="text-sm font-semibold text-slate-300">{title}</figcaption>
      <div
        role="meter"
        aria-label={m.gaugeLabel(title, value, target)}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={report.ratio === null ? undefined : Math.round(report.ratio * 10_000) / 100}
        aria-valuetext={value}
        className="relative mx-auto w-full max-w-56"
      >
        <svg viewBox="0 0 200 112" className="w-full" aria-hidden="true">
          <path d={arcPath(0, 1, CX, CY, R)} fill="none" stroke="#334155" strokeWidth={16} />
          {report.ratio !== null && (
            <path
              d={arcPath(0, Math.max(0.005, gaugePosition(report.ratio)), CX, CY, R)}
              fill="none"
              stroke={VERDICT_STROKE[verdict]}
              strokeWidth={16}
            />
          )}
          <line x1={tickInner.x} y1={tickInner.y} x2={tick.x} y2={tick.y} stroke="#f8fafc" strokeWidth={3} />
          <text x={CX - R} y={CY + 12} textAnchor="middle" fontSize={10} fill="#cbd5e1">
            {formatShare(locale, GAUGE_FLOOR)}
          </text>
          <text x={CX + R} y={CY + 12} textAnchor="middle" fontSize={10} fill="#cbd5e1">
            {formatShare(locale, 1)}
          </text>
        </svg>
        <p className="absolute inset-x-0 bottom-1 text-center text-2xl font-bold tabular-nums text-slate-100" data-testid="availability-value">
          {value}
        </p>
      </div>
      <p className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span data-testid="sla-verdict" className={`rounded px-2 py-0.5 font-semibold ${VERDICT_CHIP[verdict]}`}>
          <span aria-hidden="true">{VERDICT_SYMBOL[verdict]} </span>
          {verdict === 'too-early' ? m.tooEarly(formatMinutes(measuredMinutes)) : m.verdict(verdict)}
        </span>
        <span className="text-slate-300">{m.target(target)}</span>
      </p>
      <div className="flex flex-col gap-1 text-sm text-slate-200">
        <p data-testid="error-budget">
          {budget.leftMinutes >= 0 ? m.budgetLeft(formatMinutes(budget.leftMinutes)) : m.budgetOver(formatMinutes(budget.leftMinutes))}
        </p>
        {budget.usedShare !== null && (
          <div>
            <span className="block h-2 overflow-hidden rounded bg-slate-700" aria-hidden="true">
              <span
                className="block h-full"
                style={{ width: `${Math.min(100, budget.usedShare * 100)}%`, backgroundColor: VERDICT_STROKE[verdict] }}
              />
            </span>
            <span className="text-xs text-slate-300">{m.budgetUsed(formatShare(locale, Math.min(1, budget.usedShare)))}</span>
          </div>
        )}
        <p data-testid="coverage">
          {report.coverage === null
            ? m.coverageNone
            : m.coverage(formatShare(locale, report.coverage), formatShare(locale, 1 - report.coverage))}
        </p>
        <p>{m.downtime(formatMinutes(report.downSeconds / 60))}</p>
      </div>
    </figure>
  );
}
