// What a list fetched from the gateway shows before its rows: the failure with a retry (only when
// nothing was ever loaded: a failed refetch keeps the rows on screen), the loading line, or the
// "none" sentence. The words are the feature's (what failed, what is loading).
import type { ReactNode } from 'react';

export interface QueryStateWords {
  loadFailed: string;
  retry: string;
  loading: string;
}

interface QueryStateProps {
  query: { isError: boolean; isPending: boolean; data?: unknown; refetch(): unknown };
  words: QueryStateWords;
  /** How many rows the answer holds. */
  count: number;
  /** The sentence when there are none. */
  empty: string;
  /** The rows. */
  children: ReactNode;
}

export function QueryState({ query, words, count, empty, children }: QueryStateProps) {
  if (query.isError && !query.data) {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-2 rounded-lg border border-red-700 bg-red-950 p-3 text-red-100">
        {words.loadFailed}
        <button type="button" className="min-h-11 rounded border border-red-400 px-3" onClick={() => void query.refetch()}>
          {words.retry}
        </button>
      </div>
    );
  }
  if (query.isPending || !query.data) {
    return (
      <p aria-busy="true" className="text-slate-300">
        {words.loading}
      </p>
    );
  }
  if (count === 0) return <p className="rounded-lg border border-slate-800 bg-slate-900 p-3 text-slate-300">{empty}</p>;
  return children;
}
