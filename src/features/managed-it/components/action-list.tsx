// The actions done for a scope, newest first, as a table: when, how long, the units counted,
// remote or on site, preventive or curative, who, what (text, never markup).
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { useManagedItActions, useTickets } from '../api/managed-it-queries.ts';
import { managedItMessages } from '../messages.ts';
import { QueryState } from './query-state.tsx';

const cell = 'border-b border-slate-800 px-2 py-1 align-top';

export function ActionList({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(managedItMessages);
  const display = useTimeDisplay();
  const index = useEstateIndex();
  const query = useManagedItActions(collectiviteId);
  const tickets = useTickets(collectiviteId);
  const subjectOf = (id: string | undefined) => (id === undefined ? '' : (tickets.data?.items.find((t) => t.id === id)?.subject ?? id));
  return (
    <section aria-labelledby="actions-title" className="flex flex-col gap-2">
      <h3 id="actions-title" className="font-semibold text-slate-100">
        {m.actionsTitle}
      </h3>
      <QueryState query={query} empty={m.noActions} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={m.actionsTitle}>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-300">
                <tr>
                  <th className={cell}>{m.col.date}</th>
                  {collectiviteId === undefined && <th className={cell}>{m.col.collectivite}</th>}
                  <th className={cell}>{m.col.duration}</th>
                  <th className={cell}>{m.col.units}</th>
                  <th className={cell}>{m.col.place}</th>
                  <th className={cell}>{m.col.kind}</th>
                  <th className={cell}>{m.col.technician}</th>
                  <th className={cell}>{m.col.ticket}</th>
                  <th className={cell}>{m.col.description}</th>
                </tr>
              </thead>
              <tbody>
                {[...data.items].reverse().map((a) => (
                  <tr key={a.id} data-testid="managed-it-action">
                    <td className={`${cell} whitespace-nowrap`}>{formatDateTime(display, a.at)}</td>
                    {collectiviteId === undefined && <td className={cell}>{index.collectivites.get(a.collectiviteId)?.name ?? a.collectiviteId}</td>}
                    <td className={cell}>{m.minutes(Math.round(a.durationMs / 60_000))}</td>
                    <td className={cell}>{a.units}</td>
                    <td className={cell}>{m.places[a.place]}</td>
                    <td className={cell}>{m.kinds[a.kind]}</td>
                    <td className={cell}>{a.technician}</td>
                    <td className={`${cell} break-words`}>{subjectOf(a.ticketId) || a.incidentId}</td>
                    <td className={`${cell} whitespace-pre-wrap break-words`}>{a.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
