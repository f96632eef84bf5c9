// The managed-IT desk of the gateway: conventions, actions and tickets over the ManagedItStore,
// with the rules of src/domain/managed-it-convention.ts. Writes that read a balance first (logging
// an action) run one at a time, so two technicians logging at once cannot both spend the last unit.
import { admitAction, conventionStanding, MAX_CONVENTION_MS, type AssistanceTicket, type ManagedItActionRecord, type ManagedItConvention } from '../../src/domain/managed-it-convention.ts';
import { unitsForAction } from '../../src/domain/managed-it.ts';
import type { Instant } from '../../src/domain/model.ts';
import type { ActionRequest, ConventionRequest, ConventionWithStanding, TicketWire } from '../../src/protocol/managed-it.ts';
import type { ManagedItStore } from '../ports.ts';

export type RefusalCode = 'not-found' | 'conflict' | 'bad-request';

export class ManagedItRefusal extends Error {
  override readonly name = 'ManagedItRefusal';
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ManagedItDeskOptions {
  store: ManagedItStore;
  now(): Instant;
  /** Collectivité of an incident id, or undefined when there is no such incident. */
  incidentCollectivite(id: string): Promise<string | undefined>;
  newId?(prefix: string): string;
}

const MINUTE = 60_000;

function randomId(prefix: string): string {
  const digits = [...crypto.getRandomValues(new Uint8Array(10))].map((byte) => byte % 10).join('');
  return `${prefix}-${digits}`;
}

export function createManagedItDesk(options: ManagedItDeskOptions) {
  const { store } = options;
  const newId = options.newId ?? randomId;
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const withStanding = (conventions: ManagedItConvention[], actions: ManagedItActionRecord[], now: Instant): ConventionWithStanding[] =>
    conventions.map((c) => ({ ...c, standing: conventionStanding(c, actions.filter((a) => a.conventionId === c.id), now) }));

  async function ticketOf(id: string, collectiviteId?: string): Promise<AssistanceTicket> {
    const ticket = (await store.loadTickets(collectiviteId)).find((t) => t.id === id);
    if (!ticket) throw new ManagedItRefusal('not-found', 'ticket not found', 'ticketId');
    return ticket;
  }

  return {
    async conventions(collectiviteId: string | undefined): Promise<ConventionWithStanding[]> {
      const [conventions, actions] = await Promise.all([store.loadConventions(collectiviteId), store.loadActions({ ...(collectiviteId !== undefined && { collectiviteId }) })]);
      return withStanding(conventions, actions, options.now());
    },

    async createConvention(request: ConventionRequest, by: string): Promise<ConventionWithStanding> {
      if (request.end <= request.start) throw new ManagedItRefusal('bad-request', 'end: must be after start', 'end');
      if (request.end - request.start > MAX_CONVENTION_MS) throw new ManagedItRefusal('bad-request', 'end: a convention lasts one year at most (art. 3)', 'end');
      return oneAtATime(async () => {
        const existing = await store.loadConventions(request.collectiviteId);
        if (request.renews !== undefined && !existing.some((c) => c.id === request.renews)) throw new ManagedItRefusal('bad-request', 'renews: no such convention in this collectivité', 'renews');
        if (existing.some((c) => c.number === request.number.trim())) throw new ManagedItRefusal('conflict', `number: convention ${request.number.trim()} exists already`, 'number');
        const convention: ManagedItConvention = {
          id: newId('conv'),
          collectiviteId: request.collectiviteId,
          number: request.number.trim(),
          start: request.start,
          end: request.end,
          unitsBought: request.unitsBought,
          renewal: request.renewal,
          ...(request.renews !== undefined && { renews: request.renews }),
          createdAt: options.now(),
          by,
        };
        await store.saveConvention(convention);
        return withStanding([convention], [], options.now())[0]!;
      });
    },

    /** Log an action: counted on the convention in force at its date, refused when none can take it. */
    logAction(request: ActionRequest, by: string): Promise<{ action: ManagedItActionRecord; convention: ConventionWithStanding }> {
      return oneAtATime(async () => {
        const now = options.now();
        if (request.at > now + 5 * MINUTE) throw new ManagedItRefusal('bad-request', 'at: an action is logged once it is done, not in advance', 'at');
        if (request.ticketId !== undefined) await ticketOf(request.ticketId, request.collectiviteId);
        if (request.incidentId !== undefined && (await options.incidentCollectivite(request.incidentId)) !== request.collectiviteId) {
          throw new ManagedItRefusal('bad-request', 'incidentId: no such incident in this collectivité', 'incidentId');
        }
        const [conventions, actions] = await Promise.all([store.loadConventions(request.collectiviteId), store.loadActions({ collectiviteId: request.collectiviteId })]);
        const durationMs = request.durationMinutes * MINUTE;
        const admission = admitAction(conventions, (id) => actions.filter((a) => a.conventionId === id), request.at, durationMs);
        if (!admission.admitted) {
          if (admission.reason === 'exhausted') throw new ManagedItRefusal('conflict', 'the convention in force has used up its units and has ended (art. 3): renew it before logging more work', 'at');
          throw new ManagedItRefusal('conflict', 'no managed-IT convention in force on that date for this collectivité', 'at');
        }
        const action: ManagedItActionRecord = {
          id: newId('act'),
          collectiviteId: request.collectiviteId,
          conventionId: admission.convention.id,
          at: request.at,
          durationMs,
          units: unitsForAction(durationMs),
          place: request.place,
          kind: request.kind,
          ...(request.ticketId !== undefined && { ticketId: request.ticketId }),
          ...(request.incidentId !== undefined && { incidentId: request.incidentId }),
          technician: request.technician.trim(),
          description: request.description.trim(),
          loggedAt: now,
          by,
        };
        await store.saveAction(action);
        const counted = [...actions.filter((a) => a.conventionId === admission.convention.id), action];
        return { action, convention: withStanding([admission.convention], counted, now)[0]! };
      });
    },

    actions: (collectiviteId: string | undefined, from?: Instant, to?: Instant) =>
      store.loadActions({ ...(collectiviteId !== undefined && { collectiviteId }), ...(from !== undefined && { from }), ...(to !== undefined && { to }) }),

    async tickets(collectiviteId: string | undefined): Promise<TicketWire[]> {
      const [tickets, actions] = await Promise.all([store.loadTickets(collectiviteId), store.loadActions({ ...(collectiviteId !== undefined && { collectiviteId }) })]);
      return tickets.map((t) => {
        const linked = actions.filter((a) => a.ticketId === t.id);
        return { ...t, actionIds: linked.map((a) => a.id), units: linked.reduce((sum, a) => sum + a.units, 0) };
      });
    },

    async createTicket(collectiviteId: string, request: { subject: string; description: string }, by: string): Promise<TicketWire> {
      const now = options.now();
      const ticket: AssistanceTicket = { id: newId('tk'), collectiviteId, subject: request.subject.trim(), description: request.description.trim(), status: 'open', createdAt: now, updatedAt: now, by };
      await store.saveTicket(ticket);
      return { ...ticket, actionIds: [], units: 0 };
    },

    async ticketCollectivite(id: string): Promise<string | undefined> {
      return (await store.loadTickets()).find((t) => t.id === id)?.collectiviteId;
    },

    async updateTicket(id: string, status: AssistanceTicket['status']): Promise<TicketWire> {
      const ticket = await ticketOf(id);
      const updated = { ...ticket, status, updatedAt: options.now() };
      await store.saveTicket(updated);
      return (await this.tickets(ticket.collectiviteId)).find((t) => t.id === id)!;
    },
  };
}

export type ManagedItDesk = ReturnType<typeof createManagedItDesk>;
