// Helpers for tests that drive a real in-process gateway with real socket.io clients: a fake
// session service (tokens → principals, revoke on demand) and a recording client that keeps every
// event and folds snapshot + deltas + incidents into the state a client would hold.
import { io as connect, type Socket } from 'socket.io-client';
import type { Incident, ProbeStatus } from '../../src/domain/model.ts';
import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '../../src/protocol/events.ts';
import { PROTOCOL_VERSION, type DeltaBatch, type IncidentUpdate } from '../../src/protocol/schemas.ts';
import { readSnapshot } from '../../src/protocol/wire-snapshot.ts';
import type { Principal, SessionService } from '../ports.ts';

export class FakeSessions implements SessionService {
  private readonly tokens = new Map<string, Principal>();
  private readonly listeners = new Set<(login: string) => void>();

  grant(token: string, principal: Principal): this {
    this.tokens.set(token, principal);
    return this;
  }

  async verify(token: string) {
    return this.tokens.get(token);
  }

  onRevoked(listener: (login: string) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The token stops verifying, silently (as when it expires). */
  expire(token: string): void {
    this.tokens.delete(token);
  }

  revoke(login: string): void {
    for (const [token, p] of this.tokens) if (p.login === login) this.tokens.delete(token);
    for (const listener of this.listeners) listener(login);
  }
}

export interface Received {
  event: string;
  payload: unknown;
}

export class LiveClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly received: Received[] = [];
  readonly statuses = new Map<string, ProbeStatus>();
  readonly incidents = new Map<string, Incident>();
  ref?: { stream: string; epoch: string; seq: number };
  gaps = 0;
  /** Bytes of every engine.io packet received (socket.io framing included, after inflate). */
  bytes = 0;

  constructor(baseUrl: string, token: string) {
    this.socket = connect(`${baseUrl}${LIVE_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.io.on('open', () => {
      this.socket.io.engine.on('packet', ({ data }: { data?: unknown }) => {
        if (typeof data === 'string') this.bytes += new TextEncoder().encode(data).length;
        else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) this.bytes += data.byteLength;
      });
    });
    this.socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload });
      this.fold(event, payload);
    });
  }

  private fold(event: string, payload: unknown): void {
    if (event === 'snapshot') {
      const read = readSnapshot(payload);
      if (!read.ok) throw read.error;
      const s = read.value;
      this.statuses.clear();
      this.incidents.clear();
      for (const st of s.statuses) this.statuses.set(st.probeId, st);
      for (const inc of s.incidents) this.incidents.set(inc.id, inc);
      this.ref = { stream: s.stream, epoch: s.epoch, seq: s.seq };
    } else if (event === 'deltas') {
      const d = payload as DeltaBatch;
      if (this.ref && d.seq !== this.ref.seq + 1) this.gaps++;
      for (const st of d.changes) this.statuses.set(st.probeId, st);
      this.ref = { stream: d.stream, epoch: d.epoch, seq: d.seq };
    } else if (event === 'incidents') {
      for (const inc of (payload as IncidentUpdate).incidents) this.incidents.set(inc.id, inc);
    }
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  subscribe(resume?: { stream: string; epoch: string; seq: number }): void {
    this.socket.emit('subscribe', resume ? { protocol: PROTOCOL_VERSION, resume } : { protocol: PROTOCOL_VERSION });
  }

  count(event: string): number {
    return this.received.filter((r) => r.event === event).length;
  }

  of(event: string): unknown[] {
    return this.received.filter((r) => r.event === event).map((r) => r.payload);
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Poll until `predicate` holds (or fail after `timeoutMs`). */
export async function until(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
