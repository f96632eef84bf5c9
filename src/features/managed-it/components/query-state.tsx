// Loading, error (with retry), empty, or the data: the four states every managed-IT list shows.
import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMessages } from '../../../i18n/locale-context.ts';
import { managedItMessages } from '../messages.ts';

export function QueryState<T>({ query, empty, isEmpty, children }: { query: UseQueryResult<T>; empty: string; isEmpty(data: T): boolean; children(data: T): ReactNode }) {
  const m = useMessages(managedItMessages);
  if (query.data !== undefined) return isEmpty(query.data) ? <p className="text-sm text-slate-300">{empty}</p> : children(query.data);
  if (query.isError) {
    return (
      <p role="alert" className="text-sm text-red-300">
        {m.loadError}{' '}
        <button type="button" className="underline" onClick={() => void query.refetch()}>
          {m.retry}
        </button>
      </p>
    );
  }
  return (
    <p aria-busy="true" className="text-sm text-slate-300">
      {m.loading}
    </p>
  );
}
