// Registers public/sw.js (the app shell kept for a flaky mobile connection) in production builds
// served by the gateway. Not in development (Vite serves changing files) nor in the offline demo
// (its own entry, where MSW's worker owns the scope). A failure only means no offline shell.
export function registerServiceWorker(nav: Navigator | undefined = globalThis.navigator, enabled = import.meta.env.PROD): void {
  if (!enabled || !nav || !('serviceWorker' in nav)) return;
  const register = () => void nav.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => console.warn('Vigie: no offline shell', error));
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
