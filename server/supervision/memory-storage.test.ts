import { expect, test } from 'vitest';
import type { StateChangeRow } from '../ports.ts';
import { MemoryStorage } from './memory-storage.ts';

const row = (probeId: string, at: number, state: StateChangeRow['state'] = 'OK'): StateChangeRow => ({ probeId, at, state, inDowntime: false });

test('loadStateChanges keeps the port’s promise: the period, plus each probe’s last change before it', async () => {
  const storage = new MemoryStorage();
  await storage.appendStateChanges([row('b', 5, 'CRITICAL'), row('a', 1), row('a', 3, 'WARNING'), row('b', 12), row('a', 10), row('c', 20), row('a', 30)]);
  const rows = await storage.loadStateChanges(10, 25);
  expect(rows.map((r) => `${r.probeId}@${r.at}`)).toEqual(['a@3', 'a@10', 'b@5', 'b@12', 'c@20']);
  expect((await storage.loadStateChanges(10, 25, ['b'])).map((r) => `${r.probeId}@${r.at}`)).toEqual(['b@5', 'b@12']);
});
