// One broadcast per scope: the namespace follows each scope's stream once and emits every live
// message to that scope's room, so socket.io encodes it once for all the clients reading it (it was
// one JSON encoding and one deflate per client and message: 100 support clients, 100 encodings).
// A client that cannot keep up is dropped rather than queued for without bound: it reconnects, and
// resumes from the hub's buffer or gets a fresh snapshot. A client already joined that asks again
// is not sent the snapshot again: see rejoin and catch-up-ledger.ts.
import type { Namespace, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/protocol/events.ts';
import type { Snapshot, StreamRef } from '../../src/protocol/schemas.ts';
import { packSnapshot, type WireSnapshot } from '../../src/protocol/wire-snapshot.ts';
import type { StreamScope } from '../stream/scope.ts';
import type { StreamHub, StreamMessage } from '../stream/stream-hub.ts';
import { systemTimers, type Timers } from '../stream/timers.ts';
import { createCatchUpLedger, DEFAULT_CATCH_UP_LIMITS, type CatchUpLedger, type CatchUpLimits } from './catch-up-ledger.ts';

type Emitter = Pick<Socket<ClientToServerEvents, ServerToClientEvents>, 'emit'>;

export interface FanoutSocketData {
  scope: StreamScope;
  /** Set once the socket has been caught up and is in its scope's room. */
  joined?: boolean;
}

export type FanoutSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, FanoutSocketData>;
export type FanoutNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, FanoutSocketData>;

export interface FanoutOptions {
  /**
   * Packets a socket may have waiting for its transport before it is dropped. Live packets share
   * one encoding per room, so this bounds how far behind a client may fall more than memory.
   */
  maxBufferedPackets: number;
  /** What one socket may be sent in answer to its own requests (resync interval, byte budget). */
  catchUp?: CatchUpLimits;
  timers?: Timers;
  now?: () => number;
  log?: (message: string, detail?: unknown) => void;
}

/** ~20 s of the busiest stream ('all': deltas + incidents every 100 ms at 1,000 changes/s). */
export const DEFAULT_MAX_BUFFERED_PACKETS = 400;

export interface ScopeFanout {
  /**
   * Send the socket its snapshot or missed batches and add it to its scope's room, in one turn.
   * Already joined: nothing when it resumes at the stream's position, else one resync per interval.
   */
  join(socket: FanoutSocket, resume?: StreamRef & { seq: number }): void;
  leave(socket: FanoutSocket): void;
  stop(): void;
}

/** Room names cannot collide with socket ids (socket.io puts each socket in a room of its id). */
export const roomOf = (scope: StreamScope) => `scope:${scope}`;

export function createScopeFanout(live: FanoutNamespace, hub: StreamHub, options: FanoutOptions): ScopeFanout {
  const { maxBufferedPackets, catchUp = DEFAULT_CATCH_UP_LIMITS, timers = systemTimers, now = Date.now, log = () => {} } = options;
  const followed = new Map<StreamScope, { members: number; unfollow: () => void }>();
  const ledgers = new WeakMap<FanoutSocket, CatchUpLedger>();

  function join(socket: FanoutSocket, resume?: StreamRef & { seq: number }): void {
    if (socket.data.joined) return rejoin(socket, resume);
    const { scope } = socket.data;
    const ledger = createCatchUpLedger(socket.conn, catchUp);
    ledgers.set(socket, ledger);
    sendCatchUp(socket, ledger, resume);
    socket.data.joined = true;
    watchBacklog(socket);
    void socket.join(roomOf(scope));
    const entry = followed.get(scope);
    if (entry) entry.members++;
    else followed.set(scope, { members: 1, unfollow: hub.follow(scope, (message) => deliver(live.to(roomOf(scope)), message)) });
  }

  /**
   * A joined socket has been sent every message of its stream, so a resume point at the stream's
   * position asks for nothing. Anything else is a resync: served at once if the last was more than
   * `resyncMs` ago, else one fresh snapshot at the end of the interval for the whole burst.
   */
  function rejoin(socket: FanoutSocket, resume?: StreamRef & { seq: number }): void {
    const { scope } = socket.data;
    const ledger = ledgers.get(socket);
    if (!ledger || ledger.pending !== undefined) return;
    if (resume && resume.stream === scope && resume.epoch === hub.epoch && resume.seq === hub.seq(scope)) return;
    const wait = ledger.waitMs(now());
    if (wait === 0) return sendCatchUp(socket, ledger, resume);
    ledger.pending = timers.setTimeout(() => {
      ledger.pending = undefined;
      if (socket.data.joined) sendCatchUp(socket, ledger);
    }, wait);
  }

  function sendCatchUp(socket: FanoutSocket, ledger: CatchUpLedger, resume?: StreamRef & { seq: number }): void {
    if (!ledger.allows(now())) return cutOverBudget(socket, ledger);
    const { messages } = hub.catchUp(socket.data.scope, resume);
    // Whether a message is deflated depends on its size only (perMessageDeflate threshold, server/app.ts).
    ledger.record(now(), () => {
      for (const message of messages) deliver(socket, message);
    });
  }

  function cutOverBudget(socket: FanoutSocket, ledger: CatchUpLedger): void {
    log('live client asked for more than its catch-up budget, disconnected', { scope: socket.data.scope, bytes: ledger.spent });
    leave(socket);
    socket.emit('protocol-error', {
      code: 'rate-limited',
      message: `more than ${catchUp.budgetBytes} bytes of snapshots and replays asked in ${catchUp.perMs / 1000} s`,
      field: 'subscribe',
    });
    // Not discarded: the refusal is written first. The client reconnects by itself and resumes.
    socket.conn.close(false);
  }

  function leave(socket: FanoutSocket): void {
    const ledger = ledgers.get(socket);
    if (ledger?.pending !== undefined) {
      timers.clearTimeout(ledger.pending);
      ledger.pending = undefined;
    }
    if (!socket.data.joined) return;
    socket.data.joined = false;
    void socket.leave(roomOf(socket.data.scope));
    const entry = followed.get(socket.data.scope);
    if (entry && --entry.members === 0) {
      entry.unfollow();
      followed.delete(socket.data.scope);
    }
  }

  /** Count the packets waiting in the engine's write buffer (public events: created, flushed to the transport). */
  function watchBacklog(socket: FanoutSocket): void {
    let waiting = 0;
    let dropping = false;
    socket.conn.on('flush', () => (waiting = 0));
    socket.conn.on('packetCreate', () => {
      if (++waiting <= maxBufferedPackets || dropping) return;
      dropping = true;
      // Not inside the broadcast that is iterating the room: right after it.
      queueMicrotask(() => {
        log('live client too slow, dropped to resync', { scope: socket.data.scope, waiting });
        leave(socket);
        // Close the connection without waiting for its buffer to drain (it would not): the client sees
        // a transport close, reconnects by itself and resumes or re-snapshots.
        socket.conn.close(true);
      });
    });
  }

  return {
    join,
    leave,
    stop() {
      for (const entry of followed.values()) entry.unfollow();
      followed.clear();
    },
  };
}

/** Packed once per snapshot: the hub hands every client joining a scope within a second the same one. */
const packed = new WeakMap<Snapshot, WireSnapshot>();
function wireSnapshotOf(snapshot: Snapshot): WireSnapshot {
  let wire = packed.get(snapshot);
  if (!wire) packed.set(snapshot, (wire = packSnapshot(snapshot)));
  return wire;
}

function deliver(target: Emitter, message: StreamMessage): void {
  switch (message.event) {
    case 'snapshot':
      return void target.emit('snapshot', wireSnapshotOf(message.payload));
    case 'deltas':
      return void target.emit('deltas', message.payload);
    case 'incidents':
      return void target.emit('incidents', message.payload);
    case 'source':
      return void target.emit('source', message.payload);
    case 'maintenances':
      return void target.emit('maintenances', message.payload);
    case 'heartbeat':
      return void target.emit('heartbeat', message.payload);
  }
}
