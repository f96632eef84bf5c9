// The probes in trouble right now, worst and oldest first. Also the keyboard way into the map:
// each entry selects its site. Engine strings are rendered as text.
import { useCallback } from 'react';
import { stateSeverity, type ProbeStatus } from '../../../domain/model.ts';
import { common } from '../../../i18n/common.ts';
import { formatAge } from '../../../i18n/format.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { topN, type TopN } from '../../../live/top-n.ts';
import { sameItems, useEstateIndex, useLive, useServerNow } from '../../../live/use-live.ts';
import { mapMessages } from '../map-messages.ts';
import { StateShape } from './state-shape.tsx';

/** Past this many rows the list stops growing: a storm must not put thousands of buttons in the DOM. */
export const MAX_PROBLEM_ROWS = 50;

export interface ProblemListProps {
  onSelectSite(siteId: string): void;
  /** Only this collectivité's problems (référent view, /c/:id). */
  collectiviteId?: string;
  className?: string;
}

const worstThenOldest = (a: ProbeStatus, b: ProbeStatus) => stateSeverity(b.state) - stateSeverity(a.state) || a.since - b.since;

/** The `limit` worst and oldest problems, and how many there are: no full sort of a storm's thousands. */
export function selectProblems(store: LiveStore, collectiviteId?: string, limit = MAX_PROBLEM_ROWS): TopN<ProbeStatus> {
  function* problems(): Generator<ProbeStatus> {
    for (const status of store.troubledStatuses()) {
      if (collectiviteId) {
        const site = store.index.sites.get(store.index.siteOfProbe.get(status.probeId) ?? '');
        if (site?.collectiviteId !== collectiviteId) continue;
      }
      yield status;
    }
  }
  return topN(problems(), limit, worstThenOldest);
}

const sameProblems = (a: TopN<ProbeStatus>, b: TopN<ProbeStatus>) => a.total === b.total && sameItems(a.top, b.top);

export function ProblemList({ onSelectSite, collectiviteId, className = '' }: ProblemListProps) {
  const m = useMessages(mapMessages);
  const states = useMessages(common).state;
  const { locale } = useLocale();
  const index = useEstateIndex();
  const now = useServerNow(5000);
  // A stable selector: useLive recomputes whenever it is handed a new function (see useLive).
  const select = useCallback((store: LiveStore) => selectProblems(store, collectiviteId), [collectiviteId]);
  const { top, total } = useLive(['statuses', 'estate'], select, sameProblems);

  return (
    <section aria-labelledby="problems-title" className={`bg-slate-900 text-slate-100 ${className}`}>
      <h2 id="problems-title" className="px-3 pt-3 pb-2 text-base font-semibold">
        {m.problemsTitle} <span className="tabular-nums text-slate-300">({total})</span>
      </h2>
      {total === 0 ? (
        <p className="px-3 pb-3 text-sm text-slate-300">{index.sites.size === 0 ? m.waitingForData : m.noProblems}</p>
      ) : (
        <ul className="divide-y divide-slate-800">
          {top.map((status) => {
            const probe = index.probes.get(status.probeId);
            const siteId = index.siteOfProbe.get(status.probeId);
            const site = siteId ? index.sites.get(siteId) : undefined;
            return (
              <li key={status.probeId} className="live-row">
                <button
                  type="button"
                  disabled={!siteId}
                  onClick={() => siteId && onSelectSite(siteId)}
                  className="flex min-h-12 w-full items-center gap-3 px-3 py-2 text-left hover:bg-slate-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-400"
                >
                  <StateShape state={status.state} size={18} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{probe?.name ?? status.probeId}</span>
                    <span className="block truncate text-xs text-slate-300">{site?.name ?? ''}</span>
                  </span>
                  <span className="shrink-0 text-right text-xs">
                    <span className="block font-semibold">{states[status.state]}</span>
                    <span className="block text-slate-300">{formatAge(locale, now - status.since)}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {total > top.length && <p className="px-3 py-2 text-xs text-slate-300">{m.moreProblems(total - top.length)}</p>}
    </section>
  );
}
