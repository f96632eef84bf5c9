// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientProvider } from '../../../api/api-context.tsx';
import { createApiClient } from '../../../api/api-client.ts';
import { SessionProvider } from '../../../api/session-context.tsx';
import { SessionStore } from '../../../api/session.ts';
import { I18nProvider } from '../../../i18n/i18n-context.tsx';
import { LoginPage } from './login-page.tsx';

afterEach(cleanup);

const SESSION = { token: 'tok-123', expiresAt: Date.now() + 3_600_000, user: { login: 'ref.metz', role: 'referent', collectiviteId: 'c-metz' } };

function setup(answer: { status: number; body: unknown }) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(answer.body), { status: answer.status }));
  const storage = new Map<string, string>();
  const sessions = new SessionStore({ getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) });
  const client = createApiClient({ getToken: () => sessions.token(), fetch: fetch as unknown as typeof globalThis.fetch });
  const onSignedIn = vi.fn();
  render(
    <I18nProvider locale="fr" storage={undefined}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
        <ApiClientProvider client={client}>
          <SessionProvider store={sessions} onLogout={() => {}}>
            <LoginPage onSignedIn={onSignedIn} />
          </SessionProvider>
        </ApiClientProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { fetch, sessions, storage, onSignedIn, user: userEvent.setup() };
}

describe('LoginPage', () => {
  it('keeps the button disabled until both fields are filled', async () => {
    const { user } = setup({ status: 200, body: SESSION });
    const button = screen.getByRole('button', { name: 'Se connecter' });
    expect(button).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Identifiant'), 'ref.metz');
    expect(button).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Mot de passe'), 'secret');
    expect(button).toHaveProperty('disabled', false);
  });

  it('posts the credentials, stores the session in sessionStorage and moves on', async () => {
    const { user, fetch, sessions, storage, onSignedIn } = setup({ status: 200, body: SESSION });
    await user.type(screen.getByLabelText('Identifiant'), ' ref.metz ');
    await user.type(screen.getByLabelText('Mot de passe'), 'secret{Enter}');
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce());
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/v1/session');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ login: 'ref.metz', password: 'secret' });
    expect(sessions.get()?.user.collectiviteId).toBe('c-metz');
    expect(storage.get('vigie.session')).toContain('tok-123');
  });

  it.each([
    [401, 'Identifiant ou mot de passe incorrect.'],
    [429, 'Trop de tentatives. Patientez quelques minutes avant de réessayer.'],
    [500, 'Le serveur Vigie ne répond pas. Vérifiez la connexion et réessayez.'],
  ])('explains a %i answer in French', async (status, text) => {
    const { user, sessions, onSignedIn } = setup({ status, body: { error: { code: 'x', message: 'no' } } });
    await user.type(screen.getByLabelText('Identifiant'), 'ref.metz');
    await user.type(screen.getByLabelText('Mot de passe'), 'bad');
    await user.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect((await screen.findByRole('alert')).textContent).toBe(text);
    expect(sessions.get()).toBeUndefined();
    expect(onSignedIn).not.toHaveBeenCalled();
  });
});
