import { expect, test } from 'vitest';
import { alarmHealthFor } from './alarm-health.ts';

const NOW = Date.UTC(2026, 3, 14, 8, 0);

test.each<[string, Parameters<typeof alarmHealthFor>[0], boolean, ReturnType<typeof alarmHealthFor>]>([
  ['no channel: off', { channels: [], queued: 0, dead: 0 }, true, { state: 'off', channels: [], queued: 0, dead: 0 }],
  ['a channel, nothing wrong: ok', { channels: ['mail'], queued: 3, dead: 0, mailTo: 'smtp://mx:587' }, true, { state: 'ok', channels: ['mail'], queued: 3, dead: 0, mailTo: 'smtp://mx:587' }],
  [
    'a recent failure: degraded, support reads the reason',
    { channels: ['mail'], queued: 1, dead: 0, lastFailure: { at: NOW - 60_000, reason: '550 ref@x.fr unknown' } },
    true,
    { state: 'degraded', channels: ['mail'], queued: 1, dead: 0, lastFailure: { at: NOW - 60_000, reason: '550 ref@x.fr unknown' } },
  ],
  [
    'the same for a référent: no reason, no server',
    { channels: ['mail'], queued: 1, dead: 0, lastFailure: { at: NOW - 60_000, reason: '550 ref@x.fr unknown' }, mailTo: 'smtp://mx:587' },
    false,
    { state: 'degraded', channels: ['mail'], queued: 1, dead: 0, lastFailure: { at: NOW - 60_000 } },
  ],
  ['an old failure alone: ok', { channels: ['sms'], queued: 0, dead: 0, lastFailure: { at: NOW - 2 * 3_600_000, reason: 'x' } }, true, { state: 'ok', channels: ['sms'], queued: 0, dead: 0, lastFailure: { at: NOW - 2 * 3_600_000, reason: 'x' } }],
  ['a dead letter: degraded', { channels: ['mail'], queued: 0, dead: 2 }, true, { state: 'degraded', channels: ['mail'], queued: 0, dead: 2 }],
])('%s', (_name, health, support, expected) => {
  expect(alarmHealthFor(health, support, NOW)).toEqual(expected);
});
