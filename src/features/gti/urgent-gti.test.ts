import { describe, expect, it, vi } from 'vitest';
import type { Incident } from '../../domain/model.ts';
import { contractCalendarDto } from '../../test/contract-calendar.ts';
import { coveredCalendarFrom } from './calendar-hours.ts';
import { urgentGtis } from './urgent-gti.ts';

const calendar = coveredCalendarFrom(contractCalendarDto());
/** Paris wall clock on Monday 2 March 2026 (UTC+1); now is 15:00. */
const paris = (day: number, hh: number) => Date.UTC(2026, 2, day, hh - 1);
const now = paris(2, 15);

function incident(id: string, openedAt: number, over: Partial<Incident> = {}): Incident {
  return { id, collectiviteId: 'c-metz', siteId: 's', probeId: 'p', status: 'open', severity: 'CRITICAL', openedAt, timeline: [], version: 1, ...over };
}

const incidents = [
  incident('on-track', paris(2, 14)),
  incident('at-risk', Date.UTC(2026, 1, 27, 15)), // Friday 16:00: 1.5 h on Friday, deadline Monday 15:30
  incident('breached-late', Date.UTC(2026, 1, 25, 8)),
  incident('breached-later', Date.UTC(2026, 1, 24, 8)),
  incident('met', paris(2, 9), { status: 'in-progress', interventionAt: paris(2, 10) }),
  incident('resolved', paris(2, 9), { status: 'resolved', resolvedAt: paris(2, 11) }),
  incident('elsewhere', Date.UTC(2026, 1, 20, 8), { collectiviteId: 'c-thionville' }),
];

describe('urgentGtis', () => {
  it.each([
    { name: 'all active, most urgent first', options: { limit: 10 }, ids: ['elsewhere', 'breached-later', 'breached-late', 'at-risk', 'on-track', 'met'] },
    { name: 'first two, counting the rest', options: { limit: 2 }, ids: ['elsewhere', 'breached-later'], total: 6 },
    { name: 'one collectivité', options: { limit: 10, collectiviteId: 'c-metz' }, ids: ['breached-later', 'breached-late', 'at-risk', 'on-track', 'met'] },
    { name: 'watched states only', options: { limit: 1, states: ['breached', 'at-risk'] as const }, ids: ['elsewhere'], total: 4 },
  ])('$name', ({ options, ids, total }) => {
    const ranked = urgentGtis(incidents, now, calendar, options);
    expect(ranked.top.map((r) => r.incident.id)).toEqual(ids);
    expect(ranked.total).toBe(total ?? ids.length);
  });

  it('computes each incident’s clock once, and again for a changed incident (a new object)', () => {
    const addCoveredMs = vi.spyOn(calendar.hours, 'addCoveredMs');
    const fresh = incidents.map((i) => ({ ...i }));
    const first = urgentGtis(fresh, now, calendar, { limit: 10 });
    const deadlines = addCoveredMs.mock.calls.length;
    expect(deadlines).toBe(fresh.length - 1); // the resolved one is not active
    // A later frame, the same incidents: the time left moves, the clocks are reused.
    const later = urgentGtis(fresh, now + 60_000, calendar, { limit: 10 });
    expect(addCoveredMs.mock.calls.length).toBe(deadlines);
    expect(later.top.map((r) => r.incident.id)).toEqual(first.top.map((r) => r.incident.id));
    expect(later.top.find((r) => r.incident.id === 'on-track')!.gti.coveredMsLeft).toBe(first.top.find((r) => r.incident.id === 'on-track')!.gti.coveredMsLeft - 60_000);
    // The intervention starts: a new object, a new clock, and the GTI is met.
    const started = { ...fresh[0]!, status: 'in-progress' as const, interventionAt: now + 30_000 };
    const after = urgentGtis([started], now + 60_000, calendar, { limit: 10 });
    expect(addCoveredMs.mock.calls.length).toBe(deadlines + 1);
    expect(after.top[0]!.gti.status).toBe('met');
    addCoveredMs.mockRestore();
  });
});
