// parseListInSteps gives exactly what parseMessage gives — the same value for a valid message, the
// same first error for an invalid one — while validating a long list a few items per step.
import { describe, expect, test } from 'vitest';
import { complete } from '../domain/steps.ts';
import type { ProbeStatus } from '../domain/model.ts';
import { parseListInSteps, parseMessage } from './parse.ts';
import { deltaBatchSchema, incidentUpdateSchema } from './schemas.ts';

const status = (i: number): ProbeStatus => ({
  probeId: `p${i}`,
  state: i % 3 === 0 ? 'CRITICAL' : 'WARNING',
  stateType: 'HARD',
  output: `disk ${i}%`,
  lastCheck: 1_775_000_000_000 + i,
  since: 1_775_000_000_000,
  acknowledged: false,
  inDowntime: i % 7 === 0,
});
const batch = (changes: unknown[], extra: object = {}) => ({ stream: 'all', epoch: 'e1', seq: 7, at: 1, changes, sourceAt: 1, ...extra });
const incident = (i: number) => ({ id: `i${i}`, probeId: `p${i}`, siteId: 's1', collectiviteId: 'c1', status: 'open', severity: 'CRITICAL', openedAt: 5, version: 1, timeline: [{ at: 5, kind: 'opened', state: 'CRITICAL' }] });

describe('parseListInSteps', () => {
  const valid = batch(Array.from({ length: 100 }, (_, i) => ({ ...status(i), unknownField: 'dropped as zod drops it' })), { extra: true });
  const invalid = [
    ['an item', batch([status(1), { ...status(2), state: 'BROKEN' }, status(3)])],
    ['the envelope before the list', batch([status(1)], { seq: -1 })],
    ['the envelope after the list, and an item', batch([{ ...status(2), since: 'x' }], { sourceAt: 'x' })],
    ['not an object', 'nope'],
    ['no list', { stream: 'all', epoch: 'e1', seq: 7, at: 1 }],
  ] as const;

  test('a valid batch: the same value as parseMessage', () => {
    expect(complete(parseListInSteps(deltaBatchSchema, 'changes', valid))).toEqual(parseMessage(deltaBatchSchema, valid));
    const update = { stream: 'all', epoch: 'e1', incidents: Array.from({ length: 70 }, (_, i) => incident(i)) };
    expect(complete(parseListInSteps(incidentUpdateSchema, 'incidents', update))).toEqual(parseMessage(incidentUpdateSchema, update));
  });

  test.each(invalid)('invalid (%s): the same first error as parseMessage', (_, input) => {
    const stepped = complete(parseListInSteps(deltaBatchSchema, 'changes', input));
    const whole = parseMessage(deltaBatchSchema, input);
    expect(stepped.ok).toBe(false);
    expect(stepped).toEqual(whole);
    if (!stepped.ok && !whole.ok) expect(stepped.error.field).toBe(whole.error.field);
  });

  test('yields every few items, so a caller can slice a long list', () => {
    const steps = parseListInSteps(deltaBatchSchema, 'changes', valid, 10);
    let yields = 0;
    while (!steps.next().done) yields += 1;
    expect(yields).toBe(10);
  });
});
