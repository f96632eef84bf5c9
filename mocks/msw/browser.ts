// MSW in the browser (service worker public/mockServiceWorker.js): the offline demo's REST API.
import { setupWorker } from 'msw/browser';
import type { DemoGateway } from './demo-gateway.ts';
import { createHandlers } from './handlers.ts';

export async function startDemoWorker(gateway: DemoGateway, baseUrl = '/'): Promise<void> {
  const worker = setupWorker(...createHandlers(gateway));
  await worker.start({
    serviceWorker: { url: `${baseUrl}mockServiceWorker.js` },
    // Assets and map tiles go to the network as usual; only /api/v1 is answered here.
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
