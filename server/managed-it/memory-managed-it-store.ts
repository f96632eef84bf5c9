// Managed IT in memory (tests and the offline demo): same contract as sql-managed-it.ts, and it
// refuses the text PostgreSQL refuses, as the SQL store does.
import type { AssistanceTicket, ManagedItActionRecord, ManagedItConvention } from '../../src/domain/managed-it-convention.ts';
import { textProblem } from '../../src/protocol/text.ts';
import { StorageRefusedError, type ManagedItStore } from '../ports.ts';

function refuseUnstorable(record: object): void {
  for (const value of Object.values(record)) {
    const problem = typeof value === 'string' ? textProblem(value) : undefined;
    if (problem) throw new StorageRefusedError(`refused: ${problem}`);
  }
}

export function createMemoryManagedItStore(): ManagedItStore {
  const conventions = new Map<string, ManagedItConvention>();
  const actions = new Map<string, ManagedItActionRecord>();
  const tickets = new Map<string, AssistanceTicket>();
  const of = <T extends { collectiviteId: string }>(rows: Iterable<T>, collectiviteId: string | undefined) =>
    structuredClone([...rows].filter((r) => collectiviteId === undefined || r.collectiviteId === collectiviteId));
  return {
    async saveConvention(c) {
      refuseUnstorable(c);
      conventions.set(c.id, structuredClone(c));
    },
    loadConventions: async (collectiviteId) => of(conventions.values(), collectiviteId).sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)),
    async saveAction(a) {
      refuseUnstorable(a);
      actions.set(a.id, structuredClone(a));
    },
    loadActions: async ({ collectiviteId, from, to }) =>
      of(actions.values(), collectiviteId)
        .filter((a) => (from === undefined || a.at >= from) && (to === undefined || a.at < to))
        .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)),
    async saveTicket(t) {
      refuseUnstorable(t);
      tickets.set(t.id, structuredClone(t));
    },
    loadTickets: async (collectiviteId) => of(tickets.values(), collectiviteId).sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id)),
  };
}
