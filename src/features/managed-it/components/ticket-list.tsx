// Assistance requests of a scope, newest first: subject, what was asked (as text, never markup),
// status in words, the actions logged against each; support moves a request's status on.
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useSession } from '../../../api/use-session.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { TICKET_STATUSES } from '../../../domain/managed-it-convention.ts';
import type { TicketWire } from '../../../protocol/managed-it.ts';
import { useTickets, useUpdateTicket } from '../api/managed-it-queries.ts';
import { managedItMessages } from '../messages.ts';
import { fieldClass } from './form-fields.tsx';
import { QueryState } from './query-state.tsx';

export function TicketList({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(managedItMessages);
  const query = useTickets(collectiviteId);
  return (
    <section aria-labelledby="tickets-title" className="flex flex-col gap-2">
      <h3 id="tickets-title" className="font-semibold text-slate-100">
        {m.ticketsTitle}
      </h3>
      <QueryState query={query} empty={m.noTickets} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <ul className="flex flex-col gap-2">
            {data.items.map((t) => (
              <TicketRow key={t.id} ticket={t} showCollectivite={collectiviteId === undefined} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function TicketRow({ ticket, showCollectivite }: { ticket: TicketWire; showCollectivite: boolean }) {
  const m = useMessages(managedItMessages);
  const display = useTimeDisplay();
  const { isSupport } = useSession();
  const index = useEstateIndex();
  const update = useUpdateTicket();
  return (
    <li className="flex flex-col gap-1 rounded border border-slate-700 p-2 text-sm" data-testid="ticket">
      <p className="font-semibold break-words text-slate-100">{ticket.subject}</p>
      <p className="text-xs text-slate-300">
        {showCollectivite && `${index.collectivites.get(ticket.collectiviteId)?.name ?? ticket.collectiviteId} · `}
        {m.openedOn(formatDateTime(display, ticket.createdAt), ticket.by)}
      </p>
      <p className="whitespace-pre-wrap break-words text-slate-200">{ticket.description}</p>
      <p className="text-slate-300">
        <span data-testid="ticket-status">{m.ticketStatus[ticket.status]}</span>
        {ticket.actionIds.length > 0 && <span data-testid="ticket-actions"> · {m.linkedActions(ticket.actionIds.length, ticket.units)}</span>}
      </p>
      {isSupport && (
        <label className="flex items-center gap-2">
          {m.statusLabel}
          <select className={`${fieldClass} w-auto`} value={ticket.status} disabled={update.isPending} onChange={(e) => update.mutate({ id: ticket.id, status: e.target.value as TicketWire['status'] })}>
            {TICKET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.ticketStatus[s]}
              </option>
            ))}
          </select>
        </label>
      )}
      {update.isError && (
        <p role="alert" className="text-red-300">
          {m.failed(update.error.message)}
        </p>
      )}
    </li>
  );
}
