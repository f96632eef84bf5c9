// @vitest-environment jsdom
// How a component test uses the demo's handlers: the SPA's real API client, query hooks and live
// store, answered by the same demo gateway as `npm run demo:static` (bulletproof-react style).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../../src/api/api-client.ts';
import { ApiClientProvider } from '../../src/api/api-context.tsx';
import { useCollectivites } from '../../src/api/queries.ts';
import { LiveStore } from '../../src/live/live-store.ts';
import { startDemoKit, type DemoKit } from './demo-gateway.test-kit.ts';
import { setupDemoServer } from './node.ts';

const BASE = 'http://vigie.test';
let kit: DemoKit;
let server: ReturnType<typeof setupDemoServer>;

beforeAll(async () => {
  kit = await startDemoKit();
  server = setupDemoServer(kit.gateway, { baseUrl: BASE });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await kit.gateway.stop();
});

function wrapperFor(login: string) {
  const session = kit.gateway.sessions.signInAs(login)!;
  const client = createApiClient({ baseUrl: BASE, getToken: () => session.token });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const Wrapper = ({ children }: { children: ReactNode }) =>
    createElement(QueryClientProvider, { client: queryClient }, createElement(ApiClientProvider, { client, children }));
  return { Wrapper, session };
}

test('a query hook reads the demo gateway through msw/node, scope included', async () => {
  const support = wrapperFor('support');
  const all = renderHook(() => useCollectivites(), { wrapper: support.Wrapper });
  await waitFor(() => expect(all.result.current.data?.map((c) => c.id)).toEqual(['c1', 'c2']));
  const referent = wrapperFor('referent');
  const own = renderHook(() => useCollectivites(), { wrapper: referent.Wrapper });
  await waitFor(() => expect(own.result.current.data?.map((c) => c.id)).toEqual(['c1']));
});

test('the same gateway feeds a live store, so REST and live agree', async () => {
  const { session } = wrapperFor('support');
  const store = new LiveStore({ transport: kit.gateway.liveTransport(session.token) });
  store.start();
  await waitFor(() => expect(store.connection).toBe('live'));
  kit.source.emit('p-c2-3', 'CRITICAL');
  kit.timers.advance(100);
  await waitFor(() => expect(store.siteState('s-c2')).toBe('CRITICAL'));
  store.stop();
});
