// Storm digests and rate limits, per recipient and channel, as Alertmanager operators know them:
// the first alarm for a quiet recipient waits `groupWaitMs` for company, then everything waiting
// goes as one message (a digest when there are several); after a message, what arrives waits
// until `groupIntervalMs` has passed; and at most `max` messages per `perMs` go to one recipient on
// one channel — what waits meanwhile joins the next digest. Nothing is ever dropped here.
import type { AlarmChannel } from './alarm-model.ts';
import type { Instant } from './model.ts';

export interface GroupingPolicy {
  groupWaitMs: number;
  groupIntervalMs: number;
  rateLimit: Record<AlarmChannel, { max: number; perMs: number }>;
}

const HOUR = 3_600_000;

export const DEFAULT_GROUPING: GroupingPolicy = Object.freeze({
  groupWaitMs: 30_000,
  groupIntervalMs: 5 * 60_000,
  rateLimit: { mail: { max: 10, perMs: HOUR }, sms: { max: 5, perMs: HOUR } },
});

/**
 * When the waiting items of one recipient and channel may leave as one message. `waitingSince`:
 * when the oldest waiting item was queued; `sent`: when earlier messages to this recipient on this
 * channel were made (any order; only the last `perMs` matter).
 */
export function groupReadyAt(waitingSince: Instant, sent: readonly Instant[], channel: AlarmChannel, policy: GroupingPolicy = DEFAULT_GROUPING): Instant {
  const { max, perMs } = policy.rateLimit[channel];
  const times = [...sent].sort((a, b) => a - b);
  let at = waitingSince + policy.groupWaitMs;
  const last = times.at(-1);
  if (last !== undefined) at = Math.max(at, last + policy.groupIntervalMs);
  // The rate limit: the message may leave once fewer than `max` messages fall in (at - perMs, at].
  const recent = times.filter((t) => t > at - perMs);
  if (recent.length >= max) at = Math.max(at, recent[recent.length - max]! + perMs);
  return at;
}
