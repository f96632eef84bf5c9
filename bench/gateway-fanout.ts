// Bench 5 — gateway fan-out: 1,000 concurrent socket.io clients on /live (90 % référents spread
// over the collectivités, 10 % support), then 1,000 changes/s at the source for 60 s (BENCH_QUICK=1:
// 15 s). Fan-out latency per delivered batch (DeltaBatch.sourceAt → client receipt), gateway CPU
// and RSS from /proc, event-loop delay. The clients run in this process; its own CPU is reported
// too, since a saturated client would inflate the latency.
// Run: npm run bench:gateway
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { startGateway } from './lib/gateway-process.ts';
import { PROTOCOL_VERSION } from '../src/protocol/schemas.ts';
import { sleep } from './lib/bench-page.ts';
import { report } from './lib/report.ts';
import { max, mean, percentile, round } from './lib/stats.ts';

const CLIENTS = 1_000;
const SUPPORT = 100;
const RATE = 1_000;
const DURATION_MS = process.env.BENCH_QUICK === '1' ? 15_000 : 60_000;
const CONNECT_BATCH = 50;

interface Client {
  role: 'referent' | 'support';
  socket: Socket;
  latencies: number[];
  /** Batch flushed by the hub (DeltaBatch.at) → received here: the transport's share of the latency. */
  transit: number[];
  changes: number;
}

export async function fanoutBench(): Promise<void> {
  console.log(`gateway: ${CLIENTS} clients, ${RATE} changes/s for ${DURATION_MS / 1000} s…`);
  // BENCH_GATEWAY_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the gateway during the run.
  const nodeArgs = process.env.BENCH_GATEWAY_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const gateway = await startGateway({ nodeArgs });
  const clients: Client[] = [];
  try {
    const { sessions } = await gateway.call<{ sessions: Array<{ token: string; role: 'referent' | 'support' }> }>('/__bench/sessions', { referents: CLIENTS - SUPPORT, support: SUPPORT });
    const clock = await gateway.call<{ wall: number; source: number }>('/__bench/clock');
    const lag = clock.wall - clock.source;
    let recording = false;
    let sized = false;
    const payloadBytes: Record<string, number[]> = {};
    const connectStart = Date.now();
    const cpuConnect0 = gateway.proc();
    // Interleave the roles so each connection batch looks like a real morning.
    const order = sessions.map((s, i) => ({ s, k: s.role === 'support' ? (i - (CLIENTS - SUPPORT)) * (CLIENTS / SUPPORT) : i })).sort((a, b) => a.k - b.k).map((x) => x.s);
    for (let i = 0; i < order.length; i += CONNECT_BATCH) {
      await Promise.all(
        order.slice(i, i + CONNECT_BATCH).map(
          ({ token, role }) =>
            new Promise<void>((resolve, reject) => {
              const socket = io(`${gateway.url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 120_000 });
              const client: Client = { role, socket, latencies: [], transit: [], changes: 0 };
              clients.push(client);
              socket.on('connect', () => socket.emit('subscribe', { protocol: PROTOCOL_VERSION }));
              socket.on('connect_error', (error) => reject(error));
              socket.once('snapshot', () => resolve());
              // Payload sizes as one support client receives them (what the gateway writes per socket).
              if (role === 'support' && !sized) {
                sized = true;
                socket.onAny((event: string, payload: unknown) => {
                  if (!recording) return;
                  const bytes = JSON.stringify(payload).length;
                  (payloadBytes[event] ??= []).push(bytes);
                });
              }
              socket.on('deltas', (batch: { at: number; sourceAt?: number; changes: unknown[] }) => {
                if (!recording) return;
                const received = Date.now();
                if (batch.sourceAt !== undefined) client.latencies.push(received - (batch.sourceAt + lag));
                client.transit.push(received - (batch.at + lag));
                client.changes += batch.changes.length;
              });
            }),
        ),
      );
    }
    const connectMs = Date.now() - connectStart;
    const cpuConnect1 = gateway.proc();
    await sleep(3_000);
    await gateway.call('/__bench/proc/reset', {});
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(gateway.proc().rssMb), 1_000);
    const cpu0 = gateway.proc();
    const self0 = process.cpuUsage();
    // The clients share this process: a busy loop here delays receipt as much as a slow gateway.
    const selfLoop = monitorEventLoopDelay({ resolution: 10 });
    selfLoop.enable();
    const t0 = Date.now();
    recording = true;
    await gateway.call('/__bench/steady', { rate: RATE, durationMs: DURATION_MS });
    await sleep(DURATION_MS + 2_000);
    recording = false;
    clearInterval(sampler);
    const elapsedS = (Date.now() - t0) / 1000;
    const cpu1 = gateway.proc();
    const self1 = process.cpuUsage(self0);
    selfLoop.disable();
    const loop = await gateway.call<{ loopDelayMs: { p50: number; p99: number; max: number }; memory: { heapUsed: number } }>('/__bench/proc');
    const injection = await gateway.call<{ injected: number; maxLagMs: number }>('/__bench/inject');
    const all = clients.flatMap((c) => c.latencies);
    const byRole = (role: Client['role']) => clients.filter((c) => c.role === role).flatMap((c) => c.latencies);
    const summary = (values: number[]) => ({ batches: values.length, p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), max: round(max(values)) });
    report('gateway-fanout', {
      clients: clients.length,
      referents: clients.filter((c) => c.role === 'referent').length,
      support: clients.filter((c) => c.role === 'support').length,
      rate: RATE,
      durationS: DURATION_MS / 1000,
      injected: injection.injected,
      sourceInjectorMaxLagMs: injection.maxLagMs,
      target: 'fan-out p99 ≤ 200 ms',
      connectAllMs: connectMs,
      connectGatewayCpuS: round(cpuConnect1.cpuSeconds - cpuConnect0.cpuSeconds),
      fanoutLatencyMs: summary(all),
      transitLatencyMs: summary(clients.flatMap((c) => c.transit)),
      referentLatencyMs: summary(byRole('referent')),
      supportLatencyMs: summary(byRole('support')),
      changesDelivered: clients.reduce((n, c) => n + c.changes, 0),
      supportPayloadBytes: Object.fromEntries(Object.entries(payloadBytes).map(([event, sizes]) => [event, { messages: sizes.length, p50: percentile(sizes, 50), max: max(sizes) }])),
      gatewayCpuPct: round((100 * (cpu1.cpuSeconds - cpu0.cpuSeconds)) / elapsedS),
      gatewayRssMb: { mean: round(mean(rss)), max: round(max(rss)) },
      gatewayHeapUsedMb: round(loop.memory.heapUsed / 2 ** 20),
      gatewayEventLoopDelayMs: { p50: round(loop.loopDelayMs.p50), p99: round(loop.loopDelayMs.p99), max: round(loop.loopDelayMs.max) },
      clientProcessCpuPct: round((100 * (self1.user + self1.system)) / 1e6 / elapsedS),
      clientEventLoopDelayMs: { p50: round(selfLoop.percentile(50) / 1e6), p99: round(selfLoop.percentile(99) / 1e6), max: round(selfLoop.max / 1e6) },
    });
  } finally {
    for (const c of clients) c.socket.disconnect();
    await gateway.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await fanoutBench();
