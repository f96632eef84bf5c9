import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import { formatPercent } from '../../../i18n/format.ts';
import type { GtiReport } from '../../../protocol/rest.ts';
import type { GtiPeriod } from '../api/gti-report-query-options.ts';
import { gtiMessages } from '../messages.ts';

/** GTI compliance over a period: share met among the GTIs decided in it. */
export function GtiComplianceCard({ report, period }: { report: GtiReport; period: GtiPeriod }) {
  const m = useMessages(gtiMessages);
  const { locale } = useLocale();
  return (
    <div className="flex flex-col gap-1 rounded-lg border border-slate-700 bg-slate-900 p-3">
      <h3 className="text-sm font-semibold text-slate-300">
        {m.compliance} — {m.period(period)}
      </h3>
      {report.compliance === null ? (
        <p className="text-slate-300">{m.noDecided}</p>
      ) : (
        <>
          <p className="text-3xl font-bold tabular-nums text-slate-100" data-testid="gti-compliance">
            {formatPercent(locale, report.compliance)}
          </p>
          <p className="text-sm text-slate-300">{m.complianceDetail(report.met, report.breached)}</p>
        </>
      )}
    </div>
  );
}
