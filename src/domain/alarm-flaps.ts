// Flap suppression, per probe, over the incident transitions still waiting in the outbox. A
// resolution is announced only once the probe stayed resolved `settleMs`; if it fails again
// sooner, the flip is folded away, and when the probe finally holds one state for `settleMs` a
// single "stable again" notice says which state and after how many changes. So a probe flipping
// 10 times in 10 minutes sends 1 alarm (the first failure) + 1 "stable again", never 10.
// Problem transitions (opened, reopened, escalated) that start a burst go out at once: an outage
// is never delayed, only the all-clear is.
import type { AlarmEventKind } from './alarm-model.ts';
import type { Instant } from './model.ts';

export interface FlapPolicy {
  /** A resolution must hold this long before it is announced; flips closer than this are folded. */
  settleMs: number;
}

export const DEFAULT_FLAP_POLICY: FlapPolicy = Object.freeze({ settleMs: 5 * 60_000 });

export interface PendingTransition {
  key: string;
  kind: AlarmEventKind;
  at: Instant;
}

export type FlapDecision =
  | { key: string; action: 'release'; flips?: number }
  | { key: string; action: 'suppress' }
  | { key: string; action: 'hold'; until: Instant };

/**
 * What to do now with one probe's pending transitions (ordered by `at`): release (send; `flips`
 * set for a "stable again" after a burst), suppress (folded into a burst), or hold until a time.
 */
export function planFlaps(pending: readonly PendingTransition[], now: Instant, policy: FlapPolicy = DEFAULT_FLAP_POLICY): FlapDecision[] {
  const decisions: FlapDecision[] = [];
  let i = 0;
  while (i < pending.length) {
    const first = pending[i]!;
    if (first.kind !== 'resolved') {
      decisions.push({ key: first.key, action: 'release' });
      i++;
      continue;
    }
    // A burst: the resolution and every transition following the previous one within settleMs.
    let j = i;
    while (j + 1 < pending.length && pending[j + 1]!.at - pending[j]!.at <= policy.settleMs) j++;
    const last = pending[j]!;
    if (j === pending.length - 1 && now < last.at + policy.settleMs) {
      for (let k = i; k <= j; k++) decisions.push({ key: pending[k]!.key, action: 'hold', until: last.at + policy.settleMs });
      break;
    }
    for (let k = i; k < j; k++) decisions.push({ key: pending[k]!.key, action: 'suppress' });
    decisions.push(i === j ? { key: last.key, action: 'release' } : { key: last.key, action: 'release', flips: j - i + 1 });
    i = j + 1;
  }
  return decisions;
}
