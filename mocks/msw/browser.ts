// MSW in the browser (service worker public/mockServiceWorker.js): the offline demo's REST API.
import { setupWorker } from 'msw/browser';
import type { DemoGateway } from './demo-gateway.ts';
import { createHandlers } from './handlers.ts';

export async function startDemoWorker(gateway: DemoGateway, baseUrl = '/'): Promise<void> {
  // A route that fails answers a bare 500, as the gateway does; the console keeps the cause.
  const worker = setupWorker(...createHandlers(gateway, { onInternalError: (error) => console.error('Vigie demo: API route failed', error) }));
  await worker.start({
    serviceWorker: { url: `${baseUrl}mockServiceWorker.js` },
    // Assets and map tiles go to the network as usual; only /api/v1 is answered here.
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
