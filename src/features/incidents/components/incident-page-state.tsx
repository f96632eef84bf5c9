// What a page of incidents shows before its rows: the failure with a retry (only when nothing was
// ever loaded: a failed refetch keeps the rows on screen), the loading line, or the "none" sentence.
import type { ReactNode } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { incidentMessages } from '../messages.ts';

interface IncidentPageStateProps {
  query: { isError: boolean; isPending: boolean; data?: unknown; refetch(): unknown };
  /** How many incidents the page holds once loaded. */
  count: number;
  /** The sentence when there are none. */
  empty: string;
  /** The rows. */
  children: ReactNode;
}

export function IncidentPageState({ query, count, empty, children }: IncidentPageStateProps) {
  const m = useMessages(incidentMessages);
  if (query.isError && !query.data) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-2 rounded-lg border border-red-700 bg-red-950 p-3 text-red-100">
        {m.loadFailed}
        <button type="button" className="min-h-11 rounded border border-red-400 px-3" onClick={() => void query.refetch()}>
          {m.retry}
        </button>
      </div>
    );
  }
  if (query.isPending) {
    return (
      <p aria-busy="true" className="text-slate-300">
        {m.loading}
      </p>
    );
  }
  if (count === 0) return <p className="rounded-lg border border-slate-800 bg-slate-900 p-3 text-slate-300">{empty}</p>;
  return children;
}
