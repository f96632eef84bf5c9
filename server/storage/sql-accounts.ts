// AccountStore over SQL: accounts (hash, role, scope, version), the versions of removed logins, the
// settings table that keeps the gateway's secrets (session signing key, kiosk token), and the
// session records (login attempts, logouts).
import type { AccountRow, AccountStore } from '../ports.ts';
import type { SqlClient } from './sql-client.ts';
import { createSqlLoginAttempts, createSqlSessionDenyList } from './sql-session-records.ts';

interface AccountDbRow {
  login: string;
  role: AccountRow['role'];
  collectivite_id: string | null;
  display_name: string | null;
  password_hash: string;
  disabled: boolean;
  version: number;
  last_login_at: string | number | null;
}

function toAccount(r: AccountDbRow): AccountRow {
  return {
    login: r.login,
    role: r.role,
    ...(r.collectivite_id !== null && { collectiviteId: r.collectivite_id }),
    ...(r.display_name !== null && { displayName: r.display_name }),
    passwordHash: r.password_hash,
    disabled: r.disabled,
    version: Number(r.version),
    ...(r.last_login_at !== null && { lastLoginAt: Number(r.last_login_at) }),
  };
}

export function createSqlAccountStore(db: SqlClient): AccountStore {
  return {
    ...createSqlLoginAttempts(db),
    ...createSqlSessionDenyList(db),
    async get(login) {
      const rows = await db.query<AccountDbRow>('SELECT * FROM account WHERE login = $1', [login]);
      return rows[0] && toAccount(rows[0]);
    },
    async list() {
      return (await db.query<AccountDbRow>('SELECT * FROM account ORDER BY login')).map(toAccount);
    },
    async upsert(row) {
      await db.query(
        `INSERT INTO account (login, role, collectivite_id, display_name, password_hash, disabled, version, last_login_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (login) DO UPDATE SET role = excluded.role, collectivite_id = excluded.collectivite_id,
           display_name = excluded.display_name, password_hash = excluded.password_hash, disabled = excluded.disabled,
           version = excluded.version, last_login_at = excluded.last_login_at`,
        [
          row.login,
          row.role,
          row.collectiviteId ?? null,
          row.displayName ?? null,
          row.passwordHash,
          row.disabled,
          row.version,
          row.lastLoginAt ?? null,
        ],
      );
    },
    async remove(login) {
      // One statement: the version is remembered in the same step that forgets the account.
      await db.query(
        `WITH gone AS (DELETE FROM account WHERE login = $1 RETURNING login, version)
         INSERT INTO login_version (login, version) SELECT login, version FROM gone
         ON CONFLICT (login) DO UPDATE SET version = GREATEST(login_version.version, excluded.version)`,
        [login],
      );
    },
    async lastVersion(login) {
      const [row] = await db.query<{ v: number | null }>(
        'SELECT GREATEST((SELECT version FROM account WHERE login = $1), (SELECT version FROM login_version WHERE login = $1)) AS v',
        [login],
      );
      return Number(row?.v ?? 0);
    },
    async getSetting(key) {
      const rows = await db.query<{ value: string }>('SELECT value FROM setting WHERE key = $1', [key]);
      return rows[0]?.value;
    },
    async setSetting(key, value) {
      await db.query('INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
    },
  };
}
