// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createFeatureHarness, makeIncident, smallEstate } from '../../../test/feature-harness.tsx';
import { useLiveIncidentRefresh } from './use-live-incident-refresh.ts';

beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 9) }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('refetches the list at once on the first live change after a quiet spell, then at most once per gap', () => {
  const h = createFeatureHarness();
  const refetches = vi.spyOn(h.queryClient, 'invalidateQueries');
  act(() => h.snapshot(smallEstate()));
  renderHook(() => useLiveIncidentRefresh(5_000), { wrapper: h.Wrapper });
  const list = () => refetches.mock.calls.filter(([filters]) => JSON.stringify(filters?.queryKey) === '["incidents","list"]').length;

  // Just mounted: the list query has just been read, the next refresh waits for the gap.
  act(() => h.incidents([makeIncident({ id: 'a', collectiviteId: 'c-metz' })]));
  expect(list()).toBe(0);
  act(() => vi.advanceTimersByTime(5_000));
  expect(list()).toBe(1);

  // A quiet spell, then a new incident: refetched without waiting.
  act(() => vi.advanceTimersByTime(60_000));
  act(() => h.incidents([makeIncident({ id: 'b', collectiviteId: 'c-metz' })]));
  expect(list()).toBe(2);

  // A storm right after: one more refetch, at the end of the gap.
  for (let i = 0; i < 20; i++) act(() => h.incidents([makeIncident({ id: `s${i}`, collectiviteId: 'c-metz' })]));
  expect(list()).toBe(2);
  act(() => vi.advanceTimersByTime(4_999));
  expect(list()).toBe(2);
  act(() => vi.advanceTimersByTime(1));
  expect(list()).toBe(3);
});

it('measures the gap with the clock it is given, not Date.now', () => {
  vi.useRealTimers();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // Date.now stays real, barely moving
  let now = Date.UTC(2026, 2, 2, 9);
  const clock = () => now;
  const h = createFeatureHarness();
  const refetches = vi.spyOn(h.queryClient, 'invalidateQueries');
  act(() => h.snapshot(smallEstate()));
  renderHook(() => useLiveIncidentRefresh(5_000, clock), { wrapper: h.Wrapper });
  const list = () => refetches.mock.calls.filter(([filters]) => JSON.stringify(filters?.queryKey) === '["incidents","list"]').length;

  act(() => h.incidents([makeIncident({ id: 'a', collectiviteId: 'c-metz' })]));
  expect(list()).toBe(0);
  act(() => vi.advanceTimersByTime(5_000));
  expect(list()).toBe(1);

  // A quiet minute on the given clock: the next change is refetched at once.
  now += 60_000;
  act(() => h.incidents([makeIncident({ id: 'b', collectiviteId: 'c-metz' })]));
  expect(list()).toBe(2);
});
