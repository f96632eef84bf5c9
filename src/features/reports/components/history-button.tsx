// "Historique" on the site sheet: opens the history dialog, whose code (and recharts) is fetched
// only then, so the wall and the first paint never load it.
import { lazy, Suspense, useState } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useServerNow } from '../../../live/use-live.ts';
import type { HistorySubject } from '../api/history-query.ts';
import { historyMessages } from '../history-messages.ts';

const HistoryDialog = lazy(() => import('./history-dialog.tsx'));

export function HistoryButton({ subject }: { subject: HistorySubject }) {
  const m = useMessages(historyMessages);
  const [open, setOpen] = useState(false);
  const now = useServerNow(60_000);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={subject.kind === 'probe' ? m.openProbe(subject.name) : m.openSite(subject.name)}
        className="mt-1 rounded border border-slate-600 px-2 py-0.5 text-xs hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-400"
      >
        {m.open}
      </button>
      {open && (
        <Suspense fallback={<span className="text-xs text-slate-300">{m.loading}</span>}>
          <HistoryDialog subject={subject} now={now} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
