// An in-memory transport for tests and demos: the test drives connection and server events by hand
// and reads back what the client asked for.
import type { SubscribeRequest } from '../protocol/schemas.ts';
import type { LiveEventName, LiveTransport, LiveTransportHandlers } from './transport.ts';

export class FakeTransport implements LiveTransport {
  readonly requests: SubscribeRequest[] = [];
  started = false;
  private handlers: LiveTransportHandlers | undefined;

  start(handlers: LiveTransportHandlers): void {
    this.handlers = handlers;
    this.started = true;
  }

  subscribe(request: SubscribeRequest): void {
    this.requests.push(request);
  }

  stop(): void {
    this.started = false;
    this.handlers = undefined;
  }

  connect(): void {
    this.handlers?.onConnect();
  }

  disconnect(reason = 'transport close'): void {
    this.handlers?.onDisconnect(reason);
  }

  refuse(): void {
    this.handlers?.onUnauthorized?.();
  }

  emit(event: LiveEventName, payload: unknown): void {
    this.handlers?.onEvent(event, payload);
  }

  get lastRequest(): SubscribeRequest | undefined {
    return this.requests.at(-1);
  }
}
