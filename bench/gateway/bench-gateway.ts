// The gateway as `npm start` assembles it (server/assemble-gateway.ts, shared with server/main.ts:
// storage → restore → source → sessions → createGateway with the REST routes), always fed by the
// simulator, plus bench-only control routes under /__bench and the naive baseline page under
// /__naive/. Started as a child process by bench/lib/gateway-process.ts and stopped by PID.
import fastifyStatic from '@fastify/static';
import type { Simulator } from '../../server/sources/simulator/simulator.ts';
import { ensureDemoAccounts } from '../../server/accounts/demo-accounts.ts';
import { ensureKioskToken, ensureSessionSecret } from '../../server/accounts/gateway-secrets.ts';
import { assembleGateway, type AssembledGateway } from '../../server/assemble-gateway.ts';
import { loadConfig } from '../../server/config.ts';
import { DEFAULT_RULES } from '../../src/domain/alarm-rules.ts';
import { simulatorFromConfig } from '../../server/sources/simulator/from-config.ts';
import { registerBenchRoutes, traceLive } from './bench-routes.ts';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  // The control routes reach the hub through the gateway, which exists once they are called.
  const assembled: AssembledGateway<Simulator> = await assembleGateway(config, {
    source: (start) => simulatorFromConfig(config.simulator, start),
    routes: async (app, { source, supervision, storage }) => {
      const secret = await ensureSessionSecret(storage.accounts);
      registerBenchRoutes(app, { simulator: source, supervision, storage, secret, hub: () => assembled.gateway.hub, alarms: () => assembled.alarms });
      const naiveDir = process.env.BENCH_NAIVE_DIR;
      if (naiveDir) await app.register(fastifyStatic, { root: naiveDir, prefix: '/__naive/', decorateReply: false });
    },
    logLevel: process.env.LOG_LEVEL,
    ...(process.env.BENCH_SPA_DIR ? { staticDir: process.env.BENCH_SPA_DIR } : {}),
  });
  const { gateway, storage } = assembled;
  traceLive(gateway.io);
  const url = await gateway.start(config.port, config.host);
  const estate = gateway.supervision.estate();
  const demo = await ensureDemoAccounts(storage, estate);
  const kiosk = await ensureKioskToken(storage.accounts);
  const support = demo.find((d) => d.role === 'support');
  // The storm bench with alarms on (BENCH_ALARMS=1): one référent per collectivité and support's
  // on-call address, default rules, and the worker running as under `npm start`.
  if (process.env.BENCH_ALARMS === '1' && storage.alarms && assembled.alarms) {
    for (const c of estate.collectivites) {
      await storage.alarms.saveRecipient({ id: `ref-${c.id}`.slice(0, 64), audience: 'referent', collectiviteId: c.id, name: `Référent ${c.name}`, email: `ref-${c.id}@bench.test`, language: 'fr', rules: DEFAULT_RULES.referent, enabled: true });
    }
    await storage.alarms.saveRecipient({ id: 'astreinte', audience: 'support', name: 'Astreinte', email: 'astreinte@bench.test', language: 'fr', rules: DEFAULT_RULES.support, enabled: true });
    assembled.alarms.worker.start();
  }
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
    await assembled.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
