// Vigie's service worker: the app opens on a flaky mobile connection instead of the browser's
// "no internet" page. It keeps the app shell only — index.html and the hashed build files — never
// an API answer or the live stream: data always comes from the gateway, and when it cannot, the
// app itself says so (stale banner, automatic resume). Registered by src/app/service-worker.ts.
const SHELL = 'vigie-shell-v1';
const NEVER = ['/api/', '/socket.io/', '/live/'];

/** index.html and the build files it names: the page that registers us loaded them before we ran. */
async function precacheShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch('/', { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const files = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]))];
  await cache.put('/', response);
  await cache.addAll(files);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('vigie-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || NEVER.some((p) => url.pathname.startsWith(p))) return;
  if (request.mode === 'navigate') {
    // Network first: a fresh index.html (new build, tile settings); the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) void caches.open(SHELL).then((cache) => cache.put('/', response.clone()));
          return response;
        })
        .catch(() => caches.match('/').then((shell) => shell ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/') || url.pathname === '/favicon.svg' || url.pathname === '/map/moselle-boundaries.json') {
    // Hashed or static files: the cached copy, else the network (then kept).
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            if (response.ok) void caches.open(SHELL).then((cache) => cache.put(request, response.clone()));
            return response;
          }),
      ),
    );
  }
});
