import { useMessages } from '../i18n/locale-context.ts';
import { appMessages } from './app-messages.ts';
import { navigate } from './router.ts';

export function NotFoundPage({ text }: { text?: string }) {
  const m = useMessages(appMessages);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-slate-950 p-6 text-slate-100">
      <h1 className="text-2xl font-semibold">Vigie</h1>
      <p>{text ?? m.notFound}</p>
      <button type="button" onClick={() => navigate('/')} className="rounded bg-sky-700 px-3 py-2 font-semibold text-white focus-visible:outline-2 focus-visible:outline-sky-300">
        {m.backHome}
      </button>
    </main>
  );
}
