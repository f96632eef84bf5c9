// The live stream of the demo: MSW cannot intercept socket.io (it only sees raw WebSocket frames,
// and nothing in Node), so the SPA's LiveTransport is plugged straight into the in-page stream hub.
// Messages still travel as JSON text, asynchronously and in order, as they would over a socket.
import { parseMessage } from '../../src/protocol/parse.ts';
import { subscribeRequestSchema } from '../../src/protocol/schemas.ts';
import { packSnapshot } from '../../src/protocol/wire-snapshot.ts';
import type { LiveEventName, LiveTransport, LiveTransportHandlers } from '../../src/live/transport.ts';
import type { StreamHub, StreamMessage, Subscription } from '../../server/stream/stream-hub.ts';
import type { StreamScope } from '../../server/stream/scope.ts';

export interface HubTransportOptions {
  hub: StreamHub;
  /** The caller's scope, read from its session at handshake and at every subscribe; undefined = refused. */
  scope: () => StreamScope | undefined;
  /** Schedules delivery after the current call returns, like a socket would. */
  defer?: (deliver: () => void) => void;
}

export interface HubTransport extends LiveTransport {
  /** Simulate the network dropping: the client sees a disconnect and nothing until reconnect(). */
  drop(reason?: string): void;
  reconnect(): void;
}

export function createHubTransport({ hub, scope, defer = queueMicrotask }: HubTransportOptions): HubTransport {
  let handlers: LiveTransportHandlers | undefined;
  let subscription: Subscription | undefined;
  let connected = false;
  const outbox: Array<{ event: LiveEventName; text: string }> = [];
  let draining = false;

  function send(event: LiveEventName, payload: unknown): void {
    outbox.push({ event, text: JSON.stringify(payload) });
    if (draining) return;
    draining = true;
    defer(drain);
  }

  function drain(): void {
    draining = false;
    for (let next = outbox.shift(); next; next = outbox.shift()) {
      if (connected) handlers?.onEvent(next.event, JSON.parse(next.text));
    }
  }

  function connect(): void {
    defer(() => {
      if (!handlers) return;
      if (scope() === undefined) return handlers.onUnauthorized?.();
      connected = true;
      handlers.onConnect();
    });
  }

  function leave(): void {
    subscription?.unsubscribe();
    subscription = undefined;
  }

  return {
    start(next) {
      handlers = next;
      connect();
    },
    subscribe(request) {
      if (!connected) return;
      const parsed = parseMessage(subscribeRequestSchema, request);
      if (!parsed.ok) return send('protocol-error', { code: 'bad-request', message: parsed.error.reason, field: parsed.error.field });
      const current = scope();
      if (current === undefined) return send('protocol-error', { code: 'unauthorized', message: 'session expired' });
      leave();
      subscription = hub.subscribe(current, (message: StreamMessage) => send(message.event, message.event === 'snapshot' ? packSnapshot(message.payload) : message.payload), parsed.value.resume);
    },
    stop() {
      leave();
      connected = false;
      handlers = undefined;
      outbox.length = 0;
    },
    drop(reason = 'transport close') {
      if (!connected) return;
      leave();
      connected = false;
      outbox.length = 0;
      handlers?.onDisconnect(reason);
    },
    reconnect() {
      if (!connected) connect();
    },
  };
}
