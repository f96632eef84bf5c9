// The accounts CLI's commands as one function over injected storage, so the same code runs in the
// CLI process or inside the gateway (over the admin socket) and is tested without a terminal.
import { parseArgs } from 'node:util';
import type { AccountRow, AccountStore } from '../ports.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import { secretText, userText } from '../../src/protocol/text.ts';
import { ensureKioskToken, rotateKioskToken } from './gateway-secrets.ts';
import { hashPassword, randomPassword } from './password.ts';

export interface CommandContext {
  accounts: AccountStore;
  /** The stored estate, to check collectivité ids; undefined before the first source snapshot. */
  estate?: Estate;
  now(): number;
  /** Sessions of this login must end (revoke, scope change, password change, kiosk rotation). */
  announce(login: string): void;
}

export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export const USAGE = `usage: npm run accounts -- <command>
  list                                   accounts with role, collectivité, state, last login
  add <login> --role support|referent [--collectivite <id>] [--name <display name>] [--password <p>]
  passwd <login> [--password <p>]        set a new password (random when omitted); ends its sessions
  revoke <login>                         disable the account and end its live sessions at once
  enable <login>                         re-enable a revoked account
  set-collectivite <login> <id>          move a référent; ends its sessions
  remove <login>                         delete the account and end its sessions (adding it again never revives them)
  kiosk-token [--rotate]                 show the wall-display token, or replace it (ends kiosk sessions)
  prune [--years 3] [--dry-run]          delete accounts whose last login is older than N years`;

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,63}$/i;
const DISPLAY_NAME = userText({ min: 1, max: 200 });
const PASSWORD = secretText({ min: 1, max: 200 });

/** An option's text by the rules of src/protocol/text.ts (storable, NFC for names), or a CommandError naming it. */
function checkedText(schema: typeof DISPLAY_NAME | typeof PASSWORD, option: string, value: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandError(`${option}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
const YEAR_MS = 365.25 * 86_400_000;

async function existing(accounts: AccountStore, login: string | undefined): Promise<AccountRow> {
  if (!login) throw new CommandError('missing <login>');
  const account = await accounts.get(login);
  if (!account) throw new CommandError(`no account "${login}"`);
  return account;
}

function checkCollectivite(ctx: CommandContext, id: string | undefined): string {
  if (!id) throw new CommandError('a référent needs --collectivite <id>');
  if (ctx.estate && !ctx.estate.collectivites.some((c) => c.id === id)) throw new CommandError(`unknown collectivité "${id}"`);
  return id;
}

function table(rows: AccountRow[]): string {
  if (rows.length === 0) return 'no accounts';
  const lines = rows.map((a) =>
    [a.login, a.role, a.collectiviteId ?? '-', a.disabled ? 'revoked' : 'active', `v${a.version}`, a.lastLoginAt ? new Date(a.lastLoginAt).toISOString() : 'never'].join('\t'),
  );
  return ['login\trole\tcollectivité\tstate\tversion\tlast login', ...lines].join('\n');
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      collectivite: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      rotate: { type: 'boolean' },
      years: { type: 'string' },
      'dry-run': { type: 'boolean' },
    },
  });
}

export async function runAccountCommand(argv: string[], ctx: CommandContext): Promise<string> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new CommandError(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  const { values, positionals } = parsed;
  const [command, login, arg] = positionals;
  const { accounts } = ctx;
  const bump = async (a: AccountRow, change: Partial<AccountRow>) => {
    await accounts.upsert({ ...a, ...change, version: a.version + 1 });
    ctx.announce(a.login);
  };
  switch (command) {
    case 'list':
      return table(await accounts.list());
    case 'add': {
      if (!login || !LOGIN.test(login)) throw new CommandError('login: 2–64 letters, digits, dot, dash or underscore');
      if (await accounts.get(login)) throw new CommandError(`account "${login}" already exists`);
      if (values.role !== 'support' && values.role !== 'referent') throw new CommandError('--role must be support or referent');
      const password = values.password === undefined ? randomPassword() : checkedText(PASSWORD, '--password', values.password);
      const displayName = values.name === undefined ? undefined : checkedText(DISPLAY_NAME, '--name', values.name);
      await accounts.upsert({
        login,
        role: values.role,
        ...(values.role === 'referent' && { collectiviteId: checkCollectivite(ctx, values.collectivite) }),
        ...(displayName !== undefined && { displayName }),
        passwordHash: await hashPassword(password),
        disabled: false,
        // Above any version the login had before a `remove`, so its old tokens stay dead.
        version: (await accounts.lastVersion(login)) + 1,
      });
      return values.password ? `added ${login}` : `added ${login}, password: ${password}`;
    }
    case 'passwd': {
      const account = await existing(accounts, login);
      const password = values.password === undefined ? randomPassword() : checkedText(PASSWORD, '--password', values.password);
      await bump(account, { passwordHash: await hashPassword(password) });
      return values.password ? `password of ${login} changed` : `password of ${login}: ${password}`;
    }
    case 'revoke':
      await bump(await existing(accounts, login), { disabled: true });
      return `revoked ${login}; its sessions are ended`;
    case 'enable':
      await bump(await existing(accounts, login), { disabled: false });
      return `enabled ${login}`;
    case 'set-collectivite': {
      const account = await existing(accounts, login);
      if (account.role !== 'referent') throw new CommandError(`${login} is not a référent`);
      await bump(account, { collectiviteId: checkCollectivite(ctx, arg) });
      return `${login} now sees ${arg}; its sessions are ended`;
    }
    case 'remove':
      await existing(accounts, login);
      await accounts.remove(login as string);
      ctx.announce(login as string);
      return `removed ${login}`;
    case 'kiosk-token': {
      if (!values.rotate) return `kiosk token: ${(await ensureKioskToken(accounts)).token}`;
      const kiosk = await rotateKioskToken(accounts);
      ctx.announce('kiosk');
      return `new kiosk token: ${kiosk.token} (previous kiosk sessions are ended)`;
    }
    case 'prune': {
      const years = Number(values.years ?? 3);
      if (!(years > 0)) throw new CommandError('--years must be a positive number');
      const cutoff = ctx.now() - years * YEAR_MS;
      const stale = (await accounts.list()).filter((a) => a.lastLoginAt !== undefined && a.lastLoginAt < cutoff);
      if (!values['dry-run']) for (const a of stale) await accounts.remove(a.login);
      const names = stale.map((a) => a.login).join(', ') || 'none';
      return values['dry-run'] ? `would remove: ${names}` : `removed: ${names}`;
    }
    default:
      throw new CommandError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  }
}
