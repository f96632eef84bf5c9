// Entry point of `npm start`: config → the gateway as assemble-gateway.ts builds it (storage, source,
// sessions, REST API), then the URL and the demo accounts on the console. SIGINT/SIGTERM stop the
// source and write what is queued first; a kill -9 loses at most the last persistence window of
// status changes, never an operator action.
import type { Simulator } from './sources/simulator/simulator.ts';
import type { Instant } from '../src/domain/model.ts';
import type { SupervisionSource } from '../src/protocol/source.ts';
import { runAccountCommand } from './accounts/account-commands.ts';
import { startAccountsAdmin } from './accounts/admin-socket.ts';
import { ensureDemoAccounts, ensureOwedDemoReferents, type DemoCredential } from './accounts/demo-accounts.ts';
import { ensureKioskToken } from './accounts/gateway-secrets.ts';
import { assembleGateway } from './assemble-gateway.ts';
import { ensureDemoRecipients } from './alarms/demo-recipients.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { icinga2SourceFromConfig } from './sources/icinga2/from-config.ts';
import { onParentExit } from './parent-watch.ts';
import { simulatorFromConfig } from './sources/simulator/from-config.ts';
import { DataDirLockedError } from './storage/data-dir-lock.ts';
import { renameProbes, startTestHooks, testHooksFromEnv, type TestHooksSettings } from './test-hooks/test-hooks.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  // Off unless VIGIE_TEST_HOOKS=1 (e2e tests only; see docs/configuration.md).
  const testHooks = testHooksFromEnv();
  const { gateway, storage, sessions, source, alarms, close } = await assembleGateway(config, {
    source: (start) => createSource(config, start, testHooks),
    logLevel: process.env.LOG_LEVEL,
  });
  const url = await gateway.start(config.port, config.host);

  const estate = gateway.supervision.estate();
  const demo = config.demoAccounts ? await ensureDemoAccounts(storage, estate) : [];
  // Référents a first start could not create (no collectivité yet) come when their collectivités do.
  let owed = Promise.resolve();
  const payOwed = () => {
    owed = owed
      .then(() => ensureOwedDemoReferents(storage, gateway.supervision.estate()))
      .then(async (created) => {
        if (!created.length) return;
        if (storage.alarms) await ensureDemoRecipients(storage.alarms, created);
        printDemo('demo référent accounts, now that their collectivités appeared (shown once):', created);
      })
      .catch((error: unknown) => console.error('Vigie: could not create the demo référents', error));
  };
  const stopOwed = config.demoAccounts ? gateway.supervision.subscribe((change) => change.estateChanged && payOwed()) : () => {};
  if (demo.length && storage.alarms) await ensureDemoRecipients(storage.alarms, demo);
  // Started once the state is restored, the source runs and the first recipients exist.
  alarms?.worker.start();
  const kiosk = await ensureKioskToken(storage.accounts);
  // The embedded database allows one process: the accounts CLI talks to us through this socket.
  const stopAdmin = config.databaseUrl
    ? async () => {}
    : await startAccountsAdmin(config.dataDir, (argv) =>
        runAccountCommand(argv, { accounts: storage.accounts, estate: gateway.supervision.estate(), now: () => Date.now(), announce: (login) => sessions.accountChanged(login) }),
      );

  const stopTestHooks = testHooks && 'inject' in source ? await startTestHooks(config.dataDir, source as Simulator) : async () => {};

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Vigie: ${reason}, stopping…`);
    // Never hang on the way out: past this, whatever is still pending is given up.
    setTimeout(() => {
      console.error('Vigie: still stopping after 15 s, exiting now');
      process.exit(1);
    }, 15_000).unref();
    stopOwed();
    await owed;
    await stopAdmin().catch(() => undefined);
    await stopTestHooks().catch(() => undefined);
    await close().catch((error: unknown) => console.error('Vigie: error while closing', error));
    process.exit(0);
  };
  // `on`, not `once`: a stop often delivers the signal twice (`timeout` or a supervisor signals the
  // whole process group, and scripts/start.mjs forwards it too); a second one must not kill the
  // process while it writes its last persistence window and releases the data folder's lock.
  process.on('SIGINT', () => void shutdown('SIGINT received'));
  process.on('SIGTERM', () => void shutdown('SIGTERM received'));
  onParentExit(() => void shutdown('the process that started the gateway is gone'));

  // Announced only now that a stop signal is handled: a supervisor may signal as soon as it reads this.
  printBanner(url, config, estate.collectivites.length, estate.probes.length, demo, kiosk.token);
  console.log(`  alarms: ${alarmsLine(config, alarms?.catcher?.dir)}`);
  const health = gateway.supervision.sourceHealth();
  // "0 collectivités" alone reads like an empty engine: say when it is the connection that failed.
  if (health.state === 'stale') {
    console.log(`  source NOT CONNECTED yet: ${health.problem ? `${health.problem.message}\n  fix: ${health.problem.fix}` : (health.detail ?? 'no answer yet')}`);
    console.log('  (retrying; GET /api/v1/health and the support view show the current reason)');
  }
  if (testHooks) console.log(`  TEST HOOKS ON (VIGIE_TEST_HOOKS=1): never in production`);
  // An earlier start that owed référents, and an estate that arrived before the subscription above.
  if (config.demoAccounts) payOwed();
}

function createSource(config: Config, start: Instant, testHooks: TestHooksSettings | null): SupervisionSource {
  if (config.source === 'icinga2') return icinga2SourceFromConfig(config.icinga);
  if (!testHooks) return simulatorFromConfig(config.simulator, start);
  return simulatorFromConfig(config.simulator, start, { estate: (estate) => renameProbes(estate, testHooks.probeNames), options: testHooks.simOptions });
}

function printBanner(url: string, config: Config, collectivites: number, probes: number, demo: DemoCredential[], kioskToken: string): void {
  const lines = [
    `Vigie is running: ${url}/`,
    `  source: ${config.source}${config.source === 'simulator' ? ` (${config.simulator.scale}, seed ${config.simulator.seed}, ×${config.simulator.speed}, ${config.simulator.scenario})` : ''} — ${collectivites} collectivités, ${probes} probes`,
    `  storage: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}`,
    `  wall display (kiosk): ${url}/wall?token=${kioskToken}`,
  ];
  if (demo.length) lines.push(...demoLines('demo accounts (shown once; manage with `npm run accounts -- list`):', demo));
  if (demo.length && !demo.some((d) => d.role === 'referent')) {
    lines.push('  no collectivité yet: the demo référent accounts will be created and shown here when their collectivités appear');
    lines.push('  (or add one: npm run accounts -- add <login> --role referent --collectivite <id>, see docs/accounts.md)');
  }
  // One write: readers of the banner (supervisors, tests) get it whole.
  console.log(lines.join('\n'));
}

function demoLines(title: string, credentials: DemoCredential[]): string[] {
  return [`  ${title}`, ...credentials.map((d) => `    ${d.login.padEnd(36)} ${d.password}   ${d.role}${d.collectiviteName ? ` — ${d.collectiviteName}` : ''}`)];
}

function printDemo(title: string, credentials: DemoCredential[]): void {
  console.log(demoLines(title, credentials).join('\n'));
}

function alarmsLine(config: Config, catcherDir?: string): string {
  const mail = config.alarms.smtp ? `mail via ${new URL(config.alarms.smtp.url).host}` : catcherDir ? `mail to the embedded catcher, kept in ${catcherDir}` : 'no mail channel (SMTP_URL unset)';
  const sms = config.alarms.sms ? `SMS via ${new URL(config.alarms.sms.url).host}` : 'no SMS channel (SMS_URL unset)';
  return `${mail}; ${sms}`;
}

// A bad setting (2) or a data folder held by another gateway (3) is one line, not a stack trace.
main().catch((error: unknown) => {
  const refused = error instanceof ConfigError ? 2 : error instanceof DataDirLockedError ? 3 : undefined;
  console.error(refused ? `Vigie: ${(error as Error).message}` : error);
  process.exit(refused ?? 1);
});
