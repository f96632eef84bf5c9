// Bench-only control routes of the bench gateway (never mounted by server/main.ts): drive the
// simulator (storm, steady load), read the server's truth for comparison, mint sessions for many
// clients, and report process figures. Loopback only, like everything the bench starts.
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ProbeState } from '../../src/domain/model.ts';
import type { Simulator } from '../../server/sources/simulator/simulator.ts';
import { signToken, type TokenPayload } from '../../server/accounts/session-token.ts';
import { hashPassword } from '../../server/accounts/password.ts';
import type { Storage } from '../../server/ports.ts';
import type { AlarmService } from '../../server/alarms/alarm-service.ts';
import type { StreamHub } from '../../server/stream/stream-hub.ts';
import type { Supervision } from '../../server/supervision/supervision.ts';
import { mulberry } from '../lib/prng.ts';

export interface BenchRouteDeps {
  simulator: Simulator;
  supervision: Supervision;
  storage: Storage;
  /** The gateway's session signing secret (gateway-secrets.ts). */
  secret: string;
  hub(): StreamHub;
  /** The alarm service, once assembled (GET /__bench/alarms). */
  alarms?: () => AlarmService | undefined;
}

type Change = [probeId: string, state: ProbeState];

interface Injection {
  total: number;
  injected: number;
  startedAt: number;
  firstAt?: number;
  lastAt?: number;
  maxLagMs: number;
  timer?: NodeJS.Timeout;
}

const TICK_MS = 10;

/** Wall-clock trace of the last /live sockets: connect, subscribe received, snapshot handed to socket.io. */
const liveTrace: Array<{ id: string; connectedAt: number; subscribeAt?: number; snapshotAt?: number; snapshotEmittedAt?: number }> = [];

export function traceLive(io: { of(name: string): { on(event: 'connection', listener: (socket: TracedSocket) => void): unknown } }): void {
  io.of('/live').on('connection', (socket) => {
    const entry: (typeof liveTrace)[number] = { id: socket.id, connectedAt: Date.now() };
    liveTrace.push(entry);
    if (liveTrace.length > 2_000) liveTrace.shift();
    socket.onAny((event) => {
      if (event === 'subscribe') entry.subscribeAt ??= Date.now();
    });
    socket.onAnyOutgoing((event) => {
      if (event !== 'snapshot' || entry.snapshotAt !== undefined) return;
      entry.snapshotAt = Date.now();
      // socket.io encodes and writes synchronously after the outgoing listeners: the next turn is after.
      setImmediate(() => (entry.snapshotEmittedAt = Date.now()));
    });
  });
}

interface TracedSocket {
  id: string;
  onAny(listener: (event: string) => void): void;
  onAnyOutgoing(listener: (event: string) => void): void;
}

export function registerBenchRoutes(app: FastifyInstance, deps: BenchRouteDeps): void {
  const { simulator, supervision } = deps;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const upgrades: Array<{ url: string; socket: Socket; at: number }> = [];
  app.server.on('upgrade', (request: { url?: string }, socket: Socket) => upgrades.push({ url: request.url ?? '', socket, at: Date.now() }));
  let injection: Injection | undefined;

  const inject = ([probeId, state]: Change) => simulator.inject(probeId, state, state === 'OK' ? 'BENCH OK' : `BENCH ${state} - injected`);

  // The outbox: events, deliveries per state, messages, each sent delivery's delay; and the queue.
  app.get<{ Querystring: { since?: string } }>('/__bench/alarms', async (request) => {
    const service = deps.alarms?.();
    if (!deps.storage.alarms || !service) return { on: false };
    const [report, health] = await Promise.all([deps.storage.alarms.report(Number(request.query.since ?? 0)), service.health()]);
    return { on: true, ...report, queued: health.queued, dead: health.dead };
  });

  app.get('/__bench/clock', async () => ({ wall: Date.now(), source: simulator.now() }));

  app.get('/__bench/proc', async () => {
    const figures = {
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      loopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
    };
    return figures;
  });
  app.post('/__bench/proc/reset', async () => {
    loop.reset();
    return { ok: true };
  });

  /** `count` distinct probes now OK and out of maintenance, each given a problem state. */
  app.post<{ Body: { count: number; seed?: number } }>('/__bench/plan', async (request) => {
    const random = mulberry(request.body.seed ?? 7);
    const candidates = [...supervision.statuses()].filter((s) => s.state === 'OK' && !s.inDowntime).map((s) => s.probeId);
    for (let i = candidates.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
    }
    const changes: Change[] = candidates.slice(0, request.body.count).map((id) => [id, random() < 0.7 ? 'CRITICAL' : 'WARNING']);
    return { changes, available: candidates.length };
  });

  /** Inject the changes evenly over spreadMs (a storm), from inside the source. */
  app.post<{ Body: { changes: Change[]; spreadMs: number } }>('/__bench/inject', { bodyLimit: 16 * 2 ** 20 }, async (request) => {
    const { changes, spreadMs } = request.body;
    stopInjection();
    const run: Injection = { total: changes.length, injected: 0, startedAt: Date.now(), maxLagMs: 0 };
    injection = run;
    const step = () => {
      const elapsed = Date.now() - run.startedAt;
      const due = Math.min(run.total, Math.ceil((run.total * (elapsed + TICK_MS)) / spreadMs));
      run.firstAt ??= Date.now();
      while (run.injected < due) inject(changes[run.injected++]!);
      run.lastAt = Date.now();
      if (run.injected >= run.total) stopInjection();
    };
    run.timer = setInterval(step, TICK_MS);
    step();
    return { startedAt: run.startedAt };
  });

  /** A steady load: `rate` changes per second for durationMs, random probes flipping OK ↔ problem. */
  app.post<{ Body: { rate: number; durationMs: number; seed?: number } }>('/__bench/steady', async (request) => {
    const { rate, durationMs } = request.body;
    stopInjection();
    const random = mulberry(request.body.seed ?? 11);
    const ids = supervision.estate().probes.map((p) => p.id);
    const total = Math.round((rate * durationMs) / 1000);
    const run: Injection = { total, injected: 0, startedAt: Date.now(), maxLagMs: 0 };
    injection = run;
    let last = run.startedAt;
    run.timer = setInterval(() => {
      const now = Date.now();
      run.maxLagMs = Math.max(run.maxLagMs, now - last - TICK_MS);
      last = now;
      const due = Math.min(total, Math.floor((rate * (now - run.startedAt)) / 1000));
      run.firstAt ??= now;
      while (run.injected < due) {
        const id = ids[Math.floor(random() * ids.length)]!;
        const current = supervision.status(id)?.state ?? 'OK';
        inject([id, current === 'OK' ? (random() < 0.5 ? 'CRITICAL' : 'WARNING') : 'OK']);
        run.injected += 1;
      }
      run.lastAt = now;
      if (run.injected >= total) stopInjection();
    }, TICK_MS);
    return { startedAt: run.startedAt, total };
  });

  app.get('/__bench/inject', async () => {
    const { timer: _timer, ...figures } = injection ?? { total: 0, injected: 0, startedAt: 0, maxLagMs: 0 };
    return { ...figures, done: !injection || injection.injected >= injection.total };
  });
  app.post('/__bench/inject/stop', async () => {
    stopInjection();
    return { ok: true };
  });

  function stopInjection(): void {
    if (injection?.timer) clearInterval(injection.timer);
    if (injection) delete injection.timer;
  }

  /** The server's truth for the 'all' stream, flushed first so it matches exactly `seq`. */
  app.get('/__bench/state', async () => {
    deps.hub().flush();
    const statuses = [...supervision.statuses()].map((s) => [s.probeId, s.state, s.stateType, s.acknowledged ? 1 : 0, s.inDowntime ? 1 : 0, s.since]);
    return { seq: deps.hub().seq('all'), statuses };
  });

  /**
   * Accounts and signed sessions for many clients at once, the way session-service.ts issues them
   * (one password hash shared by all: these accounts never log in with a password).
   */
  app.post<{ Body: { referents: number; support: number } }>('/__bench/sessions', async (request) => {
    const { referents, support } = request.body;
    const collectivites = supervision.estate().collectivites.map((c) => c.id);
    const hash = await hashPassword(randomBytes(12).toString('base64url'));
    const expiresAt = Date.now() + 6 * 3_600_000;
    const out: Array<{ token: string; role: 'referent' | 'support'; collectiviteId?: string }> = [];
    for (let i = 0; i < referents + support; i++) {
      const role = i < referents ? 'referent' : 'support';
      const collectiviteId = role === 'referent' ? collectivites[i % collectivites.length]! : undefined;
      const login = `bench-${role}-${i}`;
      await deps.storage.accounts.upsert({ login, role, ...(collectiviteId && { collectiviteId }), passwordHash: hash, disabled: false, version: 1 });
      const payload: TokenPayload = { l: login, r: role, v: 1, e: expiresAt, n: randomBytes(9).toString('base64url') };
      if (collectiviteId) payload.c = collectiviteId;
      out.push({ token: signToken(payload, deps.secret), role, ...(collectiviteId && { collectiviteId }) });
    }
    return { sessions: out };
  });

  app.get('/__bench/live-trace', async () => liveTrace);

  /** Bytes on the wire of each upgraded (WebSocket) connection, compressed as sent. */
  app.get('/__bench/wire', async () =>
    upgrades.map((u) => ({ url: u.url.split('?')[0], at: u.at, bytesWritten: u.socket.bytesWritten, bytesRead: u.socket.bytesRead, open: !u.socket.destroyed })),
  );
}
