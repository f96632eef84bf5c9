// The desk serialises balance-reading writes: two technicians logging at once on the last units
// cannot both be admitted, whatever the order the store answers in.
import { describe, expect, it } from 'vitest';
import { createManagedItDesk } from './managed-it-desk.ts';
import { createMemoryManagedItStore } from './memory-managed-it-store.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 2, 8);

describe('managed-IT desk', () => {
  it('admits one of two simultaneous actions on a convention with one unit left; the other is refused', async () => {
    const store = createMemoryManagedItStore();
    let n = 0;
    const desk = createManagedItDesk({ store, now: () => NOW, incidentCollectivite: async () => undefined, newId: (p) => `${p}-${++n}` });
    await desk.createConvention({ collectiviteId: 'c1', number: 'N1', start: NOW - DAY, end: NOW + 300 * DAY, unitsBought: 1, renewal: 'tacit' }, 'support');
    const action = { collectiviteId: 'c1', at: NOW - 60_000, durationMinutes: 30, place: 'remote', kind: 'curative', technician: 'A', description: 'x' } as const;
    const results = await Promise.allSettled([desk.logAction(action, 'a'), desk.logAction(action, 'b')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(results[0]).toMatchObject({ value: { action: { units: 2 }, convention: { standing: { used: 2, left: 0, overrun: 1, exhausted: true } } } });
    expect(results[1]).toMatchObject({ reason: { code: 'conflict' } });
    expect(await store.loadActions({ collectiviteId: 'c1' })).toHaveLength(1);
  });

  it('keeps working after a refused write', async () => {
    const store = createMemoryManagedItStore();
    const desk = createManagedItDesk({ store, now: () => NOW, incidentCollectivite: async () => undefined });
    await expect(desk.logAction({ collectiviteId: 'c1', at: NOW, durationMinutes: 5, place: 'remote', kind: 'curative', technician: 'A', description: 'x' }, 's')).rejects.toMatchObject({ code: 'conflict' });
    await desk.createConvention({ collectiviteId: 'c1', number: 'N2', start: NOW - DAY, end: NOW + DAY, unitsBought: 4, renewal: 'none' }, 'support');
    expect((await desk.logAction({ collectiviteId: 'c1', at: NOW, durationMinutes: 5, place: 'on-site', kind: 'preventive', technician: 'A', description: 'x' }, 's')).convention.standing.left).toBe(3);
  });
});
