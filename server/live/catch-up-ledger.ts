// What one live socket may make the gateway send by asking. Answers to `subscribe` (a snapshot, or
// the batches missed since a resume point) are the only bytes a client chooses, so they are what
// is limited here: at most one resync per `resyncMs` for a socket already joined, and at most
// `budgetBytes` of answers per `perMs`. Live broadcasts are not counted: they are the same for every
// client of a scope, encoded once per room, and a socket's backlog of them is bounded by
// scope-fanout's maxBufferedPackets.
import type { Socket } from 'socket.io';

export interface CatchUpLimits {
  /** A joined socket gets at most one resync (snapshot or replay) per this many ms; a burst is coalesced. */
  resyncMs: number;
  /** Bytes of answers one socket may be sent per `perMs`; a socket asking beyond is cut. */
  budgetBytes: number;
  perMs: number;
}

/**
 * At Moselle scale the support snapshot is 3.6 MB of columns: the budget holds ~18 of them per
 * 10 minutes, where a well-behaved client needs one per connection and one per rare resync.
 */
export const DEFAULT_CATCH_UP_LIMITS: CatchUpLimits = { resyncMs: 5_000, budgetBytes: 64 * 2 ** 20, perMs: 10 * 60_000 };

export interface CatchUpLedger {
  /** Milliseconds before this socket may be sent another resync (0: now). */
  waitMs(now: number): number;
  /** false once the socket was sent its budget in the current window. */
  allows(now: number): boolean;
  /** Run one answer's emits (synchronous), counting the bytes they hand to the transport. */
  record(now: number, send: () => void): void;
  /** Bytes counted in the current window (for the log line of a cut). */
  readonly spent: number;
  /** A coalesced resync waiting for the end of the interval. */
  pending?: unknown;
}

type EngineConnection = Pick<Socket['conn'], 'on'>;

export function createCatchUpLedger(conn: EngineConnection, limits: CatchUpLimits): CatchUpLedger {
  let counting = false;
  let spent = 0;
  let windowStart = -Infinity;
  let lastAt = -Infinity;
  // engine.io creates each packet synchronously inside socket.emit, so the packets created while
  // `send` runs are exactly that answer's (socket.io framing included, before any deflate).
  conn.on('packetCreate', (packet: { data?: unknown }) => {
    if (counting) spent += byteLength(packet.data);
  });
  const rollWindow = (now: number) => {
    if (now - windowStart < limits.perMs) return;
    windowStart = now;
    spent = 0;
  };
  return {
    get spent() {
      return spent;
    },
    waitMs: (now) => Math.max(0, lastAt + limits.resyncMs - now),
    allows(now) {
      rollWindow(now);
      return spent < limits.budgetBytes;
    },
    record(now, send) {
      rollWindow(now);
      lastAt = now;
      counting = true;
      try {
        send();
      } finally {
        counting = false;
      }
    },
  };
}

function byteLength(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data, 'utf8');
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
