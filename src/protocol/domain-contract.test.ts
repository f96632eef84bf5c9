// What the domain produces must be sendable as is: incidents from the reducer, contributions from
// the pack rule, and every socket event payload has a schema whose type is the event's payload.
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { yearlyContribution } from '../domain/contribution.ts';
import { reduceIncident, type IncidentEvent } from '../domain/incidents.ts';
import type { Incident } from '../domain/model.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './events.ts';
import { maintenanceUpdateSchema } from './maintenance.ts';
import { parseMessage } from './parse.ts';
import { contributionSchema } from './rest.ts';
import {
  deltaBatchSchema,
  heartbeatSchema,
  incidentSchema,
  incidentUpdateSchema,
  protocolErrorSchema,
  sourceHealthSchema,
  subscribeRequestSchema,
} from './schemas.ts';
import { wireSnapshotSchema } from './wire-snapshot.ts';

type Payload<E, K extends keyof E> = E[K] extends (payload: infer P) => void ? P : never;
type SchemasOf<E> = { [K in keyof E]: z.ZodType<Payload<E, K>> };

// Compile-time: one schema per event, no event missing, and the schema yields the event's payload.
const serverEvents = {
  snapshot: wireSnapshotSchema,
  deltas: deltaBatchSchema,
  incidents: incidentUpdateSchema,
  source: sourceHealthSchema,
  heartbeat: heartbeatSchema,
  'protocol-error': protocolErrorSchema,
  maintenances: maintenanceUpdateSchema,
} satisfies SchemasOf<ServerToClientEvents>;
const clientEvents = { subscribe: subscribeRequestSchema } satisfies SchemasOf<ClientToServerEvents>;

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 24, 15, 0); // Thursday 24 December 2026, 16:00 Paris, before two closed days
const probe = { probeId: 'p-link-1', siteId: 's-atelier', collectiviteId: 'c-57227' };

function lifecycle(): Incident[] {
  const events: IncidentEvent[] = [
    { type: 'status', at: T0, state: 'WARNING', stateType: 'HARD' },
    { type: 'acknowledge', at: T0 + MIN, by: 'support1', comment: 'Lien inter-sites dégradé <b>test</b>' },
    { type: 'status', at: T0 + 2 * MIN, state: 'CRITICAL', stateType: 'HARD' },
    { type: 'start-intervention', at: T0 + 3 * MIN, by: 'tech2' },
    { type: 'status', at: T0 + 4 * MIN, state: 'OK', stateType: 'HARD' },
    { type: 'status', at: T0 + 10 * MIN, state: 'CRITICAL', stateType: 'HARD' },
    { type: 'status', at: T0 + 3 * 24 * 60 * MIN, state: 'OK', stateType: 'HARD' },
    { type: 'close', at: T0 + 3 * 24 * 60 * MIN + MIN, by: 'support1', comment: 'RAS après Noël' },
  ];
  const seen: Incident[] = [];
  let incident: Incident | undefined;
  for (const event of events) {
    incident = reduceIncident(incident, probe, event).incident;
    if (incident) seen.push(incident);
  }
  return seen;
}

describe('domain output is valid wire data', () => {
  test.each(lifecycle().map((incident) => [incident.status, incident.timeline.length, incident] as const))(
    'incident %s with %i timeline entries survives JSON → parse unchanged',
    (_status, _entries, incident) => {
      expect(parseMessage(incidentSchema, JSON.parse(JSON.stringify(incident)))).toEqual({ ok: true, value: incident });
    },
  );

  test.each([0, 1, 130, 151])('contribution for %i probes parses', (probesInUse) => {
    const dto = { collectiviteId: 'c-57227', probesInUse, ...yearlyContribution(probesInUse) };
    expect(parseMessage(contributionSchema, dto)).toEqual({ ok: true, value: dto });
  });
});

describe('every socket event has a schema that refuses garbage at the root', () => {
  test.each(Object.entries({ ...serverEvents, ...clientEvents }))('%s', (_event, schema) => {
    for (const garbage of [undefined, null, 'snapshot', 42, []]) {
      const parsed = parseMessage(schema, garbage);
      expect(parsed.ok ? 'valid' : parsed.error.field).toBe('');
    }
  });
});
