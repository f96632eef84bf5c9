// The yearly contribution for the finance team (support: every collectivité with the totals) or a
// référent (their own): probes in use from the estate, the pack, the euros; the list as CSV and
// each collectivité's "appel à contribution" as PDF.
import { useDownload } from '../../../api/use-download.ts';
import { localYearMonth } from '../../../domain/report-period.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { localeTag } from '../../../i18n/format.ts';
import { useEstateIndex, useServerNow } from '../../../live/use-live.ts';
import { QueryState } from '../../../ui/query-state.tsx';
import { useContribution } from '../api/contribution-queries.ts';
import { contributionMessages } from '../messages.ts';

const cell = 'border-b border-slate-800 px-2 py-1';
const button = 'rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400 disabled:opacity-50';

export function ContributionView() {
  const m = useMessages(contributionMessages);
  const { locale } = useLocale();
  const { timeZone } = useTimeDisplay();
  const now = useServerNow(60_000);
  const index = useEstateIndex();
  const query = useContribution();
  const { state, download } = useDownload();
  const euros = new Intl.NumberFormat(localeTag(locale), { style: 'currency', currency: 'EUR' });
  const year = localYearMonth(now, timeZone).year;
  const rows = query.data ?? [];
  const total = rows.reduce((sum, r) => ({ probes: sum.probes + r.probesInUse, pack: sum.pack + r.packSize, euros: sum.euros + r.eurosPerYear }), { probes: 0, pack: 0, euros: 0 });
  const nameOf = (id: string) => index.collectivites.get(id)?.name ?? id;
  return (
    <section aria-labelledby="contribution-title" className="flex flex-col gap-3">
      <h2 id="contribution-title" className="text-lg font-semibold text-slate-100">
        {m.title(year)}
      </h2>
      <p className="text-sm text-slate-300">{m.rule}</p>
      <QueryState query={query} words={{ loadFailed: m.loadError, retry: m.retry, loading: m.loading }} count={rows.length} empty={m.none}>
        <>
          <button type="button" className={`${button} self-start`} disabled={state.phase === 'busy'} onClick={() => void download('/export/contribution.csv', {})}>
            {m.csv}
          </button>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="contribution-title">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-300">
                <tr>
                  <th className={cell}>{m.col.collectivite}</th>
                  <th className={`${cell} text-right`}>{m.col.probes}</th>
                  <th className={`${cell} text-right`}>{m.col.pack}</th>
                  <th className={`${cell} text-right`}>{m.col.euros}</th>
                  <th className={cell}>{m.col.call}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.collectiviteId} data-testid="contribution-row">
                    <td className={cell}>{nameOf(r.collectiviteId)}</td>
                    <td className={`${cell} text-right`}>{r.probesInUse}</td>
                    <td className={`${cell} text-right`}>{r.packSize}</td>
                    <td className={`${cell} text-right`}>{euros.format(r.eurosPerYear)}</td>
                    <td className={cell}>
                      <button type="button" className={button} aria-label={m.pdfFor(nameOf(r.collectiviteId))} disabled={state.phase === 'busy'} onClick={() => void download('/contribution/appel.pdf', { collectiviteId: r.collectiviteId })}>
                        {m.pdf}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
              {rows.length > 1 && (
                <tfoot className="font-semibold">
                  <tr data-testid="contribution-total">
                    <th scope="row" className={cell}>
                      {m.total}
                    </th>
                    <td className={`${cell} text-right`}>{total.probes}</td>
                    <td className={`${cell} text-right`}>{total.pack}</td>
                    <td className={`${cell} text-right`}>{euros.format(total.euros)}</td>
                    <td className={cell} />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        </>
      </QueryState>
      <p role="status" className="text-sm text-sky-200">
        {state.phase === 'busy' ? m.preparing : state.phase === 'done' ? m.downloaded(state.filename) : ''}
      </p>
      {state.phase === 'failed' && (
        <p role="alert" className="text-red-300">
          {m.failed}
        </p>
      )}
    </section>
  );
}
