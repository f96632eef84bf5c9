// @vitest-environment jsdom
// The app end to end in jsdom: routes, sign-in, live data reaching the page, 401 → login, kiosk
// token exchange. The gateway is a stub fetch and an in-memory live transport.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../api/api-client.ts';
import { SessionStore } from '../api/session.ts';
import { FakeTransport } from '../live/fake-transport.ts';
import { deltaBatch, wireSnapshot, probeStatus } from '../live/live-fixtures.ts';
import { formatTime } from '../i18n/format.ts';
import { PROTOCOL_VERSION } from '../protocol/schemas.ts';
import { App } from './app.tsx';
import { createAppServices } from './app-services.ts';

const HOUR = 3_600_000;
const support = { token: 'tok-support', expiresAt: Date.now() + HOUR, user: { login: 'support', role: 'support' } };
const kiosk = { token: 'tok-kiosk', expiresAt: Date.now() + HOUR, user: { login: 'kiosk', role: 'kiosk' } };

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

function boot(path: string, answer: (method: string, url: string) => unknown = () => undefined) {
  history.replaceState(null, '', path);
  const transport = new FakeTransport();
  const calls: string[] = [];
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url}`);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
    if (method === 'POST' && url === '/api/v1/session') return json(200, support);
    if (method === 'POST' && url === '/api/v1/session/kiosk') return json(200, kiosk);
    if (method === 'DELETE') return new Response(null, { status: 204 });
    const body = answer(method, url);
    if (body !== undefined) return json(200, body);
    return json(404, { error: { code: 'not-found', message: 'stub' } });
  });
  const sessions = new SessionStore(memoryStorage());
  const api = createApiClient({ getToken: () => sessions.token(), onUnauthorized: () => sessions.clear(), fetch: fetch as unknown as typeof globalThis.fetch });
  const services = createAppServices({ sessions, api, createTransport: () => transport });
  render(<App services={services} />);
  return { transport, sessions, calls, user: userEvent.setup() };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  // Leaflet measures the container; jsdom has no layout.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('App', () => {
  it('sends a signed-out visitor to /login, then signs in to the live dashboard', async () => {
    const { transport, user } = boot('/');
    expect(await screen.findByRole('heading', { name: 'Connexion à Vigie' })).toBeTruthy();
    expect(location.pathname).toBe('/login');

    await user.type(screen.getByLabelText('Identifiant'), 'support');
    await user.type(screen.getByLabelText('Mot de passe'), 'pw{Enter}');
    expect(await screen.findByText('Connexion au flux…')).toBeTruthy();
    expect(location.pathname).toBe('/');
    act(() => transport.connect());
    expect(transport.lastRequest).toEqual({ protocol: PROTOCOL_VERSION });

    act(() => transport.emit('snapshot', wireSnapshot()));
    expect(await screen.findByText('Données en direct')).toBeTruthy();
    expect(screen.getByText('Source : simulateur')).toBeTruthy();
    act(() => transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-cam', 'CRITICAL', 2_000, 'Caméra hors ligne')])));
    const problems = screen.getByRole('region', { name: /Problèmes en cours/ });
    // The row names the commune, the site and the probe (#17).
    await within(problems).findByText('Metz · Mairie de Metz · Image caméra');
    await user.click(within(problems).getByRole('button', { name: /Image caméra/ }));
    expect(await screen.findByRole('heading', { name: 'Mairie de Metz' })).toBeTruthy();
    expect(screen.getByText('Caméra hors ligne')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Live data')).toBeTruthy();
    expect(screen.getByText('Source: simulator')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Current problems (1)' })).toBeTruthy();
  });

  it('goes back to the login page when the live stream refuses the session', async () => {
    const { transport, sessions } = boot('/login');
    act(() => sessions.set(support as never));
    await vi.waitFor(() => expect(location.pathname).toBe('/'));
    act(() => transport.emit('protocol-error', { code: 'unauthorized', message: 'session expired' }));
    expect(await screen.findByRole('heading', { name: 'Connexion à Vigie' })).toBeTruthy();
    expect(location.pathname).toBe('/login');
    expect(sessions.get()).toBeUndefined();
  });

  it('exchanges a kiosk token from /wall?token=… and removes it from the address bar', async () => {
    const { calls } = boot('/wall?token=kiosk-0123456789abcdef&rotate=30');
    await vi.waitFor(() => expect(calls).toContain('POST /api/v1/session/kiosk'));
    await vi.waitFor(() => expect(location.search).toBe('?rotate=30'));
    expect(sessionStorage.getItem('vigie.kiosk-token')).toBe('kiosk-0123456789abcdef');
  });

  it("shows times in the gateway's time zone (GET /calendar), not the browser's nor a fixed one", async () => {
    const calendar = { timeZone: 'America/Cayenne', days: [1, 2, 3, 4, 5], open: '09:00', close: '17:30', closedDates: [], gtiHours: 8, atRiskHours: 2, availabilityTarget: 0.96 };
    const { calls } = boot('/wall?token=kiosk-0123456789abcdef', (method, url) => (method === 'GET' && url === '/api/v1/calendar' ? calendar : undefined));
    await vi.waitFor(() => expect(calls).toContain('GET /api/v1/calendar'));
    const clock = await vi.waitFor(() => {
      const time = document.querySelector('time');
      expect(time).not.toBeNull();
      const instant = Date.parse(time!.dateTime);
      expect(time!.textContent).toBe(formatTime({ locale: 'fr', timeZone: 'America/Cayenne' }, instant, true));
      return { instant, text: time!.textContent };
    });
    expect(clock.text).not.toBe(formatTime({ locale: 'fr', timeZone: 'Europe/Paris' }, clock.instant, true));
  });
});
