import { describe, expect, test } from 'vitest';
import { DEFAULT_GROUPING, groupReadyAt } from './alarm-grouping.ts';

const S = 1_000;
const MIN = 60 * S;
const T0 = Date.UTC(2026, 3, 14, 8, 0);

describe('groupReadyAt (group wait 30 s, interval 5 min, mail 10/h, SMS 5/h)', () => {
  test.each<[string, number, number[], 'mail' | 'sms', number]>([
    ['a quiet recipient: 30 s of group wait', T0, [], 'mail', T0 + 30 * S],
    ['a message 1 min ago: waits for the 5-minute interval', T0, [T0 - MIN], 'mail', T0 + 4 * MIN],
    ['a message long ago: group wait only', T0, [T0 - 2 * 60 * MIN], 'mail', T0 + 30 * S],
    ['5 SMS in the last hour: waits until the oldest is an hour old', T0, [-50, -40, -30, -20, -10].map((m) => T0 + m * MIN), 'sms', T0 + 10 * MIN],
    ['4 SMS in the last hour: the interval decides', T0, [-40, -30, -20, -10].map((m) => T0 + m * MIN), 'sms', T0 - 5 * MIN],
    ['10 mails in the last hour', T0, Array.from({ length: 10 }, (_, i) => T0 - (55 - i * 5) * MIN), 'mail', T0 + 5 * MIN],
  ])('%s', (_name, since, sent, channel, expected) => {
    expect(groupReadyAt(since, sent, channel)).toBe(Math.max(expected, since + DEFAULT_GROUPING.groupWaitMs));
  });

  test('a storm for one recipient: however many items, the times depend on messages only (one digest per window)', () => {
    // 300 incidents opening over 20 s give one message at T0+30 s; items after it wait 5 minutes.
    const first = groupReadyAt(T0, [], 'mail');
    expect(first).toBe(T0 + 30 * S);
    expect(groupReadyAt(T0 + 40 * S, [first], 'mail')).toBe(first + 5 * MIN);
  });

  test('never more than the limit in any hour, whatever the arrivals', () => {
    const sent: number[] = [];
    for (let arrival = T0; arrival < T0 + 6 * 60 * MIN; arrival += 7 * MIN) {
      const at = groupReadyAt(Math.max(arrival, sent.at(-1) ?? 0), sent, 'sms');
      sent.push(at);
    }
    for (const at of sent) expect(sent.filter((t) => t > at - 60 * MIN && t <= at).length).toBeLessThanOrEqual(5);
  });
});
