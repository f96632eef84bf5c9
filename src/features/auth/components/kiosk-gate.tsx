// /wall?token=… : trade the kiosk token for a session, then drop it from the address bar so it
// does not linger in history or screenshots. The token is kept for the tab's life: when the
// session expires or is cut, the gate renews it by itself — nothing to click on a wall.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useApiClient } from '../../../api/use-api-client.ts';
import { useSession, useSessionStore } from '../../../api/use-session.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { sessionKioskTokenStorage, type KioskTokenStorage } from '../api/kiosk-token-storage.ts';
import { kioskTokenSchema, openKioskSession } from '../api/session-requests.ts';
import { authMessages } from '../auth-messages.ts';

/** Renew this long before the session expires. */
const RENEW_AHEAD_MS = 5 * 60_000;

export interface KioskGateProps {
  /** The `token` query parameter, if any. */
  token: string | null;
  /** Removes the token from the URL once exchanged. */
  onTokenConsumed(): void;
  onGoToLogin(): void;
  tokenStorage?: KioskTokenStorage;
  children: ReactNode;
}

export function KioskGate({ token, onTokenConsumed, onGoToLogin, tokenStorage, children }: KioskGateProps) {
  const m = useMessages(authMessages);
  const client = useApiClient();
  const sessions = useSessionStore();
  const { session } = useSession();
  const [storage] = useState(() => tokenStorage ?? sessionKioskTokenStorage());
  const effective = token ?? storage.get();
  const valid = effective !== null && kioskTokenSchema.safeParse(effective).success;
  const { mutate, isError, isPending, isIdle } = useMutation({
    mutationFn: (t: string) => openKioskSession(client, t),
    onSuccess: (s, t) => {
      storage.set(t);
      sessions.set(s);
      onTokenConsumed();
    },
  });

  useEffect(() => {
    if (!valid || isPending || isError) return;
    // A token in the URL is exchanged once; a stored one whenever the session is gone.
    if (token !== null ? isIdle : !session) mutate(effective);
  }, [valid, isPending, isError, isIdle, token, session, effective, mutate]);

  useEffect(() => {
    if (!valid || session?.user.role !== 'kiosk') return;
    const timer = setTimeout(() => mutate(effective), Math.max(0, session.expiresAt - Date.now() - RENEW_AHEAD_MS));
    return () => clearTimeout(timer);
  }, [valid, session, effective, mutate]);

  if (token !== null && valid && !isError) return <Notice text={m.kioskExchanging} />;
  if (session) return children;
  if (valid && !isError) return <Notice text={m.kioskExchanging} />;
  if (effective !== null) return <Notice text={m.kioskRefused} action={m.goToLogin} onAction={onGoToLogin} />;
  return <Notice text={m.kioskMissing} action={m.goToLogin} onAction={onGoToLogin} />;
}

function Notice({ text, action, onAction }: { text: string; action?: string; onAction?: () => void }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-slate-950 p-8 text-center text-3xl text-slate-100">
      <h1 className="sr-only">Vigie</h1>
      <p role="status">{text}</p>
      {action && (
        <button type="button" onClick={onAction} className="rounded bg-sky-700 px-4 py-2 text-xl font-semibold text-white focus-visible:outline-2 focus-visible:outline-sky-300">
          {action}
        </button>
      )}
    </main>
  );
}
