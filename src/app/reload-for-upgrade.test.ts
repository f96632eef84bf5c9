import { expect, test, vi } from 'vitest';
import { RELOAD_GUARD_MS, reloadForUpgrade } from './reload-for-upgrade.ts';

test('reloads once for a gateway upgrade, not in a loop', () => {
  const saved = new Map<string, string>();
  const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
  const reload = vi.fn();
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  expect(reloadForUpgrade({ storage, now: 1_000_000, reload })).toBe(true);
  // Reloaded, and the new page is refused again a minute later: stay.
  expect(reloadForUpgrade({ storage, now: 1_060_000, reload })).toBe(false);
  expect(reload).toHaveBeenCalledTimes(1);
  // Much later (another upgrade): reload again.
  expect(reloadForUpgrade({ storage, now: 1_000_000 + RELOAD_GUARD_MS, reload })).toBe(true);
  expect(reload).toHaveBeenCalledTimes(2);
  warn.mockRestore();
});
