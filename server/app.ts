// Assembles the gateway on one port: fastify (REST routes, the built SPA with client-side routing
// fallback) and socket.io (the `/live` stream), around one supervision state and one stream hub.
// Every collaborator is passed in, so tests build a real gateway in-process on port 0.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { API_PREFIX } from '../src/protocol/rest.ts';
import type { SupervisionSource } from '../src/protocol/source.ts';
import { loadConfig, type Config } from './config.ts';
import { answerFrameworkError } from './http/fastify/fastify-errors.ts';
import { API_SERVER_OPTIONS } from './http/fastify/register-api-routes.ts';
import { DEFAULT_CATCH_UP_LIMITS, type CatchUpLimits } from './live/catch-up-ledger.ts';
import { registerLiveNamespace, type LiveServer } from './live/live-namespace.ts';
import { DEFAULT_MESSAGE_LIMITS, type MessageLimits } from './live/message-guard.ts';
import type { SessionService, Storage } from './ports.ts';
import type { StreamHub } from './stream/stream-hub.ts';
import { systemTimers, type Timers } from './stream/timers.ts';
import type { RestoredState } from './supervision/restore.ts';
import type { Supervision } from './supervision/supervision.ts';
import type { MaintenanceRules } from '../src/domain/maintenance.ts';
import { createGatewayCore } from './gateway-core.ts';
import { registerSecurityHeaders } from './http/fastify/security-headers.ts';
import { spaIndexFile } from './spa-index.ts';

/** What REST route modules (server/http) receive to do their work. */
export interface RouteContext {
  supervision: Supervision;
  storage: Storage;
  sessions: SessionService;
  /** Covered hours, tile URL… as configured (embedded defaults in tests). */
  config: Config;
}

export type RegisterRoutes = (app: FastifyInstance, context: RouteContext) => Promise<void> | void;

export interface GatewayDeps {
  storage: Storage;
  sessions: SessionService;
  source: SupervisionSource;
  /** REST routes (server/http's registerApiRoutes, which mounts itself under API_PREFIX). */
  routes?: RegisterRoutes;
  config?: Config;
  stream?: { flushMs?: number; heartbeatMs?: number; bufferBatches?: number };
  persistMs?: number;
  /** Maintenance limits (longest window); the contract's defaults otherwise. */
  maintenanceRules?: MaintenanceRules;
  restored?: RestoredState;
  /** Folder of the built SPA; false to serve none. Default: dist/ when it has an index.html. */
  staticDir?: string | false;
  limits?: MessageLimits;
  /** How often live sockets' sessions are re-checked (expiry without an explicit revoke). */
  revalidateMs?: number;
  /** Transport hard cap per client message; above it the client is disconnected. */
  maxHttpBufferSize?: number;
  /** A connection that has joined no namespace this long after opening is closed (default 10 s). */
  connectTimeoutMs?: number;
  /** Packets a live socket may have waiting to be written before it is dropped to resync. */
  maxBufferedPackets?: number;
  /** Resync interval and byte budget of what one live socket may ask to be sent (defaults: DEFAULT_CATCH_UP_LIMITS). */
  catchUp?: Partial<CatchUpLimits>;
  timers?: Timers;
  logger?: FastifyServerOptions['logger'];
}

export interface Gateway {
  app: FastifyInstance;
  io: LiveServer;
  supervision: Supervision;
  hub: StreamHub;
  /** Start the source, then listen; resolves with the base URL. */
  start(port: number, host: string): Promise<string>;
  /** Stop the source, write what is queued, close sockets and the port. */
  close(): Promise<void>;
}

const DIST = join(import.meta.dirname, '..', 'dist');

export async function createGateway(deps: GatewayDeps): Promise<Gateway> {
  const timers = deps.timers ?? systemTimers;
  const log = (message: string, detail?: unknown) => app.log.warn({ detail }, message);
  const app = Fastify({ routerOptions: { ...API_SERVER_OPTIONS }, frameworkErrors: answerFrameworkError, logger: deps.logger ?? false, bodyLimit: 64 * 1024 });
  const core = createGatewayCore({
    source: deps.source,
    storage: deps.storage,
    timers,
    log,
    ...(deps.persistMs ? { persistMs: deps.persistMs } : {}),
    ...(deps.maintenanceRules && { maintenanceRules: deps.maintenanceRules }),
    ...(deps.restored ? { restored: deps.restored } : {}),
    ...(deps.stream && { stream: deps.stream }),
  });
  const { supervision, hub } = core;

  const limits = deps.limits ?? DEFAULT_MESSAGE_LIMITS;
  const io: LiveServer = new Server(app.server, {
    serveClient: false,
    maxHttpBufferSize: deps.maxHttpBufferSize ?? 4 * limits.maxBytes,
    // Deflate only what no live batch reaches: the support snapshot (3.6 MB of columns at Moselle
    // scale, 0.77 MB deflated). Deflate runs per socket (each has its own zlib context), so a batch
    // broadcast to 100 support clients was deflated 100 times and the sockets queued behind zlib.
    // engine.io 6.6's WebSocket transport ignores socket.io's per-message compress(false), and ws
    // applies the threshold only without context takeover: hence both. The threshold sits above a
    // storm's 5,000-change chunk (~1.2 MB) and a référent's snapshot (a few KB).
    perMessageDeflate: { threshold: 2 * 2 ** 20, serverNoContextTakeover: true },
    httpCompression: { threshold: 2_048 },
    // An anonymous peer may not hold a transport open without joining /live (socket.io's default: 45 s).
    connectTimeout: deps.connectTimeoutMs ?? 10_000,
  });
  // socket.io always creates the default namespace: `/live` is the only one served.
  io.of('/').use((_socket, next) => next(Object.assign(new Error('unknown namespace'), { data: { code: 'not-found', message: 'the live stream is the namespace /live' } })));
  const detachLive = registerLiveNamespace(io, {
    hub,
    sessions: deps.sessions,
    limits,
    timers,
    log,
    ...(deps.revalidateMs ? { revalidateMs: deps.revalidateMs } : {}),
    ...(deps.maxBufferedPackets ? { maxBufferedPackets: deps.maxBufferedPackets } : {}),
    ...(deps.catchUp && { catchUp: { ...DEFAULT_CATCH_UP_LIMITS, ...deps.catchUp } }),
  });

  const config = deps.config ?? loadConfig({});
  registerSecurityHeaders(app);
  if (deps.routes) {
    const routes = deps.routes;
    const context: RouteContext = { supervision, storage: deps.storage, sessions: deps.sessions, config };
    await routes(app, context);
  }
  await serveSpa(app, deps.staticDir === undefined ? (existsSync(join(DIST, 'index.html')) ? DIST : false) : deps.staticDir, config);

  return {
    app,
    io,
    supervision,
    hub,
    async start(port, host) {
      await core.start();
      await app.listen({ port, host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      return `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
    },
    async close() {
      await core.stop().catch((error) => log('stopping the source failed', error));
      detachLive();
      io.local.disconnectSockets(true);
      io.engine.close();
      await app.close();
    },
  };
}

/**
 * The built SPA, with index.html for any other GET that is not an API or socket path. index.html is
 * rendered with the runtime settings (<meta> tags) and kept; the other files are served as built.
 */
async function serveSpa(app: FastifyInstance, root: string | false, config: Config): Promise<void> {
  const indexHtml = root ? spaIndexFile(join(root, 'index.html'), { tileUrl: config.tileUrl, tileAttribution: config.tileAttribution }) : () => undefined;
  const sendIndex = (reply: FastifyReply, html: string) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  if (root) {
    // The built index.html is never sent as is: `/` and `/index.html` get the rendered copy.
    await app.register(fastifyStatic, { root, wildcard: true, index: false, maxAge: 0, allowedPath: (path) => path !== '/index.html' && !isSourceMap(path) });
    app.get('/', (_request, reply) => {
      const html = indexHtml();
      return html === undefined ? reply.callNotFound() : sendIndex(reply, html);
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const html = request.method === 'GET' && !path.startsWith(`${API_PREFIX}/`) && !path.startsWith('/socket.io') && !isSourceMap(path) ? indexHtml() : undefined;
    if (html !== undefined) return sendIndex(reply, html);
    return reply.code(404).send({ error: { code: 'not-found', message: `no route for ${request.method} ${path}` } });
  });
}

/** Source maps would publish the SPA's whole source: never served, even if a build wrote some. */
const isSourceMap = (path: string) => /\.map$/i.test(path);
