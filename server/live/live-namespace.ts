// The socket.io namespace `/live`: authenticates each socket from its handshake token, pins it to
// the one stream its principal may read, and answers `subscribe` with a snapshot or the missed
// batches. Bad client messages get a `protocol-error`; the connection and other clients go on.
import type { Namespace, Server, Socket } from 'socket.io';
import { parseMessage } from '../../src/protocol/parse.ts';
import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '../../src/protocol/events.ts';
import { subscribeRequestSchema, type ProtocolError } from '../../src/protocol/schemas.ts';
import type { Principal, SessionService } from '../ports.ts';
import { scopeOf, type StreamScope } from '../stream/scope.ts';
import type { StreamHub } from '../stream/stream-hub.ts';
import { systemTimers, type Timers } from '../stream/timers.ts';
import type { CatchUpLimits } from './catch-up-ledger.ts';
import { createMessageGuard, DEFAULT_MESSAGE_LIMITS, type MessageGuard, type MessageLimits } from './message-guard.ts';
import { createScopeFanout, DEFAULT_MAX_BUFFERED_PACKETS } from './scope-fanout.ts';

export interface LiveSocketData {
  principal: Principal;
  token: string;
  scope: StreamScope;
  guard: MessageGuard;
  /** In its scope's room (caught up, receiving the live broadcasts). */
  joined?: boolean;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

export interface LiveOptions {
  hub: StreamHub;
  sessions: SessionService;
  limits?: MessageLimits;
  /** Sessions are re-checked this often, so an expired token does not keep a socket alive. */
  revalidateMs?: number;
  /** A socket with more packets than this waiting to be written is dropped (it reconnects and resyncs). */
  maxBufferedPackets?: number;
  /** Resync interval and byte budget of what one socket may ask to be sent (catch-up-ledger.ts). */
  catchUp?: CatchUpLimits;
  timers?: Timers;
  now?: () => number;
  log?: (message: string, detail?: unknown) => void;
}

const MAX_TOKEN_LENGTH = 1_024;

/** Register the namespace; returns a function that detaches its timers and listeners. */
export function registerLiveNamespace(io: LiveServer, options: LiveOptions): () => void {
  const { hub, sessions, limits = DEFAULT_MESSAGE_LIMITS, revalidateMs = 60_000, timers = systemTimers, now = Date.now, log = () => {} } = options;
  const live: Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData> = io.of(LIVE_NAMESPACE);
  const fanout = createScopeFanout(live, hub, { maxBufferedPackets: options.maxBufferedPackets ?? DEFAULT_MAX_BUFFERED_PACKETS, timers, now, log, ...(options.catchUp && { catchUp: options.catchUp }) });

  live.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return next(refusal('unauthorized'));
    sessions.verify(token).then(
      (principal) => {
        const scope = principal && scopeOf(principal);
        if (!principal || !scope) return next(refusal('unauthorized'));
        socket.data = { principal, token, scope, guard: createMessageGuard(limits) };
        next();
      },
      (error: unknown) => {
        log('session check failed', error);
        next(refusal('internal'));
      },
    );
  });

  live.on('connection', (socket: LiveSocket) => {
    socket.use(([event, ...args], next) => {
      const problem = socket.data.guard.check(event, args, now());
      if (problem) return refuse(socket, problem);
      next();
    });
    socket.on('subscribe', (request) => subscribe(socket, request));
    socket.on('disconnect', () => fanout.leave(socket));
    socket.on('error', (error) => log('live socket error', error));
  });

  function subscribe(socket: LiveSocket, request: unknown): void {
    const parsed = parseMessage(subscribeRequestSchema, request);
    if (!parsed.ok) return refuse(socket, { code: 'bad-request', message: parsed.error.message.slice(0, 500), field: parsed.error.field.slice(0, 200) });
    // The scope comes from the session, never from the request: a resume naming another stream gets a snapshot of the caller's own.
    fanout.join(socket, parsed.value.resume);
  }

  /** Every socket of `login`, or only the one session `token` names (a logout). */
  function dropSessionsOf(login: string, token?: string): void {
    for (const socket of live.sockets.values()) {
      if (socket.data.principal?.login !== login) continue;
      if (token === undefined) expel(socket, 'session revoked');
      else if (socket.data.token === token) expel(socket, 'logged out');
    }
  }

  async function revalidate(): Promise<void> {
    for (const socket of [...live.sockets.values()]) {
      const principal = await sessions.verify(socket.data.token).catch(() => undefined);
      if (!principal || scopeOf(principal) !== socket.data.scope) expel(socket, 'session expired');
    }
  }

  const stopRevoked = sessions.onRevoked(dropSessionsOf);
  const timer = timers.setInterval(() => void revalidate().catch((error) => log('session revalidation failed', error)), revalidateMs);
  return () => {
    stopRevoked();
    timers.clearInterval(timer);
    fanout.stop();
  };

  function expel(socket: LiveSocket, message: string): void {
    fanout.leave(socket);
    refuse(socket, { code: 'unauthorized', message });
    socket.disconnect(true);
  }
}

function refuse(socket: LiveSocket, error: ProtocolError): void {
  socket.emit('protocol-error', error);
}

/** A handshake refusal: the client's `connect_error` carries the code as message and in `data`. */
function refusal(code: ProtocolError['code']): Error & { data: ProtocolError } {
  const error = new Error(code) as Error & { data: ProtocolError };
  error.data = { code, message: code === 'unauthorized' ? 'a valid session token is required' : 'session check failed' };
  return error;
}
