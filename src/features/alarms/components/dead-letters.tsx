// Alarms the worker gave up on (after its last attempt), for support: what, to whom, why, and a
// retry that puts them back in the queue. "Remises en file" is said only once the gateway answered.
import { formatTime } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useDeadLetters, useRetryDeadLetters } from '../api/alarm-queries.ts';
import { alarmMessages } from '../messages.ts';
import { saveReason } from '../save-reason.ts';

const button = 'rounded border border-slate-500 px-2 py-0.5 hover:bg-slate-700 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-sky-400';

export function DeadLetters() {
  const m = useMessages(alarmMessages);
  const display = useTimeDisplay();
  const { data, isPending, isError } = useDeadLetters();
  const retry = useRetryDeadLetters();
  const items = data?.items ?? [];

  return (
    <section aria-labelledby="dead-letters-title" className="flex flex-col gap-1 text-sm">
      <h3 id="dead-letters-title" className="font-semibold">
        {m.deadTitle}
        {data && data.total > 0 && <span className="font-normal text-slate-300"> · {m.deadShown(items.length, data.total)}</span>}
      </h3>
      {isPending && <p className="text-slate-300">{m.loading}</p>}
      {isError && <p className="text-amber-300">{m.loadFailed}</p>}
      {data && items.length === 0 && <p className="text-slate-300">{m.deadNone}</p>}
      {items.length > 0 && (
        <>
          <ul className="flex max-h-64 flex-col gap-1 overflow-y-auto">
            {items.map((d) => {
              const what = `${d.subject} → ${d.recipientName ?? d.recipientId} (${m[d.channel]})`;
              return (
                <li key={d.id} className="flex flex-wrap items-center gap-2 rounded border border-slate-700 px-2 py-1">
                  <span className="min-w-0 flex-1">
                    <span className="font-semibold">{what}</span>
                    <span className="block text-slate-300">
                      {formatTime(display, d.nextAt)} · {m.deadRow(d.attempts, d.lastError ?? '—')}
                    </span>
                  </span>
                  <button type="button" className={button} disabled={retry.isPending} aria-label={m.retry(what)} onClick={() => retry.mutate([d.id])}>
                    {m.retry('').trim()}
                  </button>
                </li>
              );
            })}
          </ul>
          <div>
            <button type="button" className={button} disabled={retry.isPending} onClick={() => retry.mutate(items.map((d) => d.id))}>
              {m.retryAll}
            </button>
          </div>
        </>
      )}
      <p role="status" aria-live="polite" className={retry.isError ? 'text-amber-300' : 'text-emerald-300'}>
        {retry.isSuccess && m.retried(retry.data.retried)}
        {retry.isError && m.retryFailed(saveReason(retry.error, m))}
      </p>
    </section>
  );
}
