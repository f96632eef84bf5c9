import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEstate } from '../sources/simulator/estate.ts';
import { renameProbes, runTestHook, sendTestHook, startTestHooks, TEST_HOOKS_SOCKET, testHooksFromEnv } from './test-hooks.ts';

describe('testHooksFromEnv', () => {
  it.each([{}, { VIGIE_TEST_HOOKS: '0' }, { VIGIE_TEST_HOOKS: 'true' }, { VIGIE_TEST_HOOKS: '' }, { VIGIE_TEST_SIM_OPTIONS: '{"activity":0}' }])(
    'is off unless VIGIE_TEST_HOOKS is exactly "1": %o',
    (env) => {
      expect(testHooksFromEnv(env)).toBeNull();
    },
  );

  it('reads simulator options and probe names', () => {
    expect(
      testHooksFromEnv({ VIGIE_TEST_HOOKS: '1', VIGIE_TEST_SIM_OPTIONS: '{"activity":0,"staff":[]}', VIGIE_TEST_PROBE_NAMES: '{"p1":"<b>x</b>"}' }),
    ).toEqual({ simOptions: { activity: 0, staff: [] }, probeNames: { p1: '<b>x</b>' } });
    expect(testHooksFromEnv({ VIGIE_TEST_HOOKS: '1' })).toEqual({ simOptions: {}, probeNames: {} });
  });

  it.each([
    ['VIGIE_TEST_SIM_OPTIONS', '{activity:0}', /VIGIE_TEST_SIM_OPTIONS: not JSON/],
    ['VIGIE_TEST_SIM_OPTIONS', '{"activty":0}', /VIGIE_TEST_SIM_OPTIONS: .*activty/],
    ['VIGIE_TEST_SIM_OPTIONS', '{"activity":-1}', /activity/],
    ['VIGIE_TEST_PROBE_NAMES', '{"p1":""}', /VIGIE_TEST_PROBE_NAMES: p1/],
  ])('refuses a bad %s (%s)', (name, value, error) => {
    expect(() => testHooksFromEnv({ VIGIE_TEST_HOOKS: '1', [name]: value })).toThrow(error);
  });
});

describe('renameProbes', () => {
  const estate = generateEstate({ seed: 57, scale: 'small' });
  const [first, second] = estate.probes;

  it('renames the given probes in a copy', () => {
    const renamed = renameProbes(estate, { [second!.id]: '<img src=x onerror=alert(1)>' });
    expect(renamed.probes[1]).toEqual({ ...second, name: '<img src=x onerror=alert(1)>' });
    expect(renamed.probes[0]).toBe(first);
    expect(estate.probes[1]!.name).toBe(second!.name);
  });

  it('refuses an unknown probe id', () => {
    expect(() => renameProbes(estate, { 'c-00000-s1-e1-p1': 'x' })).toThrow(/unknown probe c-00000-s1-e1-p1/);
  });
});

describe('runTestHook', () => {
  it('injects a state into the simulator', async () => {
    const calls: unknown[][] = [];
    const simulator = { inject: (...args: unknown[]) => void calls.push(args), rename: () => expect.unreachable() };
    expect(await runTestHook(['inject', 'p1', 'CRITICAL', 'PING CRITICAL'], simulator)).toBe('injected CRITICAL on p1');
    expect(calls).toEqual([['p1', 'CRITICAL', 'PING CRITICAL']]);
  });

  it('renames a probe or a site in the simulated engine, whatever the text', async () => {
    const calls: unknown[][] = [];
    const simulator = { inject: () => expect.unreachable(), rename: (...args: unknown[]) => void calls.push(args) };
    expect(await runTestHook(['rename-probe', 'p1', '\u0000<b>'], simulator)).toBe('renamed probe p1');
    expect(await runTestHook(['rename-site', 's1', ''], simulator)).toBe('renamed site s1');
    expect(calls).toEqual([
      ['probe', 'p1', '\u0000<b>'],
      ['site', 's1', ''],
    ]);
  });

  it.each([
    [['inject', 'p1', 'DOWN', 'x']],
    [['inject', 'p1', 'OK']],
    [['inject', '', 'OK', 'x']],
    [['rename', 'p1', 'x']],
    [['rename-probe', 'p1']],
    [['rename-site', '', 'x']],
    [[]],
  ])('refuses %o', async (argv) => {
    const simulator = { inject: () => expect.unreachable(), rename: () => expect.unreachable() };
    await expect(runTestHook(argv, simulator)).rejects.toThrow();
  });
});

describe('the hooks socket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-test-hooks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves inject on an owner-only socket in the data folder, and errors back', async () => {
    const calls: unknown[][] = [];
    const close = await startTestHooks(dir, {
      inject: (...args) => {
        if (args[0] === 'missing') throw new RangeError('unknown probe missing');
        calls.push(args);
      },
      rename: () => undefined,
    });
    try {
      expect(statSync(join(dir, TEST_HOOKS_SOCKET)).mode & 0o777).toBe(0o600);
      expect(await sendTestHook(dir, ['inject', 'p1', 'WARNING', 'DISK WARNING'])).toBe('injected WARNING on p1');
      await expect(sendTestHook(dir, ['inject', 'missing', 'OK', 'x'])).rejects.toThrow('unknown probe missing');
      // Hostile outputs of 10,000 characters fit, even escaped six times over in the request's JSON.
      const long = '\u0000'.repeat(10_000);
      expect(await sendTestHook(dir, ['inject', 'p2', 'CRITICAL', long])).toBe('injected CRITICAL on p2');
      expect(calls).toEqual([
        ['p1', 'WARNING', 'DISK WARNING'],
        ['p2', 'CRITICAL', long],
      ]);
    } finally {
      await close();
    }
    await expect(sendTestHook(dir, ['inject', 'p1', 'OK', 'x'])).rejects.toThrow(/ENOENT|ECONNREFUSED/);
  });
});
