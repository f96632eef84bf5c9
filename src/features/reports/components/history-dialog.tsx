// A probe's or a site's history in a native dialog (focus kept inside, Esc closes): a period
// picker, the state bands and the daily availability (charts), and the same figures as tables
// behind "Voir les données" for keyboards and screen readers. Loaded on demand (history-button).
import { useEffect, useRef, useState } from 'react';
import { formatDate, formatDateTime, formatDuration, formatPercent } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import type { History } from '../../../protocol/history.ts';
import { PeriodPicker } from './period-picker.tsx';
import { ReportTable } from './report-table.tsx';
import { reportQuery, type ReportSelection } from '../report-selection.ts';
import { BAND_COLOR, isEmptyHistory } from '../history-chart.ts';
import { useHistory, type HistorySubject } from '../api/history-query.ts';
import { historyMessages } from '../history-messages.ts';
import { DailyBars, StateTimeline } from './history-charts.tsx';

const button = 'rounded border border-slate-600 px-3 py-1.5 text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400';

export default function HistoryDialog({ subject, now, onClose }: { subject: HistorySubject; now: number; onClose(): void }) {
  const m = useMessages(historyMessages);
  const display = useTimeDisplay();
  const dialog = useRef<HTMLDialogElement>(null);
  const [selection, setSelection] = useState<ReportSelection>({ kind: 'month', at: now });
  const history = useHistory(subject, reportQuery(selection, undefined, display.timeZone));
  // Kept here: the tables stay open when another period is loaded.
  const [showData, setShowData] = useState(false);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="history-title"
      onClose={onClose}
      // Escape closes this dialog only, not the site sheet it was opened from.
      onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()}
      className="m-auto w-[min(72rem,96vw)] max-h-[92vh] overflow-auto rounded-lg bg-slate-900 p-4 text-slate-100 shadow-2xl backdrop:bg-black/60"
    >
      <header className="mb-3 flex items-start justify-between gap-2">
        <h2 id="history-title" className="text-lg font-semibold">
          {m.title(subject.name)}
        </h2>
        <button type="button" onClick={() => dialog.current?.close()} className={button}>
          {m.close}
        </button>
      </header>
      <PeriodPicker selection={selection} onChange={setSelection} />
      <div className="mt-3" aria-live="polite" aria-busy={history.isFetching}>
        {history.isPending && <p className="text-slate-300">{m.loading}</p>}
        {history.isError && (
          <p role="alert" className="text-red-300">
            {m.error}{' '}
            <button type="button" onClick={() => void history.refetch()} className={button}>
              {m.retry}
            </button>
          </p>
        )}
        {history.data && <HistoryBody history={history.data} showData={showData} onShowData={setShowData} />}
      </div>
    </dialog>
  );
}

function HistoryBody({ history, showData, onShowData }: { history: History; showData: boolean; onShowData(open: boolean): void }) {
  const m = useMessages(historyMessages);
  const display = useTimeDisplay();
  const pct = (r: number | null) => (r === null ? m.notMeasured : formatPercent(display.locale, r, 2));
  const duration = (s: number) => formatDuration(display.locale, s * 1000);
  return (
    <>
      {isEmptyHistory(history) && <p className="mb-2 text-slate-300">{m.empty}</p>}
      <section aria-labelledby="history-timeline" className="mb-4">
        <h3 id="history-timeline" className="font-medium">
          {m.timeline}
        </h3>
        <p className="text-xs text-slate-300">{m.timelineHint}</p>
        <div data-testid="history-timeline" aria-hidden="true">
          <StateTimeline history={history} display={display} />
        </div>
        <ul className="flex flex-wrap gap-3 text-xs text-slate-200">
          {(Object.keys(BAND_COLOR) as (keyof typeof BAND_COLOR)[]).map((kind) => (
            <li key={kind} className="flex items-center gap-1">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: BAND_COLOR[kind] }} />
              {m.kinds[kind]}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="history-daily" className="mb-4">
        <h3 id="history-daily" className="font-medium">
          {m.daily} · <span className="text-amber-300">{m.target(formatPercent(display.locale, history.target, 0))}</span>
        </h3>
        <div data-testid="history-daily" aria-hidden="true">
          <DailyBars history={history} display={display} />
        </div>
      </section>
      <details open={showData} onToggle={(e) => onShowData(e.currentTarget.open)} className="rounded border border-slate-700 p-2">
        <summary className="cursor-pointer font-medium">{m.data}</summary>
        <div className="mt-2 grid grid-cols-1 gap-3 *:min-w-0 lg:grid-cols-2">
          <ReportTable
            id="history-bands"
            title={m.bandsTable}
            rows={history.bands}
            rowKey={(b) => String(b.from)}
            empty={m.empty}
            columns={[
              { header: m.from, cell: (b) => formatDateTime(display, b.from) },
              { header: m.to, cell: (b) => formatDateTime(display, b.to) },
              { header: m.state, cell: (b) => m.kinds[b.kind] },
            ]}
          />
          <ReportTable
            id="history-days"
            title={m.daysTable}
            rows={history.days}
            rowKey={(d) => String(d.from)}
            empty={m.empty}
            columns={[
              { header: m.day, cell: (d) => formatDate(display, d.from) },
              { header: m.availability, cell: (d) => pct(d.ratio), numeric: true },
              { header: m.down, cell: (d) => duration(d.downSeconds), numeric: true },
              { header: m.maintenance, cell: (d) => duration(d.maintenanceSeconds), numeric: true },
            ]}
          />
        </div>
      </details>
    </>
  );
}
