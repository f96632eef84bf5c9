// Kind of period (month, semester, year, dates) and previous / next, one click each. Dates are
// whole local days, the last one included.
import { useMessages } from '../../../i18n/locale-context.ts';
import { formatDate } from '../../../i18n/format.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { selectedPeriod, stepSelection, switchKind, type ReportSelection } from '../report-selection.ts';
import { reportMessages } from '../messages.ts';

const KINDS: ReportSelection['kind'][] = ['month', 'semester', 'year', 'custom'];
const button = 'rounded border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400';

export function PeriodPicker({ selection, onChange }: { selection: ReportSelection; onChange: (s: ReportSelection) => void }) {
  const m = useMessages(reportMessages);
  const display = useTimeDisplay();
  const tz = display.timeZone;
  const period = selectedPeriod(selection, tz);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div role="group" aria-label={m.periodKind} className="flex gap-1">
        {KINDS.map((kind) => (
          <button key={kind} type="button" aria-pressed={selection.kind === kind} onClick={() => onChange(switchKind(selection, kind, tz))} className={`${button} ${selection.kind === kind ? 'bg-sky-800 text-white' : ''}`}>
            {m.kinds[kind]}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => onChange(stepSelection(selection, -1, tz))} className={button}>
        ‹ {m.previous}
      </button>
      <p className="text-sm font-medium" aria-live="polite">
        {m.periodLabel(formatDate(display, period.from), formatDate(display, period.to - 1))}
      </p>
      <button type="button" onClick={() => onChange(stepSelection(selection, 1, tz))} className={button}>
        {m.next} ›
      </button>
      {selection.kind === 'custom' && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="flex items-center gap-1">
            {m.firstDay}
            <input type="date" value={selection.first} max={selection.last} onChange={(e) => e.target.value && onChange({ ...selection, first: e.target.value })} className="rounded border border-slate-600 bg-slate-800 px-2 py-1" />
          </label>
          <label className="flex items-center gap-1">
            {m.lastDay}
            <input type="date" value={selection.last} min={selection.first} onChange={(e) => e.target.value && onChange({ ...selection, last: e.target.value })} className="rounded border border-slate-600 bg-slate-800 px-2 py-1" />
          </label>
        </div>
      )}
    </div>
  );
}
