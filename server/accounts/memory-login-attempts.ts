// Test support and the offline demo: the LoginAttemptStore in Maps (no Node API, so the browser
// demo can hold it). Single-threaded JavaScript makes each reservation atomic by itself.
import type { LoginAttemptStore } from '../ports.ts';

export function createMemoryLoginAttempts(): LoginAttemptStore & { trackedKeys(): number } {
  /** key → attempt id → time */
  const byKey = new Map<string, Map<string, number>>();
  let next = 0;
  const forget = (predicate: (attempt: string, at: number) => boolean) => {
    for (const [key, attempts] of byKey) {
      for (const [attempt, at] of attempts) if (predicate(attempt, at)) attempts.delete(attempt);
      if (attempts.size === 0) byKey.delete(key);
    }
  };
  return {
    async reserveAttempt(keys, since, at, admit) {
      const times = keys.map((key) => [...(byKey.get(key)?.values() ?? [])].filter((t) => t > since).sort((a, b) => a - b));
      if (!admit(times)) return undefined;
      const attempt = String(++next);
      for (const key of keys) byKey.set(key, (byKey.get(key) ?? new Map<string, number>()).set(attempt, at));
      return attempt;
    },
    async releaseAttempt(id) {
      forget((attempt) => attempt === id);
    },
    async clearAttempts(key) {
      byKey.delete(key);
    },
    async pruneAttempts(before) {
      forget((_, at) => at <= before);
    },
    trackedKeys: () => byKey.size,
  };
}
