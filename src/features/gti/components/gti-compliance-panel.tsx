import { useMessages } from '../../../i18n/locale-context.ts';
import { common } from '../../../i18n/common.ts';
import { useGtiReport, type GtiPeriod } from '../api/gti-report-query-options.ts';
import { gtiMessages } from '../messages.ts';
import { GtiComplianceCard } from './gti-compliance-card.tsx';

/** Loads GET /gti for one period and shows the compliance card, with loading and error states. */
export function GtiCompliancePanel({ collectiviteId, period }: { collectiviteId?: string; period: GtiPeriod }) {
  const m = useMessages(gtiMessages);
  const c = useMessages(common);
  const query = useGtiReport({ collectiviteId, period });
  if (query.data) return <GtiComplianceCard report={query.data} period={period} />;
  if (query.isError)
    return (
      <p role="alert" className="rounded-lg border border-red-700 bg-red-950 p-3 text-red-100">
        {m.compliance}: {c.error}{' '}
        <button type="button" className="underline" onClick={() => void query.refetch()}>
          {m.retry}
        </button>
      </p>
    );
  return (
    <p aria-busy="true" className="rounded-lg border border-slate-800 p-3 text-slate-300">
      {m.compliance}: {c.loading}
    </p>
  );
}
