import { describe, expect, test } from 'vitest';
import { parseMessage, ContractError, expectMessage } from './parse.ts';
import { deltaBatchSchema, estateSchema, incidentSchema, MAX_DEPENDENCIES, snapshotSchema, subscribeRequestSchema, PROTOCOL_VERSION } from './schemas.ts';
import type { Incident, ProbeStatus } from '../domain/model.ts';

const status: ProbeStatus = {
  probeId: 'p1',
  state: 'CRITICAL',
  stateType: 'HARD',
  output: 'DISK CRITICAL - free space: / 3% (<img src=x onerror=alert(1)>)',
  lastCheck: 1_775_000_000_000,
  since: 1_775_000_000_000,
  acknowledged: false,
  inDowntime: false,
};

const incident: Incident = {
  id: 'i1',
  probeId: 'p1',
  siteId: 's1',
  collectiviteId: 'c1',
  status: 'acknowledged',
  severity: 'CRITICAL',
  openedAt: 1_775_000_000_000,
  acknowledgedAt: 1_775_000_060_000,
  version: 2,
  timeline: [
    { at: 1_775_000_000_000, kind: 'opened', state: 'CRITICAL' },
    { at: 1_775_000_060_000, kind: 'acknowledged', by: 'support1', comment: 'on regarde' },
  ],
};

const ref = { stream: 'all', epoch: 'e1' };

describe('contract round-trips', () => {
  test.each([
    ['delta batch', deltaBatchSchema, { ...ref, seq: 7, at: 1, changes: [status], sourceAt: 1 }],
    ['incident', incidentSchema, incident],
    ['subscribe', subscribeRequestSchema, { protocol: PROTOCOL_VERSION, resume: { ...ref, seq: 3 } }],
    [
      'snapshot',
      snapshotSchema,
      {
        ...ref,
        protocol: PROTOCOL_VERSION,
        seq: 0,
        at: 5,
        estate: { collectivites: [], sites: [], equipment: [], probes: [] },
        statuses: [status],
        incidents: [incident],
        source: { state: 'connected', source: 'simulator', since: 0 },
      },
    ],
  ])('%s survives JSON encode → parse unchanged', (_name, schema, message) => {
    const parsed = parseMessage(schema, JSON.parse(JSON.stringify(message)));
    expect(parsed).toEqual({ ok: true, value: message });
  });
});

describe('invalid messages give a typed error naming the field', () => {
  test.each([
    ['unknown state', deltaBatchSchema, { ...ref, seq: 1, at: 1, changes: [{ ...status, state: 'DOWN' }] }, 'changes.0.state'],
    ['seq zero', deltaBatchSchema, { ...ref, seq: 0, at: 1, changes: [] }, 'seq'],
    ['missing epoch', deltaBatchSchema, { stream: 'all', seq: 1, at: 1, changes: [] }, 'epoch'],
    ['wrong protocol', subscribeRequestSchema, { protocol: 99 }, 'protocol'],
    ['oversized output', deltaBatchSchema, { ...ref, seq: 1, at: 1, changes: [{ ...status, output: 'x'.repeat(5000) }] }, 'changes.0.output'],
    ['bad timeline kind', incidentSchema, { ...incident, timeline: [{ at: 1, kind: 'exploded' }] }, 'timeline.0.kind'],
  ])('%s', (_name, schema, message, field) => {
    const parsed = parseMessage(schema, message);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toBeInstanceOf(ContractError);
    expect(parsed.error.field).toBe(field);
  });

  test('expectMessage throws the ContractError', () => {
    expect(() => expectMessage(incidentSchema, null)).toThrow(ContractError);
  });
});

describe('estate dependencies (declared parent → child probes)', () => {
  const probe = (id: string) => ({ id, equipmentId: 'e1', name: id, kind: 'host' as const, interval: 60 });
  const estate = (dependencies?: unknown) => ({
    collectivites: [],
    sites: [],
    equipment: [],
    probes: [probe('fw!'), probe('rtr!'), probe('nas!share')],
    ...(dependencies !== undefined && { dependencies }),
  });

  test('round-trip unchanged, and an estate without them stays valid', () => {
    const withEdges = estate([
      { parent: 'fw!', child: 'rtr!' },
      { parent: 'rtr!', child: 'nas!share' },
    ]);
    expect(parseMessage(estateSchema, JSON.parse(JSON.stringify(withEdges)))).toEqual({ ok: true, value: withEdges });
    expect(parseMessage(estateSchema, estate())).toEqual({ ok: true, value: estate() });
  });

  test.each([
    ['a parent that is not a probe of the estate', [{ parent: 'other-collectivite!', child: 'rtr!' }], 'dependencies.0.parent'],
    ['a child that is not a probe of the estate', [{ parent: 'fw!', child: 'rtr!' }, { parent: 'fw!', child: 'gone!' }], 'dependencies.1.child'],
    ['a probe depending on itself', [{ parent: 'fw!', child: 'fw!' }], 'dependencies.0.child'],
    ['an empty id', [{ parent: '', child: 'rtr!' }], 'dependencies.0.parent'],
    ['a missing child', [{ parent: 'fw!' }], 'dependencies.0.child'],
  ])('refuses %s', (_name, dependencies, field) => {
    const parsed = parseMessage(estateSchema, estate(dependencies));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.field).toBe(field);
  });

  test(`refuses more than ${MAX_DEPENDENCIES} edges`, () => {
    const many = Array.from({ length: MAX_DEPENDENCIES + 1 }, () => ({ parent: 'fw!', child: 'rtr!' }));
    const parsed = parseMessage(estateSchema, estate(many));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.field).toBe('dependencies');
  });
});
