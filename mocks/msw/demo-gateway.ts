// The gateway, minus the network, for the offline demo and component tests: the gateway's own core
// (server/gateway-core.ts: a source such as the simulator → supervision state → stream hub) and
// its own REST route table, all in one JS realm. Only sessions and storage are demo-specific.
import type { SupervisionSource } from '../../src/protocol/source.ts';
import type { RouteDeps } from '../../server/http/api-deps.ts';
import { scopeOf } from '../../server/stream/scope.ts';
import type { StreamHub } from '../../server/stream/stream-hub.ts';
import { systemTimers, type Timers } from '../../server/stream/timers.ts';
import type { Supervision } from '../../server/supervision/supervision.ts';
import { createGatewayCore } from '../../server/gateway-core.ts';
import { fixedCoveredCalendar } from './demo-calendar.ts';
import { DemoHistory } from './demo-history.ts';
import { createDemoSessions, type DemoAccount, type DemoSessions } from './demo-sessions.ts';
import { createHubTransport, type HubTransport } from './hub-transport.ts';

export interface DemoGatewayOptions {
  source: SupervisionSource;
  /** Closed dates of the covered-hours calendar (public holidays), resolved by the caller. */
  closedDates: readonly string[];
  timers?: Timers;
  /** Wall clock for session expiry (the SPA's clock, not the simulated one). */
  clock?: () => number;
  accounts?: readonly DemoAccount[];
  /** Collectivité of the demo référent; the estate's first one with sites by default. */
  referentCollectiviteId?: string;
  /** Stream hub flush window (ms). */
  flushMs?: number;
  /** How often the supervision writes its history to the in-memory storage (ms). */
  persistMs?: number;
  log?: (message: string, detail?: unknown) => void;
}

export interface DemoGateway {
  readonly supervision: Supervision;
  readonly hub: StreamHub;
  /** Everything the supervision wrote: state changes (availability), incidents, actions, accounts. */
  readonly history: DemoHistory;
  readonly sessions: DemoSessions;
  /** What the gateway's REST route modules are registered with. */
  readonly apiDeps: RouteDeps;
  /** The SPA's live transport for a session token: the stream of that session's scope. */
  liveTransport(token: string): HubTransport;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createDemoGateway(options: DemoGatewayOptions): DemoGateway {
  const timers = options.timers ?? systemTimers;
  const history = new DemoHistory();
  const core = createGatewayCore({ source: options.source, storage: history, timers, persistMs: options.persistMs ?? 1_000, stream: { flushMs: options.flushMs ?? 100 }, ...(options.log && { log: options.log }) });
  const { supervision, hub } = core;
  const sessions = createDemoSessions({
    ...(options.accounts && { accounts: options.accounts }),
    ...(options.clock && { clock: options.clock }),
    defaultCollectiviteId: () => {
      const estate = supervision.estate();
      const withSites = new Set(estate.sites.map((s) => s.collectiviteId));
      return options.referentCollectiviteId ?? estate.collectivites.find((c) => withSites.has(c.id))?.id;
    },
  });
  const apiDeps: RouteDeps = { state: supervision, storage: history, sessions, calendar: fixedCoveredCalendar(options.closedDates), now: () => supervision.now() };

  /** The gateway's /me reads display names from the account store. */
  async function storeAccounts(): Promise<void> {
    for (const { login } of sessions.accounts) {
      const a = sessions.account(login);
      if (!a) continue;
      const row = { login: a.login, role: a.role, displayName: a.displayName, passwordHash: 'demo', disabled: false, version: 1 };
      await history.accounts.upsert(a.collectiviteId === undefined ? row : { ...row, collectiviteId: a.collectiviteId });
    }
  }

  return {
    supervision,
    hub,
    history,
    sessions,
    apiDeps,
    liveTransport(token) {
      return createHubTransport({
        hub,
        scope: () => {
          const principal = sessions.principal(token);
          return principal && scopeOf(principal);
        },
      });
    },
    async start() {
      await core.start();
      // The source's first snapshot goes to history at once, so the first reports already measure.
      await supervision.persist();
      await storeAccounts();
    },
    stop: () => core.stop(),
  };
}
