// Entry point of `npm start`: config → storage → accounts → source → gateway, then the URL and the
// demo accounts on the console. SIGINT/SIGTERM stop the source and write what is queued first;
// a kill -9 loses at most the last persistence window of status changes, never an operator action.
import { generateEstate } from '../mocks/simulator/estate.ts';
import { createSimulator, type Simulator } from '../mocks/simulator/simulator.ts';
import type { SupervisionSource } from '../src/protocol/source.ts';
import { runAccountCommand } from './accounts/account-commands.ts';
import { startAccountsAdmin } from './accounts/admin-socket.ts';
import { ensureDemoAccounts, type DemoCredential } from './accounts/demo-accounts.ts';
import { ensureKioskToken } from './accounts/gateway-secrets.ts';
import { createSessionService } from './accounts/session-service.ts';
import { createGateway } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createCoveredCalendar } from './http/covered-calendar.ts';
import { registerApiRoutes } from './http/register-api-routes.ts';
import { icinga2SourceFromConfig } from './sources/icinga2/from-config.ts';
import { openStorage } from './storage/open-storage.ts';
import { lastKnownInstant, restoreState } from './supervision/restore.ts';
import { renameProbes, startTestHooks, testHooksFromEnv, type TestHooksSettings } from './test-hooks/test-hooks.ts';

/** Incidents finished this long ago still show live; older ones are in the REST history. */
const RECENT_MS = 24 * 3_600_000;

async function main(): Promise<void> {
  const config = loadConfig();
  // Off unless VIGIE_TEST_HOOKS=1 (e2e tests only; see docs/configuration.md).
  const testHooks = testHooksFromEnv();
  const storage = await openStorage({ dataDir: config.dataDir, ...(config.databaseUrl && { databaseUrl: config.databaseUrl }) });
  const restored = await restoreState(storage, { now: Date.now(), recentMs: RECENT_MS });
  const source = createSource(config, Math.max(Date.now(), (lastKnownInstant(restored) ?? 0) + 1), testHooks);
  const sessions = await createSessionService({ accounts: storage.accounts, now: () => Date.now() });
  const stopRevocationWatch = sessions.watchRevocations(5_000);

  const gateway = await createGateway({
    storage,
    sessions,
    source,
    config,
    restored,
    routes: (app, { supervision }) =>
      registerApiRoutes(app, { state: supervision, storage, sessions, calendar: createCoveredCalendar(config.coveredHours) }),
    stream: { flushMs: config.stream.flushMs, heartbeatMs: config.stream.heartbeatMs, bufferBatches: config.stream.bufferBatches },
    persistMs: config.persistMs,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  });
  const url = await gateway.start(config.port, config.host);

  const estate = gateway.supervision.estate();
  const demo = config.demoAccounts ? await ensureDemoAccounts(storage, estate) : [];
  const kiosk = await ensureKioskToken(storage.accounts);
  // The embedded database allows one process: the accounts CLI talks to us through this socket.
  const stopAdmin = config.databaseUrl
    ? async () => {}
    : await startAccountsAdmin(config.dataDir, (argv) =>
        runAccountCommand(argv, { accounts: storage.accounts, estate: gateway.supervision.estate(), now: () => Date.now(), announce: (login) => sessions.accountChanged(login) }),
      );

  const stopTestHooks = testHooks && 'inject' in source ? await startTestHooks(config.dataDir, source as Simulator) : async () => {};

  printBanner(url, config, estate.collectivites.length, estate.probes.length, demo, kiosk.token);
  if (testHooks) console.log(`  TEST HOOKS ON (VIGIE_TEST_HOOKS=1): never in production`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Vigie: ${signal} received, stopping…`);
    stopRevocationWatch();
    await stopAdmin().catch(() => undefined);
    await stopTestHooks().catch(() => undefined);
    await gateway.close().catch((error) => console.error('Vigie: error while closing the gateway', error));
    await storage.close().catch((error) => console.error('Vigie: error while closing storage', error));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function createSource(config: Config, start: number, testHooks: TestHooksSettings | null): SupervisionSource {
  if (config.source === 'simulator') {
    const { seed, scale, speed, scenario } = config.simulator;
    const estate = generateEstate({ seed, scale });
    if (!testHooks) return createSimulator({ estate, seed, clock: { start }, speed, scenario });
    return createSimulator({ estate: renameProbes(estate, testHooks.probeNames), seed, clock: { start }, speed, scenario, options: testHooks.simOptions });
  }
  return icinga2SourceFromConfig(config.icinga);
}

function printBanner(url: string, config: Config, collectivites: number, probes: number, demo: DemoCredential[], kioskToken: string): void {
  const lines = [
    `Vigie is running: ${url}/`,
    `  source: ${config.source}${config.source === 'simulator' ? ` (${config.simulator.scale}, seed ${config.simulator.seed}, ×${config.simulator.speed}, ${config.simulator.scenario})` : ''} — ${collectivites} collectivités, ${probes} probes`,
    `  storage: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`,
    `  wall display (kiosk): ${url}/wall?token=${kioskToken}`,
  ];
  if (demo.length) {
    lines.push('  demo accounts (shown once; manage with `npm run accounts -- list`):');
    for (const d of demo) lines.push(`    ${d.login.padEnd(36)} ${d.password}   ${d.role}${d.collectiviteName ? ` — ${d.collectiviteName}` : ''}`);
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Vigie: ${error.message}` : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
