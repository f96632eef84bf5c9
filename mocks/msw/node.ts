// MSW for Vitest: the same handlers as the offline demo, intercepting fetch in Node.
import { setupServer } from 'msw/node';
import type { DemoGateway } from './demo-gateway.ts';
import { createHandlers, type HandlerOptions } from './handlers.ts';

export function setupDemoServer(gateway: DemoGateway, options?: HandlerOptions) {
  return setupServer(...createHandlers(gateway, options));
}
