// The reports screen's body: period picker, then the report of the scope over that period —
// summary, availability per service / collectivité / probe, GTI breaches, incidents, maintenance —
// each table with its CSV, and the PDF of a collectivité. Loading, empty and error states say so.
import { useState } from 'react';
import type { PeriodReport } from '../../../protocol/rest.ts';
import { formatDateTime, formatDuration, formatPercent } from '../../../i18n/format.ts';
import { common } from '../../../i18n/common.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { usePeriodReport } from '../api/period-report-query.ts';
import { useDownload } from '../../../api/use-download.ts';
import { reportMessages } from '../messages.ts';
import { reportQuery, type ReportSelection } from '../report-selection.ts';
import { PeriodPicker } from './period-picker.tsx';
import { ReportTable, type Column } from './report-table.tsx';

const smallButton = 'rounded border border-slate-600 px-2 py-1 text-xs hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-60';

export function ReportsView({ collectiviteId, now }: { collectiviteId?: string; now: number }) {
  const m = useMessages(reportMessages);
  const display = useTimeDisplay();
  const [selection, setSelection] = useState<ReportSelection>({ kind: 'month', at: now });
  const [frenchCsv, setFrenchCsv] = useState(true);
  const query = reportQuery(selection, collectiviteId, display.timeZone);
  const report = usePeriodReport(query);
  const { state: download, download: start } = useDownload();
  const pct = (r: number | null) => (r === null ? m.notMeasured : formatPercent(display.locale, r, 2));
  const csvButton = (table: string, title: string) => (
    <button type="button" className={smallButton} disabled={download.phase === 'busy'} onClick={() => void start(`/export/report/${table}.csv`, { ...query, separator: frenchCsv ? 'semicolon' : 'comma', bom: frenchCsv ? '1' : '0' })}>
      {m.csv(title)}
    </button>
  );

  return (
    <div className="flex flex-col gap-3">
      <PeriodPicker selection={selection} onChange={setSelection} />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={frenchCsv} onChange={(e) => setFrenchCsv(e.target.checked)} />
          {m.csvFrench}
        </label>
        {collectiviteId ? (
          <button type="button" className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-600 focus-visible:outline-2 focus-visible:outline-sky-300 disabled:opacity-60" disabled={download.phase === 'busy'} onClick={() => void start('/reports/period.pdf', query)}>
            {m.pdf}
          </button>
        ) : (
          <p className="text-slate-300">{m.pdfNeedsScope}</p>
        )}
        <p role="status" className="text-slate-300">
          {download.phase === 'busy' ? m.downloading : download.phase === 'done' ? m.downloaded(download.filename) : download.phase === 'failed' ? m.downloadFailed : ''}
        </p>
      </div>
      {report.isPending ? (
        <p role="status" className="text-slate-300">{m.loading}</p>
      ) : report.isError ? (
        <div role="alert" className="flex items-center gap-3 text-red-200">
          {m.failed}
          <button type="button" className={smallButton} onClick={() => void report.refetch()}>
            {m.retry}
          </button>
        </div>
      ) : report.data.services.length === 0 ? (
        <p className="text-slate-300">{m.empty}</p>
      ) : (
        <ReportBody report={report.data} pct={pct} csvButton={csvButton} busy={report.isFetching} />
      )}
    </div>
  );
}

function ReportBody({ report, pct, csvButton, busy }: { report: PeriodReport; pct: (r: number | null) => string; csvButton: (table: string, title: string) => React.ReactNode; busy: boolean }) {
  const m = useMessages(reportMessages);
  const cm = useMessages(common);
  const display = useTimeDisplay();
  const duration = (s: number) => formatDuration(display.locale, s * 1000);
  const at = (t: number | undefined) => (t === undefined ? '—' : formatDateTime(display, t));
  const c = m.col;
  const figures = <R extends PeriodReport['total']>(): Column<R>[] => [
    { header: c.availability, cell: (r) => pct(r.ratio), numeric: true },
    { header: c.downtime, cell: (r) => duration(r.downSeconds), numeric: true },
    { header: c.target, cell: (r) => m.meets(r.meetsTarget) },
  ];
  return (
    <div className={`flex flex-col gap-3 ${busy ? 'opacity-70' : ''}`} aria-busy={busy}>
      <section aria-labelledby="report-summary" className="grid grid-cols-2 gap-3 rounded border border-slate-800 bg-slate-900 p-3 md:grid-cols-4">
        <h3 id="report-summary" className="sr-only">{m.summary}</h3>
        <Figure label={m.availability} value={pct(report.total.ratio)} detail={`${m.target(formatPercent(display.locale, report.target, 0))} — ${m.meets(report.total.meetsTarget)}`} />
        <Figure label={m.coverage} value={pct(report.total.coverage)} detail={`${m.downtime} : ${duration(report.total.downSeconds)}`} />
        <Figure label={m.gti} value={report.gti.compliance === null ? m.noDeadline : formatPercent(display.locale, report.gti.compliance, 0)} detail={m.gtiCounts(report.gti.met, report.gti.breached)} />
        <Figure label={m.maintenance} value={duration(report.total.maintenanceSeconds)} detail={`${m.incidents} : ${report.incidents.length}`} />
      </section>
      <ReportTable id="services" title={m.services} rows={report.services} rowKey={(r) => r.service} empty={m.none.services!} actions={csvButton('services', m.services)}
        columns={[{ header: c.service, cell: (r) => cm.slaService[r.service] }, { header: c.probes, cell: (r) => r.probeCount, numeric: true }, ...figures<PeriodReport['services'][number]>()]} />
      {report.collectivites.length > 0 && (
        <ReportTable id="collectivites" title={m.collectivites} rows={report.collectivites} rowKey={(r) => r.collectiviteId} empty={m.none.collectivites!} actions={csvButton('collectivites', m.collectivites)}
          columns={[{ header: c.collectivite, cell: (r) => r.name }, { header: c.probes, cell: (r) => r.probeCount, numeric: true }, ...figures<PeriodReport['collectivites'][number]>()]} />
      )}
      <ReportTable id="probes" title={report.probesAreWorstOnly ? m.worstProbes(report.probes.length) : m.probes} rows={report.probes} rowKey={(r) => r.probeId} empty={m.none.probes!} actions={csvButton('probes', m.probes)}
        columns={[{ header: c.site, cell: (r) => r.siteName }, { header: c.probe, cell: (r) => r.name }, ...figures<PeriodReport['probes'][number]>(), { header: c.coverage, cell: (r) => pct(r.coverage), numeric: true }]} />
      <ReportTable id="gti-breaches" title={m.breaches} rows={report.gti.breaches} rowKey={(r) => r.incidentId} empty={m.none['gti-breaches']!} actions={csvButton('gti-breaches', m.breaches)}
        columns={[{ header: c.site, cell: (r) => `${r.siteName} — ${r.probeName}` }, { header: c.opened, cell: (r) => at(r.openedAt) }, { header: c.deadline, cell: (r) => at(r.deadline) }, { header: c.late, cell: (r) => duration(r.lateSeconds), numeric: true }]} />
      <ReportTable id="incidents" title={m.incidents} rows={report.incidents} rowKey={(r) => r.id} empty={m.none.incidents!} actions={csvButton('incidents', m.incidents)} {...(report.incidentsTruncated && { note: m.incidentsTruncated })}
        columns={[{ header: c.opened, cell: (r) => at(r.openedAt) }, { header: c.site, cell: (r) => `${r.siteName} — ${r.probeName}` }, { header: c.severity, cell: (r) => r.severity }, { header: c.status, cell: (r) => r.status }, { header: c.resolved, cell: (r) => at(r.resolvedAt) }]} />
      <ReportTable id="maintenances" title={m.maintenances} rows={report.maintenances} rowKey={(r) => r.id} empty={m.none.maintenances!} actions={csvButton('maintenances', m.maintenances)}
        columns={[{ header: c.start, cell: (r) => at(r.start) }, { header: c.end, cell: (r) => at(r.end) }, { header: c.nature, cell: (r) => r.nature }, { header: c.coveredTime, cell: (r) => duration(r.coveredSeconds), numeric: true }]} />
    </div>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div>
      <p className="text-xs text-slate-300">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      <p className="text-xs text-slate-300">{detail}</p>
    </div>
  );
}
