import { useMessages } from '../../../i18n/locale-context.ts';
import { useAvailability, type SlaPeriod } from '../api/availability-query-options.ts';
import { slaMessages } from '../messages.ts';
import { AvailabilityGauge } from './availability-gauge.tsx';

/** GET /availability for one scope and period, as a gauge, with loading and error states. */
export function AvailabilityCard({ collectiviteId, period }: { collectiviteId?: string; period: SlaPeriod }) {
  const m = useMessages(slaMessages);
  const query = useAvailability({ collectiviteId, period });
  if (query.data) return <AvailabilityGauge report={query.data} title={m.period(period)} />;
  if (query.isError)
    return (
      <div role="alert" className="flex flex-col gap-2 rounded-lg border border-red-700 bg-red-950 p-3 text-red-100">
        <p className="font-semibold">{m.period(period)}</p>
        <p>{m.loadFailed}</p>
        <button type="button" className="self-start rounded border border-red-400 px-2 py-1" onClick={() => void query.refetch()}>
          {m.retry}
        </button>
      </div>
    );
  return (
    <div aria-busy="true" className="flex min-h-40 flex-col gap-2 rounded-lg border border-slate-800 bg-slate-900 p-3 text-slate-300">
      <p className="font-semibold">{m.period(period)}</p>
      <p>{m.loading}</p>
    </div>
  );
}
