// Test hooks for end-to-end tests against the real gateway, OFF unless VIGIE_TEST_HOOKS=1 (read from
// the environment only, never from a VIGIE_CONFIG file). With the simulator they let a test tame the
// simulated background (options), give probes chosen names before start (hostile-text checks), and
// force a probe's state or rename a probe or site over an owner-only Unix socket in DATA_DIR —
// nothing reachable over HTTP, so a browser session (support or référent) can never use them.
import { z } from 'zod';
import type { Estate } from '../../src/protocol/schemas.ts';
import type { Simulator } from '../sources/simulator/simulator.ts';
import type { SimOptions } from '../sources/simulator/sim-state.ts';
import { sendAccountsCommand, startAccountsAdmin } from '../accounts/admin-socket.ts';

export const TEST_HOOKS_SOCKET = 'test-hooks.sock';

const simOptionsSchema = z
  .object({
    maxAttempts: z.number().int().min(1).max(10),
    retryInterval: z.number().int().min(1).max(3_600),
    activity: z.number().min(0).max(100),
    staff: z.array(z.string().min(1).max(100)).max(50),
  })
  .partial()
  .strict();

const probeNamesSchema = z.record(z.string().min(1).max(200), z.string().min(1).max(300));

export interface TestHooksSettings {
  /** Overrides of the simulator's options (e.g. `{ "activity": 0, "staff": [] }` for a still estate). */
  simOptions: Partial<SimOptions>;
  /** Probe id → name, applied to the simulated estate before the simulator starts. */
  probeNames: Record<string, string>;
}

function parseJson<T>(name: string, raw: string | undefined, schema: z.ZodType<T>, empty: T): T {
  if (raw === undefined || raw.trim() === '') return empty;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`${name}: not JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** null unless VIGIE_TEST_HOOKS is exactly "1": the hooks are never on by default. */
export function testHooksFromEnv(env: NodeJS.ProcessEnv = process.env): TestHooksSettings | null {
  if (env.VIGIE_TEST_HOOKS !== '1') return null;
  return {
    simOptions: parseJson('VIGIE_TEST_SIM_OPTIONS', env.VIGIE_TEST_SIM_OPTIONS, simOptionsSchema, {}),
    probeNames: parseJson('VIGIE_TEST_PROBE_NAMES', env.VIGIE_TEST_PROBE_NAMES, probeNamesSchema, {}),
  };
}

/** A copy of the estate with the given probes renamed; an unknown id is an error (a typo would test nothing). */
export function renameProbes(estate: Estate, names: Record<string, string>): Estate {
  const known = new Set(estate.probes.map((p) => p.id));
  const unknown = Object.keys(names).filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`VIGIE_TEST_PROBE_NAMES: unknown probe ${unknown.join(', ')}`);
  return { ...estate, probes: estate.probes.map((p) => (p.id in names ? { ...p, name: names[p.id]! } : p)) };
}

const STATES = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;

/** What the hooks drive in the simulated engine. */
type HookTarget = Pick<Simulator, 'inject' | 'rename'>;

/**
 * Runs one hook command: `inject <probeId> <OK|WARNING|CRITICAL|UNKNOWN> <output>` (a HARD change,
 * now), or `rename-probe|rename-site <id> <name>` (any text: hostile-text tests of the source).
 */
export async function runTestHook(argv: string[], simulator: HookTarget): Promise<string> {
  const [command, probeId, state, output] = argv;
  if (command === 'rename-probe' || command === 'rename-site') {
    const [, id, name] = argv;
    if (!id || name === undefined || argv.length !== 3) throw new Error(`usage: ${command} <id> <name>`);
    const kind = command === 'rename-probe' ? 'probe' : 'site';
    simulator.rename(kind, id, name);
    return `renamed ${kind} ${id}`;
  }
  if (command !== 'inject') throw new Error(`unknown test hook "${command ?? ''}"`);
  if (!probeId || !STATES.includes(state as (typeof STATES)[number]) || output === undefined || argv.length !== 4) {
    throw new Error('usage: inject <probeId> <OK|WARNING|CRITICAL|UNKNOWN> <output>');
  }
  simulator.inject(probeId, state as (typeof STATES)[number], output);
  return `injected ${state} on ${probeId}`;
}

/** Largest hook request: a 10,000-character hostile text, JSON-escaped six bytes a character, fits. */
const MAX_HOOK_REQUEST = 256 * 1024;

/** Serves the hooks on `<dataDir>/test-hooks.sock` (0600); returns the close function. */
export function startTestHooks(dataDir: string, simulator: HookTarget): Promise<() => Promise<void>> {
  return startAccountsAdmin(dataDir, (argv) => runTestHook(argv, simulator), TEST_HOOKS_SOCKET, MAX_HOOK_REQUEST);
}

/** Client side, for tests: send one hook command to the gateway holding `dataDir`. */
export function sendTestHook(dataDir: string, argv: string[]): Promise<string> {
  return sendAccountsCommand(dataDir, argv, 15_000, TEST_HOOKS_SOCKET);
}
