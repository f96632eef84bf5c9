import { describe, expect, test } from 'vitest';
import { probeAvailability } from './availability.ts';
import { createCoveredHours } from './covered-hours.ts';
import { coversProbe, currentWindows, maintenancePhase, windowProblem, withWindows, type CoverageRef, type MaintenanceWindow } from './maintenance.ts';

const H = 3_600_000;
const ref: CoverageRef = { probeId: 'p1', equipmentId: 'e1', siteId: 's1', collectiviteId: 'c1' };
const w = (over: Partial<MaintenanceWindow> = {}): MaintenanceWindow => ({
  id: 'w1', collectiviteId: 'c1', siteIds: [], equipmentIds: [], probeIds: [], start: 10 * H, end: 12 * H,
  nature: 'travaux', by: 'support', source: 'vigie', createdAt: 0, ...over,
});

describe('coversProbe', () => {
  test.each<[string, Partial<MaintenanceWindow>, boolean]>([
    ['names the probe', { probeIds: ['p1'] }, true],
    ['names its equipment', { equipmentIds: ['e1'] }, true],
    ['names its site (all of the site)', { siteIds: ['s1'] }, true],
    ['names another site', { siteIds: ['s2'] }, false],
    ['names nothing', {}, false],
    ['another collectivité naming the same ids', { collectiviteId: 'c2', siteIds: ['s1'] }, false],
  ])('%s → %s', (_n, over, covers) => expect(coversProbe(w(over), ref)).toBe(covers));
});

describe('maintenancePhase', () => {
  test.each<[string, Partial<MaintenanceWindow>, number, string]>([
    ['before start', {}, 9 * H, 'upcoming'],
    ['at start', {}, 10 * H, 'running'],
    ['at end', {}, 12 * H, 'past'],
    ['ended early', { endedAt: 11 * H }, 11 * H, 'past'],
    ['cancelled', { cancelledAt: 5 * H }, 9 * H, 'cancelled'],
  ])('%s → %s', (_n, over, now, phase) => expect(maintenancePhase(w(over), now)).toBe(phase));

  test('currentWindows keeps upcoming and running, sorted by start', () => {
    const list = [w({ id: 'b', start: 20 * H, end: 21 * H }), w({ id: 'a' }), w({ id: 'old', start: 0, end: H }), w({ id: 'x', cancelledAt: 1 })];
    expect(currentWindows(list, 11 * H).map((x) => x.id)).toEqual(['a', 'b']);
  });
});

describe('availability uses the same windows', () => {
  const always = createCoveredHours({ timeZone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00', closedDates: [] });
  test.each<[string, { from: number; to: number }, MaintenanceWindow[], { up: number; down: number; maintenance: number }]>([
    ['window inside a down stretch', { from: 8 * H, to: 14 * H }, [w()], { up: 0, down: 4 * H, maintenance: 2 * H }],
    ['no window', { from: 8 * H, to: 14 * H }, [], { up: 0, down: 6 * H, maintenance: 0 }],
    ['window over the whole stretch', { from: 10 * H, to: 12 * H }, [w()], { up: 0, down: 0, maintenance: 2 * H }],
    ['ended early', { from: 8 * H, to: 14 * H }, [w({ endedAt: 11 * H })], { up: 0, down: 5 * H, maintenance: H }],
  ])('%s', (_n, stretch, windows, expected) => {
    const intervals = withWindows([{ ...stretch, state: 'CRITICAL' as const, inDowntime: false }], windows);
    const f = probeAvailability(intervals, { from: 0, to: 24 * H }, always);
    expect({ up: f.upMs, down: f.downMs, maintenance: f.maintenanceMs }).toEqual(expected);
  });
});

describe('windowProblem', () => {
  const now = 100 * H;
  test.each<[string, number, number, string | undefined]>([
    ['two hours tomorrow', now + 24 * H, now + 26 * H, undefined],
    ['starting now', now, now + H, undefined],
    ['starting 4 minutes ago (form filled in)', now - 4 * 60_000, now + H, undefined],
    ['ends before it starts', now + 2 * H, now + H, 'ends-before-start'],
    ['ends when it starts', now + H, now + H, 'ends-before-start'],
    ['exactly 7 days', now + H, now + H + 7 * 24 * H, undefined],
    ['longer than 7 days', now + H, now + H + 7 * 24 * H + 1, 'too-long'],
    ['started an hour ago', now - H, now + H, 'in-the-past'],
    ['entirely past', now - 3 * H, now - 2 * H, 'in-the-past'],
  ])('%s → %s', (_n, start, end, problem) => expect(windowProblem(start, end, now)).toBe(problem));
});
