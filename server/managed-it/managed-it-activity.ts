// The managed-IT activity of a collectivité over a period, as documents print it (the period
// report's section and the semester activity report): the period's actions with their units, and
// the units left on the convention in force at the end of the period (counted over all its actions).
import type { Period } from '../../src/domain/availability.ts';
import { conventionStanding, type AssistanceTicket, type ManagedItActionRecord, type ManagedItConvention } from '../../src/domain/managed-it-convention.ts';
import type { ManagedItActivity } from '../../src/protocol/managed-it-activity.ts';
import type { ManagedItStore } from '../ports.ts';

/** The convention a period ends under: the last one started before the period's end. */
export function conventionAtEnd(conventions: readonly ManagedItConvention[], period: Period): ManagedItConvention | undefined {
  return conventions.filter((c) => c.start < period.to && c.end > period.from).sort((a, b) => a.start - b.start).at(-1);
}

export function activityOf(
  conventions: readonly ManagedItConvention[],
  allActions: readonly ManagedItActionRecord[],
  period: Period,
  tickets: readonly Pick<AssistanceTicket, 'id' | 'subject'>[] = [],
): ManagedItActivity | undefined {
  const subjects = new Map(tickets.map((t) => [t.id, t.subject]));
  // A request is named by its subject (the référent's words), an incident by its id.
  const referenceOf = (a: ManagedItActionRecord) => (a.ticketId !== undefined ? `demande « ${subjects.get(a.ticketId) ?? a.ticketId} »` : a.incidentId !== undefined ? `incident ${a.incidentId}` : undefined);
  const actions = allActions.filter((a) => a.at >= period.from && a.at < period.to);
  const convention = conventionAtEnd(conventions, period);
  if (actions.length === 0 && !convention) return undefined;
  const standing = convention && conventionStanding(convention, allActions.filter((a) => a.conventionId === convention.id && a.at < period.to), period.to - 1);
  return {
    actions: actions.map((a) => ({
      at: a.at,
      durationMinutes: Math.round(a.durationMs / 60_000),
      units: a.units,
      place: a.place,
      nature: a.kind,
      technician: a.technician,
      description: a.description,
      ...(referenceOf(a) !== undefined && { reference: referenceOf(a)! }),
    })),
    unitsUsed: actions.reduce((sum, a) => sum + a.units, 0),
    ...(standing && { unitsLeft: standing.left, convention: convention.number }),
  };
}

/** ReportDocuments.managedIt over the managed-IT store. */
export function managedItActivity(store: ManagedItStore) {
  return async (collectiviteId: string, period: Period): Promise<ManagedItActivity | undefined> => {
    const [conventions, actions, tickets] = await Promise.all([store.loadConventions(collectiviteId), store.loadActions({ collectiviteId, to: period.to }), store.loadTickets(collectiviteId)]);
    return activityOf(conventions, actions, period, tickets);
  };
}
