import { expect, test } from 'vitest';
import { createMessageGuard } from './message-guard.ts';

test('known, small, paced messages pass; others are refused with a reason', () => {
  const guard = createMessageGuard({ maxBytes: 100, messages: 3, perMs: 1_000 });
  expect(guard.check('subscribe', [{ protocol: 2 }], 0)).toBeUndefined();
  expect(guard.check('hack', [], 1)).toMatchObject({ code: 'bad-request' });
  expect(guard.check('subscribe', ['x'.repeat(200)], 2)).toMatchObject({ code: 'too-large' });
  expect(guard.check('subscribe', [{}], 3)).toMatchObject({ code: 'rate-limited' });
  expect(guard.check('subscribe', [{}], 1_000)).toBeUndefined();
});

test('payloads that are not JSON count as too large', () => {
  const guard = createMessageGuard({ maxBytes: 100, messages: 10, perMs: 1_000 });
  expect(guard.check('subscribe', [10n], 0)).toMatchObject({ code: 'too-large' });
});
