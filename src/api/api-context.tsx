import type { ReactNode } from 'react';
import type { ApiClient } from './api-client.ts';
import { ApiClientContext } from './use-api-client.ts';

export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext value={client}>{children}</ApiClientContext>;
}
