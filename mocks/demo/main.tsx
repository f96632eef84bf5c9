/// <reference types="vite/client" />
// Entry of the offline demo (npm run demo:static): the simulator and a demo gateway start in the
// page, MSW's service worker answers /api/v1 with the gateway's own routes, the live stream is an
// in-page transport, then the normal SPA mounts with those services and a demo session.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionStore } from '../../src/api/session.ts';
import { App } from '../../src/app/app.tsx';
import { createAppServices } from '../../src/app/app-services.ts';
import '../../src/index.css';
import { startDemoWorker } from '../msw/browser.ts';
import { DemoBadge } from './demo-badge.tsx';
import { bootDemo } from './demo-boot.ts';
import { demoSettings } from './demo-settings.ts';
import { buildTimeClosedDates } from './holidays-table.ts';

async function main(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  const settings = demoSettings(location.search);
  const sessions = new SessionStore();
  // A reload restarts the demo gateway, so the tab's user is signed in again under the new one.
  const { gateway, session } = await bootDemo(settings, { closedDates: buildTimeClosedDates(), ...(sessions.get() && { fallbackLogin: sessions.get()!.user.login }) });
  await startDemoWorker(gateway, import.meta.env.BASE_URL);
  if (session) sessions.set(session);
  else sessions.clear();
  const services = createAppServices({ sessions, createTransport: (token) => gateway.liveTransport(token) });
  Object.assign(window, { vigieDemo: { gateway, settings } }); // for e2e tests and curious visitors
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
      <DemoBadge settings={settings} />
    </StrictMode>,
  );
}

void main();
