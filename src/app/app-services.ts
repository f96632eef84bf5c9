// The app's long-lived collaborators, built once and injected through providers (tests build their
// own with fakes). A 401 anywhere ends the session; the router then shows the login page.
import { QueryClient } from '@tanstack/react-query';
import { createApiClient, type ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { SessionStore } from '../api/session.ts';
import { createSocketTransport } from '../live/socket-transport.ts';
import type { LiveTransport } from '../live/transport.ts';
import { crossFeatureInvalidation } from './cross-feature-invalidation.ts';

export interface AppServices {
  sessions: SessionStore;
  api: ApiClient;
  queryClient: QueryClient;
  createTransport(token: string): LiveTransport;
}

export function createAppServices(overrides: Partial<AppServices> = {}): AppServices {
  const sessions = overrides.sessions ?? new SessionStore();
  const api = overrides.api ?? createApiClient({ getToken: () => sessions.token(), onUnauthorized: () => sessions.clear() });
  const queryClient = overrides.queryClient ?? createQueryClient();
  return { sessions, api, queryClient, createTransport: overrides.createTransport ?? ((token) => createSocketTransport({ token })) };
}

/** The app's QueryClient: its retry policy, and the refetches one feature's mutation owes the others. */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    mutationCache: crossFeatureInvalidation(() => queryClient),
    defaultOptions: {
      queries: {
        // Client errors will not heal by retrying; network and 5xx might.
        retry: (count, error) => count < 3 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
