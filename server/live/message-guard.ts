// Limits on what one live client may send: a size cap per message (below the transport's hard
// cap, so an oversize message is refused with a reason instead of closing the connection) and a
// rate cap, so a chatty or hostile client cannot make the gateway work for it.
import type { ProtocolError } from '../../src/protocol/schemas.ts';

export interface MessageLimits {
  /** Largest accepted message, in bytes of JSON. */
  maxBytes: number;
  /** At most `messages` client messages per `perMs`. */
  messages: number;
  perMs: number;
}

export const DEFAULT_MESSAGE_LIMITS: MessageLimits = { maxBytes: 4_096, messages: 20, perMs: 10_000 };

/** The client events the gateway listens to; anything else is refused. */
export const CLIENT_EVENTS: ReadonlySet<string> = new Set(['subscribe']);

export interface MessageGuard {
  /** undefined when the message may be handled, else the protocol error to send back. */
  check(event: unknown, args: unknown[], now: number): ProtocolError | undefined;
}

export function createMessageGuard(limits: MessageLimits = DEFAULT_MESSAGE_LIMITS): MessageGuard {
  let windowStart = -Infinity;
  let count = 0;
  return {
    check(event, args, now) {
      if (now - windowStart >= limits.perMs) {
        windowStart = now;
        count = 0;
      }
      if (++count > limits.messages) return { code: 'rate-limited', message: `at most ${limits.messages} messages per ${limits.perMs / 1000} s` };
      if (typeof event !== 'string' || !CLIENT_EVENTS.has(event)) {
        return { code: 'bad-request', message: `unknown event ${JSON.stringify(String(event).slice(0, 40))}` };
      }
      const bytes = jsonBytes(args);
      if (bytes > limits.maxBytes) return { code: 'too-large', message: `message of ${bytes} bytes exceeds ${limits.maxBytes}` };
      return undefined;
    },
  };
}

function jsonBytes(value: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  } catch {
    return Infinity; // binary or cyclic payloads are never expected from clients
  }
}
