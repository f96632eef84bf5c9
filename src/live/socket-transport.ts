// socket.io-client over WebSocket only (no long-polling fallback: the gateway and the wall sit on
// the same network). socket.io reconnects by itself with backoff; the store resumes on each connect.
import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '../protocol/events.ts';
import type { SubscribeRequest } from '../protocol/schemas.ts';
import { LIVE_EVENT_NAMES, type LiveTransport, type LiveTransportHandlers } from './transport.ts';

export interface SocketTransportOptions {
  token: string;
  /** Origin of the gateway; defaults to the page's own origin. */
  url?: string;
}

export function createSocketTransport({ token, url }: SocketTransportOptions): LiveTransport {
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  return {
    start(handlers: LiveTransportHandlers) {
      const target = (url ?? '') + LIVE_NAMESPACE;
      socket = io(target, {
        auth: { token },
        transports: ['websocket'],
        reconnectionDelay: 1000,
        reconnectionDelayMax: 10_000,
      });
      socket.on('connect', () => handlers.onConnect());
      socket.on('disconnect', (reason) => handlers.onDisconnect(reason));
      socket.on('connect_error', (err) => {
        // A refused handshake is final for this token; anything else is retried by socket.io.
        if (/unauthori[sz]ed|forbidden|invalid token/i.test(err.message)) handlers.onUnauthorized?.();
        else handlers.onDisconnect(err.message);
      });
      for (const name of LIVE_EVENT_NAMES) {
        // Untyped on purpose: every payload is validated by the store, never trusted here.
        (socket as unknown as Socket).on(name, (payload: unknown) => handlers.onEvent(name, payload));
      }
    },
    subscribe(request: SubscribeRequest) {
      socket?.emit('subscribe', request);
    },
    stop() {
      socket?.removeAllListeners();
      socket?.disconnect();
      socket = undefined;
    },
  };
}
