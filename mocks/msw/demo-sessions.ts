// The demo's logins and session tokens, in memory, behind the gateway's own AuthService interface:
// a laptop demo needs a support desk, a référent and a kiosk to show the scope rule, not scrypt
// hashes and signed tokens (those need node:crypto). Tokens live as long as the page.
import type { AuthService, LoginResult, Session } from '../../server/accounts/auth-service.ts';
import type { Principal } from '../../server/ports.ts';

export interface DemoAccount {
  login: string;
  password: string;
  role: 'support' | 'referent';
  /** Référents only; resolved at login when left undefined (the estate may not be loaded yet). */
  collectiviteId?: string;
  displayName: string;
}

/** The one password of every demo account: documented in docs/mocks.md, never a secret. */
export const DEMO_PASSWORD = 'demo';
export const DEMO_KIOSK_TOKEN = 'demo-kiosk-token-moselle-fibre';
const SESSION_MS = 12 * 3_600_000;

export const DEFAULT_DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'support', password: DEMO_PASSWORD, role: 'support', displayName: 'Cellule d’assistance (démo)' },
  { login: 'referent', password: DEMO_PASSWORD, role: 'referent', displayName: 'Référent (démo)' },
];

export interface DemoSessionsOptions {
  accounts?: readonly DemoAccount[];
  /** The collectivité of a référent account that names none. */
  defaultCollectiviteId: () => string | undefined;
  /** Wall clock: the SPA compares expiresAt with its own clock, not with simulated time. */
  clock?: () => number;
  newToken?: () => string;
}

export interface DemoSessions extends AuthService {
  readonly accounts: readonly DemoAccount[];
  /** Open a session without a password: the demo entry signs in before the SPA mounts. */
  signInAs(login: string): Session | undefined;
  /** Synchronous verify, for the in-page live transport. */
  principal(token: string | undefined): Principal | undefined;
  /** The account as the gateway stores it (référent's collectivité resolved). */
  account(login: string): DemoAccount | undefined;
}

const invalid: LoginResult = { ok: false, reason: 'invalid' };

export function createDemoSessions(options: DemoSessionsOptions): DemoSessions {
  const { accounts = DEFAULT_DEMO_ACCOUNTS, defaultCollectiviteId, clock = Date.now, newToken = randomToken } = options;
  const open = new Map<string, Session>();

  function account(login: string): DemoAccount | undefined {
    const found = accounts.find((a) => a.login === login);
    if (!found || found.role !== 'referent' || found.collectiviteId !== undefined) return found;
    const collectiviteId = defaultCollectiviteId();
    // Deny by default: a référent with no collectivité gets no session at all.
    return collectiviteId === undefined ? undefined : { ...found, collectiviteId };
  }

  function issue(user: Session['user']): Session {
    const session: Session = { token: newToken(), expiresAt: clock() + SESSION_MS, user };
    open.set(session.token, session);
    return session;
  }

  function sessionFor(login: string): Session | undefined {
    const a = account(login);
    if (!a) return undefined;
    return issue({ login: a.login, role: a.role, displayName: a.displayName, ...(a.collectiviteId !== undefined && { collectiviteId: a.collectiviteId }) });
  }

  function principal(token: string | undefined): Principal | undefined {
    const session = token === undefined ? undefined : open.get(token);
    if (!session) return undefined;
    if (session.expiresAt <= clock()) return void open.delete(session.token);
    const { login, role, collectiviteId } = session.user;
    return collectiviteId === undefined ? { login, role } : { login, role, collectiviteId };
  }

  const kiosk = () => issue({ login: 'kiosk', role: 'kiosk', displayName: 'Mur de supervision (démo)' });

  return {
    accounts,
    account,
    principal,
    signInAs: (login) => (login === 'kiosk' ? kiosk() : sessionFor(login)),
    async login(login, password) {
      const session = accounts.some((a) => a.login === login && a.password === password) ? sessionFor(login) : undefined;
      return session ? { ok: true, session } : invalid;
    },
    async kioskLogin(token) {
      return token === DEMO_KIOSK_TOKEN ? { ok: true, session: kiosk() } : invalid;
    },
    async logout(token) {
      open.delete(token);
    },
    verify: async (token) => principal(token),
    // Demo accounts never change while the page is open: nothing to revoke.
    onRevoked: () => () => {},
    accountChanged: () => {},
    checkRevocations: async () => [],
    watchRevocations: () => () => {},
  };
}

function randomToken(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return `demo-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
