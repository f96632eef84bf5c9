// An AccountStore in Maps: for unit tests of the session and command logic, and the in-memory
// storage of tests and the offline demo (the SQL store is covered by the storage suite on both
// backends). No Node API here.
import type { AccountRow, AccountStore } from '../ports.ts';
import { createMemoryLoginAttempts } from './memory-login-attempts.ts';

export function createMemoryAccountStore(): AccountStore & { rows: Map<string, AccountRow>; trackedKeys(): number } {
  const rows = new Map<string, AccountRow>();
  const settings = new Map<string, string>();
  const removedVersions = new Map<string, number>();
  const denied = new Map<string, number>();
  return {
    ...createMemoryLoginAttempts(),
    rows,
    get: async (login) => (rows.has(login) ? structuredClone(rows.get(login)) : undefined),
    list: async () => [...rows.values()].sort((a, b) => a.login.localeCompare(b.login)).map((r) => structuredClone(r)),
    upsert: async (row) => void rows.set(row.login, structuredClone(row)),
    async remove(login) {
      const row = rows.get(login);
      if (row) removedVersions.set(login, Math.max(removedVersions.get(login) ?? 0, row.version));
      rows.delete(login);
    },
    lastVersion: async (login) => Math.max(rows.get(login)?.version ?? 0, removedVersions.get(login) ?? 0),
    getSetting: async (key) => settings.get(key),
    setSetting: async (key, value) => void settings.set(key, value),
    denySession: async (id, expiresAt) => void denied.set(id, expiresAt),
    async deniedSessions(now) {
      for (const [id, expiresAt] of denied) if (expiresAt <= now) denied.delete(id);
      return new Map(denied);
    },
  };
}
