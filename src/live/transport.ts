// The live stream seen from the SPA: something that connects, delivers raw events and accepts a
// subscribe request. Payloads are `unknown` on purpose: the store validates them at this edge.
import type { ServerToClientEvents } from '../protocol/events.ts';
import type { SubscribeRequest } from '../protocol/schemas.ts';

export type LiveEventName = keyof ServerToClientEvents;

export const LIVE_EVENT_NAMES: readonly LiveEventName[] = ['snapshot', 'deltas', 'incidents', 'source', 'heartbeat', 'protocol-error', 'maintenances'];

export interface LiveTransportHandlers {
  /** The connection is up (first time or after a reconnect): time to subscribe. */
  onConnect(): void;
  onDisconnect(reason: string): void;
  /** One server event, not yet validated. */
  onEvent(event: LiveEventName, payload: unknown): void;
  /** The handshake was refused (bad or expired token). */
  onUnauthorized?(): void;
}

export interface LiveTransport {
  start(handlers: LiveTransportHandlers): void;
  subscribe(request: SubscribeRequest): void;
  stop(): void;
}
