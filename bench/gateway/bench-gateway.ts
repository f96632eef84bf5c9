// The gateway as `npm start` assembles it (server/main.ts: config → storage → restore → simulator →
// sessions → createGateway with the REST routes), plus bench-only control routes under /__bench and
// the naive baseline page under /__naive/. Started as a child process by bench/lib/gateway-process.ts
// and stopped by PID. Keep the assembly in step with server/main.ts (it exports nothing to reuse).
import fastifyStatic from '@fastify/static';
import { generateEstate } from '../../mocks/simulator/estate.ts';
import { createSimulator } from '../../mocks/simulator/simulator.ts';
import { ensureDemoAccounts } from '../../server/accounts/demo-accounts.ts';
import { ensureKioskToken, ensureSessionSecret } from '../../server/accounts/gateway-secrets.ts';
import { createSessionService } from '../../server/accounts/session-service.ts';
import { createGateway, type Gateway } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createCoveredCalendar } from '../../server/http/covered-calendar.ts';
import { registerApiRoutes } from '../../server/http/register-api-routes.ts';
import { openStorage } from '../../server/storage/open-storage.ts';
import { lastKnownInstant, restoreState } from '../../server/supervision/restore.ts';
import { registerBenchRoutes, traceLive } from './bench-routes.ts';

const RECENT_MS = 24 * 3_600_000;

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const storage = await openStorage({ dataDir: config.dataDir });
  const restored = await restoreState(storage, { now: Date.now(), recentMs: RECENT_MS });
  const { seed, scale, speed, scenario } = config.simulator;
  const start = Math.max(Date.now(), (lastKnownInstant(restored) ?? 0) + 1);
  const simulator = createSimulator({ estate: generateEstate({ seed, scale }), seed, clock: { start }, speed, scenario });
  const sessions = await createSessionService({ accounts: storage.accounts, now: () => Date.now() });
  const stopRevocationWatch = sessions.watchRevocations(5_000);
  const secret = await ensureSessionSecret(storage.accounts);
  // The control routes reach the hub through the gateway, which exists once they are called.
  const gateway: Gateway = await createGateway({
    storage,
    sessions,
    source: simulator,
    config,
    restored,
    routes: async (app, { supervision }) => {
      await registerApiRoutes(app, { state: supervision, storage, sessions, calendar: createCoveredCalendar(config.coveredHours) });
      registerBenchRoutes(app, { simulator, supervision, storage, secret, hub: () => gateway.hub });
      const naiveDir = process.env.BENCH_NAIVE_DIR;
      if (naiveDir) await app.register(fastifyStatic, { root: naiveDir, prefix: '/__naive/', decorateReply: false });
    },
    stream: config.stream,
    persistMs: config.persistMs,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    ...(process.env.BENCH_SPA_DIR ? { staticDir: process.env.BENCH_SPA_DIR } : {}),
  });
  traceLive(gateway.io);
  const url = await gateway.start(config.port, config.host);
  const estate = gateway.supervision.estate();
  const demo = await ensureDemoAccounts(storage, estate);
  const kiosk = await ensureKioskToken(storage.accounts);
  const support = demo.find((d) => d.role === 'support');
  // One machine-readable line for the bench runner.
  console.log(
    `BENCH_READY ${JSON.stringify({
      url,
      pid: process.pid,
      kioskToken: kiosk.token,
      support: support && { login: support.login, password: support.password },
      collectivites: estate.collectivites.length,
      sites: estate.sites.length,
      probes: estate.probes.length,
      startMs: Math.round(performance.now() - startedAt),
    })}`,
  );

  const shutdown = async () => {
    stopRevocationWatch();
    await gateway.close().catch(() => undefined);
    await storage.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
