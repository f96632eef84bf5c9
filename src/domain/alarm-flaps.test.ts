import { describe, expect, test } from 'vitest';
import type { AlarmEventKind } from './alarm-model.ts';
import { planFlaps, type FlapDecision, type PendingTransition } from './alarm-flaps.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 14, 8, 0);
const t = (kind: AlarmEventKind, minutes: number): PendingTransition => ({ key: `${kind}@${minutes}`, kind, at: T0 + minutes * MIN });
const short = (d: FlapDecision) => (d.action === 'release' ? (d.flips ? `stable(${d.flips}) ${d.key}` : `send ${d.key}`) : d.action === 'hold' ? `hold ${d.key}` : `drop ${d.key}`);

describe('planFlaps', () => {
  test.each<[string, PendingTransition[], number, string[]]>([
    ['a failure goes out at once', [t('opened', 0)], 0, ['send opened@0']],
    ['an escalation goes out at once', [t('escalated', 3)], 3, ['send escalated@3']],
    ['a resolution waits 5 minutes', [t('resolved', 10)], 14, ['hold resolved@10']],
    ['… and goes out once it held', [t('resolved', 10)], 15, ['send resolved@10']],
    ['a resolution then a failure within 5 min: both held (flapping)', [t('resolved', 10), t('reopened', 12)], 13, ['hold resolved@10', 'hold reopened@12']],
    ['… still failing 5 min later: one stable-again in the problem state', [t('resolved', 10), t('reopened', 12)], 17, ['drop resolved@10', 'stable(2) reopened@12']],
    ['a reopening long after the resolution was announced goes out at once', [t('reopened', 40)], 40, ['send reopened@40']],
    [
      'a resolution whose hold ran out while the gateway was down, then a new failure',
      [t('resolved', 10), t('reopened', 30)],
      31,
      ['send resolved@10', 'send reopened@30'],
    ],
    ['a failure then its flips, all pending at once: the failure goes, the flips wait', [t('opened', 0), t('resolved', 1), t('reopened', 2)], 3, ['send opened@0', 'hold resolved@1', 'hold reopened@2']],
  ])('%s', (_name, pending, now, expected) => {
    expect(planFlaps(pending, T0 + now * MIN).map(short)).toEqual(expected);
  });

  test('10 flips in 10 minutes: 1 alarm + 1 "stable again"', () => {
    // Minute 0: CRITICAL (opened), then OK/CRITICAL alternately every minute: 10 changes in all.
    const events = [t('opened', 0), ...Array.from({ length: 9 }, (_, i) => t(i % 2 === 0 ? 'resolved' : 'reopened', i + 1))];
    let pending: PendingTransition[] = [];
    const sent: string[] = [];
    // The worker looks every 30 s for 30 minutes, seeing the events that happened by then.
    for (let now = T0; now <= T0 + 30 * MIN; now += 30_000) {
      pending = [...pending, ...events.filter((e) => e.at <= now && e.at > now - 30_000)];
      const decisions = planFlaps(pending, now);
      for (const d of decisions) if (d.action === 'release') sent.push(short(d));
      const done = new Set(decisions.filter((d) => d.action !== 'hold').map((d) => d.key));
      pending = pending.filter((e) => !done.has(e.key));
    }
    expect(sent).toEqual(['send opened@0', 'stable(9) resolved@9']);
    expect(pending).toEqual([]);
  });
});
