// The whole gateway process (server/main.ts) killed with SIGKILL mid-storm, then restarted on the
// same data folder: incidents, their timelines (acknowledgements included) and the state history
// survive, and the restart neither duplicates incidents nor leaves two active ones on a probe.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { Incident } from '../src/domain/model.ts';
import { isActive } from '../src/domain/incident-rules.ts';
import { openStorage } from './storage/open-storage.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vigie-restart-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function startGateway(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SIM_SCALE: 'small', SIM_SPEED: '3600', SIM_SCENARIO: 'storm', PERSIST_MS: '100', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('Vigie is running')) resolve(child);
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code, signal) => reject(new Error(`gateway exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code, sig) => resolve(sig ?? code));
    process.kill(child.pid!, signal);
  });
}

async function readBack(): Promise<{ incidents: Incident[]; changes: number }> {
  const storage = await openStorage({ dataDir });
  try {
    const incidents = await storage.loadIncidents({});
    const changes = (await storage.loadStateChanges(0, Number.MAX_SAFE_INTEGER)).length;
    return { incidents, changes };
  } finally {
    await storage.close();
  }
}

test('kill -9 then restart keeps incidents and history without duplicates', { timeout: 120_000 }, async () => {
  const first = await startGateway();
  await new Promise((r) => setTimeout(r, 4_000)); // ≈ 4 simulated hours of storm
  expect(await stop(first, 'SIGKILL')).toBe('SIGKILL');
  const before = await readBack();
  expect(before.incidents.length).toBeGreaterThan(0);
  expect(before.changes).toBeGreaterThan(0);

  const second = await startGateway();
  await new Promise((r) => setTimeout(r, 2_000));
  expect(await stop(second, 'SIGTERM')).toBe(0);
  const after = await readBack();

  const byId = new Map(after.incidents.map((i) => [i.id, i]));
  for (const old of before.incidents) {
    const now = byId.get(old.id);
    expect(now, old.id).toBeDefined();
    // Nothing recorded before the kill is lost or rewritten: the old timeline is a prefix of the new one.
    expect(now!.timeline.slice(0, old.timeline.length)).toEqual(old.timeline);
    if (old.acknowledgedAt !== undefined) expect(now!.acknowledgedAt).toBe(old.acknowledgedAt);
  }
  const activePerProbe = new Map<string, number>();
  for (const i of after.incidents) if (isActive(i)) activePerProbe.set(i.probeId, (activePerProbe.get(i.probeId) ?? 0) + 1);
  expect([...activePerProbe.values()].every((n) => n === 1)).toBe(true);
  expect(after.changes).toBeGreaterThanOrEqual(before.changes);
});
