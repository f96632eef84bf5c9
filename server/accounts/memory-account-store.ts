// Test support: an AccountStore in a Map, for unit tests of the session and command logic (the
// SQL store itself is covered by the storage suite on both backends).
import type { AccountRow, AccountStore } from '../ports.ts';

export function createMemoryAccountStore(): AccountStore & { rows: Map<string, AccountRow> } {
  const rows = new Map<string, AccountRow>();
  const settings = new Map<string, string>();
  return {
    rows,
    get: async (login) => (rows.has(login) ? structuredClone(rows.get(login)) : undefined),
    list: async () => [...rows.values()].sort((a, b) => a.login.localeCompare(b.login)).map((r) => structuredClone(r)),
    upsert: async (row) => void rows.set(row.login, structuredClone(row)),
    remove: async (login) => void rows.delete(login),
    getSetting: async (key) => settings.get(key),
    setSetting: async (key, value) => void settings.set(key, value),
  };
}
