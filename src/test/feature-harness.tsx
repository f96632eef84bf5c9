// Test harness for feature components: the real providers (i18n, TanStack Query, API client,
// session, live store) around a fake transport and a fake fetch, so a test drives the stream and
// the gateway's answers by hand.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createApiClient } from '../api/api-client.ts';
import { ApiClientProvider } from '../api/api-context.tsx';
import { SessionStore } from '../api/session.ts';
import { SessionProvider } from '../api/session-context.tsx';
import type { Collectivite, Equipment, Incident, Probe, ProbeStatus, Site } from '../domain/model.ts';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import { FakeTransport } from '../live/fake-transport.ts';
import type { FrameScheduler } from '../live/frame-scheduler.ts';
import { LiveStoreProvider } from '../live/live-context.tsx';
import { LiveStore } from '../live/live-store.ts';
import type { Role } from '../protocol/rest.ts';
import { PROTOCOL_VERSION, type SourceHealth } from '../protocol/schemas.ts';
import { packSnapshot } from '../protocol/wire-snapshot.ts';

export interface FakeRequest {
  method: string;
  url: URL;
  body: unknown;
}

export type FakeRoute = (request: FakeRequest) => { status?: number; body?: unknown } | undefined;

/** A fetch that answers from `route` (404 when it returns undefined) and records every request. */
export function fakeFetch(route: FakeRoute) {
  const requests: FakeRequest[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const request = { method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(request);
    const answer = route(request) ?? { status: 404, body: { error: { code: 'not-found', message: 'no route' } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetch: fetchImpl as typeof fetch, requests };
}

export interface EstateFixture {
  collectivites: Collectivite[];
  sites: Site[];
  equipment: Equipment[];
  probes: Probe[];
}

export interface HarnessOptions {
  role?: Role;
  collectiviteId?: string;
  route?: FakeRoute;
  clock?: () => number;
  /** The gateway's clock stamped on snapshots and heartbeats (default: `clock`); set it ahead to test skew. */
  serverClock?: () => number;
  /** Coalesce the store's notifications on these frames (see fakeFrames); synchronous by default. */
  frames?: FrameScheduler;
}

const CONNECTED: SourceHealth = { state: 'connected', source: 'simulator', since: 0 };

export function createFeatureHarness({
  role = 'support',
  collectiviteId,
  route = () => undefined,
  clock = () => Date.now(),
  serverClock = clock,
  frames,
}: HarnessOptions = {}) {
  const transport = new FakeTransport();
  const store = new LiveStore({ transport, clock, frames });
  store.start();
  const sessionStore = new SessionStore(undefined, () => 0);
  sessionStore.set({ token: 'test-token', expiresAt: Number.MAX_SAFE_INTEGER, user: { login: 'alice', role, collectiviteId } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const http = fakeFetch(route);
  const client = createApiClient({ baseUrl: 'http://vigie.test', getToken: () => 'test-token', fetch: http.fetch });
  let seq = 0;

  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nProvider locale="fr" storage={undefined}>
        <QueryClientProvider client={queryClient}>
          <SessionProvider store={sessionStore} onLogout={() => sessionStore.clear()}>
            <ApiClientProvider client={client}>
              <LiveStoreProvider store={store}>{children}</LiveStoreProvider>
            </ApiClientProvider>
          </SessionProvider>
        </QueryClientProvider>
      </I18nProvider>
    );
  }

  return {
    Wrapper,
    store,
    transport,
    queryClient,
    requests: http.requests,
    /** Connect and deliver a snapshot of `estate` with these incidents and statuses. */
    snapshot(estate: EstateFixture, incidents: Incident[] = [], statuses: ProbeStatus[] = [], source = CONNECTED) {
      transport.connect();
      transport.emit('snapshot', packSnapshot({ protocol: PROTOCOL_VERSION, stream: 'all', epoch: 'e1', seq, at: serverClock(), estate, statuses, incidents, source }));
    },
    incidents(incidents: Incident[]) {
      transport.emit('incidents', { stream: 'all', epoch: 'e1', incidents });
    },
    heartbeat(source = CONNECTED) {
      transport.emit('heartbeat', { stream: 'all', epoch: 'e1', seq, at: serverClock(), source });
    },
    nextSeq() {
      return ++seq;
    },
  };
}

/** A small estate: two collectivités, one site each, one equipment, two probes each. */
export function smallEstate(): EstateFixture {
  const collectivites: Collectivite[] = [
    { id: 'c-metz', insee: '57463', name: 'Metz', lat: 49.12, lng: 6.18 },
    { id: 'c-thionville', insee: '57672', name: 'Thionville', lat: 49.36, lng: 6.17 },
  ];
  const sites: Site[] = collectivites.map((c) => ({ id: `s-${c.id}`, collectiviteId: c.id, name: `Mairie de ${c.name}`, kind: 'mairie', lat: c.lat, lng: c.lng }));
  const equipment: Equipment[] = sites.map((s) => ({ id: `e-${s.id}`, siteId: s.id, name: 'Routeur', kind: 'router' }));
  const probes: Probe[] = equipment.flatMap((e) => [
    { id: `p-${e.id}-internet`, equipmentId: e.id, name: 'Accès Internet', kind: 'internet', interval: 60 },
    { id: `p-${e.id}-disk`, equipmentId: e.id, name: 'Disque C:', kind: 'disk', interval: 300 },
  ]);
  return { collectivites, sites, equipment, probes };
}

export function makeIncident(over: Partial<Incident> & Pick<Incident, 'id' | 'collectiviteId'>): Incident {
  const siteId = over.siteId ?? `s-${over.collectiviteId}`;
  const openedAt = over.openedAt ?? Date.UTC(2026, 2, 2, 8);
  return {
    probeId: `p-e-${siteId}-internet`,
    siteId,
    status: 'open',
    severity: 'CRITICAL',
    openedAt,
    timeline: [{ at: openedAt, kind: 'opened', state: over.severity ?? 'CRITICAL' }],
    version: 1,
    ...over,
  };
}
