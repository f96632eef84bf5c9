// Ten real gateways (server/main.ts) started at once on one empty data folder: exactly one runs,
// the nine others exit with code 3 and one line naming the owner, and the folder stays usable: an
// acknowledgement written through the winner is there after a later, single start.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { Incident } from '../src/domain/model.ts';
import { API_PREFIX } from '../src/protocol/rest.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vigie-start-race-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

type Outcome = { child: ChildProcess; stdout: string; stderr: string } & ({ kind: 'running'; url: string } | { kind: 'exited'; code: number | null });

function start(): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SIM_SCALE: 'small', SIM_SPEED: '600', SIM_SCENARIO: 'storm', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const out = { stdout: '', stderr: '' };
  return new Promise((resolve) => {
    child.stderr!.on('data', (d: Buffer) => (out.stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out.stdout += d.toString();
      const url = /running: (http:\/\/\S+)\//.exec(out.stdout)?.[1];
      if (url && /demo accounts|kiosk/.test(out.stdout)) resolve({ child, kind: 'running', url, ...out });
    });
    child.once('exit', (code) => resolve({ child, kind: 'exited', code, ...out }));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function api<T>(url: string, path: string, init: { token?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${url}${API_PREFIX}${path}`, {
    method: init.body ? 'POST' : 'GET',
    headers: { ...(init.token && { authorization: `Bearer ${init.token}` }), ...(init.body !== undefined && { 'content-type': 'application/json' }) },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

test('10 simultaneous starts on one empty folder: one runs, nine refuse in one line, the data survives', { timeout: 300_000 }, async () => {
  const outcomes = await Promise.all(Array.from({ length: 10 }, start));
  const winners = outcomes.filter((o) => o.kind === 'running');
  expect(winners, outcomes.map((o) => o.stderr).join('\n')).toHaveLength(1);
  const winner = winners[0] as Outcome & { kind: 'running' };
  for (const loser of outcomes.filter((o) => o.kind === 'exited')) {
    expect(loser).toMatchObject({ code: 3, stdout: '' });
    expect(loser.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Vigie: data folder .+ is in use by process ${winner.child.pid} `))]);
  }

  // An acknowledgement through the winner.
  const password = /^ {4}support\s+(\S+)\s+support$/m.exec(winner.stdout)?.[1];
  const { token } = await api<{ token: string }>(winner.url, '/session', { body: { login: 'support', password } });
  let incident: Incident | undefined;
  for (let i = 0; i < 100 && !incident; i++) {
    incident = (await api<{ items: Incident[] }>(winner.url, '/incidents?status=open', { token })).items[0];
    if (!incident) await new Promise((r) => setTimeout(r, 300));
  }
  expect(incident, 'the storm opened no incident').toBeDefined();
  await api(winner.url, `/incidents/${encodeURIComponent(incident!.id)}/actions`, { token, body: { action: 'acknowledge', comment: 'vu pendant la course' } });
  expect(await stop(winner.child)).toBe(0);

  // A later single start works and has it.
  const again = await start();
  expect(again.kind, again.stderr).toBe('running');
  const { url } = again as Outcome & { kind: 'running' };
  const { token: token2 } = await api<{ token: string }>(url, '/session', { body: { login: 'support', password } });
  const stored = await api<Incident>(url, `/incidents/${encodeURIComponent(incident!.id)}`, { token: token2 });
  expect(stored.timeline).toContainEqual(expect.objectContaining({ kind: 'acknowledged', by: 'support', comment: 'vu pendant la course' }));
  expect(await stop(again.child)).toBe(0);
});
