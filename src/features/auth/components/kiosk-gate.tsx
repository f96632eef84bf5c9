// /wall?token=… : trade the kiosk token for a session once, then drop it from the address bar so
// it does not linger in history or screenshots. Without a token, an existing session is used.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useApiClient } from '../../../api/use-api-client.ts';
import { useSession, useSessionStore } from '../../../api/use-session.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { kioskTokenSchema, openKioskSession } from '../api/session-requests.ts';
import { authMessages } from '../auth-messages.ts';

export interface KioskGateProps {
  /** The `token` query parameter, if any. */
  token: string | null;
  /** Removes the token from the URL once exchanged. */
  onTokenConsumed(): void;
  onGoToLogin(): void;
  children: ReactNode;
}

export function KioskGate({ token, onTokenConsumed, onGoToLogin, children }: KioskGateProps) {
  const m = useMessages(authMessages);
  const client = useApiClient();
  const sessions = useSessionStore();
  const { session } = useSession();
  const valid = token !== null && kioskTokenSchema.safeParse(token).success;
  const { mutate, isError, isPending, isIdle } = useMutation({
    mutationFn: (t: string) => openKioskSession(client, t),
    onSuccess: (s) => {
      sessions.set(s);
      onTokenConsumed();
    },
  });
  const tried = useRef<string | null>(null);
  useEffect(() => {
    if (!valid || tried.current === token) return;
    tried.current = token;
    mutate(token);
  }, [valid, token, mutate]);

  if (valid && (isIdle || isPending)) return <Notice text={m.kioskExchanging} />;
  if (token !== null && (isError || !valid) && !session) return <Notice text={m.kioskRefused} action={m.goToLogin} onAction={onGoToLogin} />;
  if (!session) return <Notice text={m.kioskMissing} action={m.goToLogin} onAction={onGoToLogin} />;
  return children;
}

function Notice({ text, action, onAction }: { text: string; action?: string; onAction?: () => void }) {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-slate-950 p-8 text-center text-3xl text-slate-100">
      <h1 className="sr-only">Vigie</h1>
      <p role="status">{text}</p>
      {action && (
        <button type="button" onClick={onAction} className="rounded bg-sky-600 px-4 py-2 text-xl font-semibold text-white focus-visible:outline-2 focus-visible:outline-sky-300">
          {action}
        </button>
      )}
    </main>
  );
}
