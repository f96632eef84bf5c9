import { describe, expect, test } from 'vitest';
import { admitAction, conventionStanding, unitsAlert, type ManagedItConvention } from './managed-it-convention.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T0 = Date.UTC(2026, 0, 5, 8);

const convention = (over: Partial<ManagedItConvention> = {}): ManagedItConvention => ({
  id: 'conv-1',
  collectiviteId: 'c1',
  number: '2026SUP001',
  start: T0,
  end: T0 + 365 * DAY,
  unitsBought: 10,
  renewal: 'tacit',
  createdAt: T0,
  by: 'support',
  ...over,
});
const mins = (...durations: number[]) => durations.map((m) => ({ durationMs: m * MIN }));

describe('units alert', () => {
  test.each([
    ['nothing used', 0, false, 10, 'ok'],
    ['79 % used', 79, false, 100, 'ok'],
    ['80 % used', 80, false, 100, 'warning'],
    ['99 % used', 99, false, 100, 'warning'],
    ['all used', 100, true, 100, 'exhausted'],
  ] as const)('%s → %s', (_name, used, exhausted, bought, alert) => {
    expect(unitsAlert({ used, exhausted }, bought)).toBe(alert);
  });
});

describe('convention standing', () => {
  test.each([
    ['before its start', T0 - 1, mins(), 'upcoming', 'ok'],
    ['in force, 8 units of 10 used', T0 + DAY, mins(60, 60), 'active', 'warning'],
    ['used up before its end date', T0 + DAY, mins(150), 'exhausted', 'exhausted'],
    ['past its end date with units left', T0 + 365 * DAY, mins(15), 'expired', 'ok'],
  ] as const)('%s', (_name, now, actions, state, alert) => {
    expect(conventionStanding(convention(), actions, now)).toMatchObject({ state, alert });
  });
});

describe('admitting an action', () => {
  const none = () => [];
  test('counted on the convention in force, units by started 15 minutes', () => {
    expect(admitAction([convention()], none, T0 + DAY, 20 * MIN)).toMatchObject({ admitted: true, units: 2, after: { used: 2, left: 8 }, overrunUnits: 0 });
  });

  test.each([
    ['0 ms: nothing was done', T0 + DAY, 0, 'no-duration'],
    ['before the convention starts', T0 - 1, 15 * MIN, 'no-convention'],
    ['on its end instant (exclusive)', T0 + 365 * DAY, 15 * MIN, 'no-convention'],
  ] as const)('refused %s', (_name, at, durationMs, reason) => {
    expect(admitAction([convention()], none, at, durationMs)).toEqual({ admitted: false, reason });
  });

  test('exhaustion mid-action: the whole action is counted, the units beyond are an overrun', () => {
    // 9 units used, 1 left; a 40-minute action engages 3.
    const admitted = admitAction([convention()], () => mins(135), T0 + DAY, 40 * MIN);
    expect(admitted).toMatchObject({ admitted: true, units: 3, after: { used: 12, left: 0, overrun: 2, exhausted: true }, overrunUnits: 2 });
  });

  test('an action on a used-up convention is refused: the convention has ended (art. 3)', () => {
    expect(admitAction([convention()], () => mins(150), T0 + DAY, MIN)).toEqual({ admitted: false, reason: 'exhausted' });
  });

  test('after exhaustion, the renewal in force takes the action', () => {
    const renewal = convention({ id: 'conv-2', number: '2026SUP002', start: T0 + 10 * DAY, renews: 'conv-1' });
    const actionsOf = (id: string) => (id === 'conv-1' ? mins(150) : []);
    expect(admitAction([renewal, convention()], actionsOf, T0 + 11 * DAY, 15 * MIN)).toMatchObject({ admitted: true, convention: { id: 'conv-2' }, units: 1 });
    // Before the renewal starts, the used-up convention cannot take it.
    expect(admitAction([renewal, convention()], actionsOf, T0 + 9 * DAY, 15 * MIN)).toEqual({ admitted: false, reason: 'exhausted' });
  });
});
