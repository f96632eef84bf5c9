import './zod-setup.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { launchView } from './app/last-view.ts';
import { registerServiceWorker } from './app/service-worker.ts';
import './index.css';

// Launched from the home screen: back to the page it was left on (src/app/last-view.ts).
const launchTo = launchView(location.href);
if (launchTo) history.replaceState(null, '', launchTo);
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
