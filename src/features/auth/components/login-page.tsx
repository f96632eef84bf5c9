import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { useApiClient } from '../../../api/use-api-client.ts';
import { useSessionStore } from '../../../api/use-session.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { openSession } from '../api/session-requests.ts';
import { authMessages } from '../auth-messages.ts';

export interface LoginPageProps {
  /** Called once the session is stored. */
  onSignedIn(): void;
}

export function LoginPage({ onSignedIn }: LoginPageProps) {
  const m = useMessages(authMessages);
  const client = useApiClient();
  const sessions = useSessionStore();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const ids = { login: useId(), password: useId(), error: useId() };
  const mutation = useMutation({
    mutationFn: () => openSession(client, login.trim(), password),
    onSuccess: (session) => {
      sessions.set(session);
      onSignedIn();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!login.trim() || !password || mutation.isPending) return;
    mutation.mutate();
  };

  const error = mutation.error ? errorText(mutation.error, m) : undefined;

  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-950 p-4 text-slate-100">
      <form onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined} className="w-full max-w-sm space-y-4 rounded-lg bg-slate-900 p-6 shadow-lg">
        <header>
          <p className="text-sm font-semibold tracking-wide text-sky-300">Vigie</p>
          <h1 className="text-2xl font-semibold">{m.title}</h1>
          <p className="mt-1 text-sm text-slate-300">{m.subtitle}</p>
        </header>
        <div className="space-y-1">
          <label htmlFor={ids.login} className="block text-sm font-medium">
            {m.login}
          </label>
          <input
            id={ids.login}
            name="login"
            autoComplete="username"
            required
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            className="w-full rounded border border-slate-600 bg-slate-800 px-3 py-2 text-base focus:border-sky-400 focus:outline-2 focus:outline-sky-400"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.password} className="block text-sm font-medium">
            {m.password}
          </label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="w-full rounded border border-slate-600 bg-slate-800 px-3 py-2 text-base focus:border-sky-400 focus:outline-2 focus:outline-sky-400"
          />
        </div>
        {error && (
          <p id={ids.error} role="alert" className="rounded bg-red-950 px-3 py-2 text-sm text-red-100">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={mutation.isPending || !login.trim() || !password}
          className="w-full rounded bg-sky-700 px-3 py-2 font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 disabled:cursor-not-allowed disabled:bg-slate-700 disabled:text-slate-300"
        >
          {mutation.isPending ? m.submitting : m.submit}
        </button>
        <p className="text-xs text-slate-300">{m.lostCode}</p>
      </form>
    </main>
  );
}

function errorText(error: Error, m: (typeof authMessages)['fr']): string {
  if (!(error instanceof ApiError)) return m.failed;
  if (error.status === 401 || error.status === 403 || error.status === 400) return m.badCredentials;
  if (error.status === 429) return m.rateLimited;
  if (error.code === 'network' || error.status >= 500) return m.unreachable;
  return m.failed;
}
