// The balance of every convention of a scope, grouped by collectivité when the scope is all.
import { useMessages } from '../../../i18n/locale-context.ts';
import { useEstateIndex } from '../../../live/use-live.ts';
import { useConventions } from '../api/managed-it-queries.ts';
import { managedItMessages } from '../messages.ts';
import { QueryState } from './query-state.tsx';
import { UnitsBalance } from './units-balance.tsx';

export function ConventionBalances({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(managedItMessages);
  const index = useEstateIndex();
  const query = useConventions(collectiviteId);
  return (
    <QueryState query={query} empty={m.noConvention} isEmpty={(d) => d.items.length === 0}>
      {(data) => {
        const byCollectivite = new Map<string, typeof data.items>();
        for (const c of data.items) byCollectivite.set(c.collectiviteId, [...(byCollectivite.get(c.collectiviteId) ?? []), c]);
        return (
          <div className="grid gap-2 lg:grid-cols-2">
            {[...byCollectivite].map(([id, conventions]) => (
              <div key={id} className="flex flex-col gap-2" data-testid={`balances-${id}`}>
                {collectiviteId === undefined && <h3 className="font-semibold text-slate-100">{index.collectivites.get(id)?.name ?? id}</h3>}
                {conventions.map((c) => (
                  <UnitsBalance key={c.id} convention={c} heading={collectiviteId === undefined ? 'h4' : 'h3'} />
                ))}
              </div>
            ))}
          </div>
        );
      }}
    </QueryState>
  );
}
