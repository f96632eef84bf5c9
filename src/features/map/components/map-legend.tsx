import { useCallback } from 'react';
import type { ProbeState } from '../../../domain/model.ts';
import { common } from '../../../i18n/common.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useLive } from '../../../live/use-live.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { MAINTENANCE_STYLE, STATES_BEST_FIRST } from '../layer/state-style.ts';
import { mapMessages } from '../map-messages.ts';
import { StateShape } from './state-shape.tsx';

const LEGEND_ORDER = [...STATES_BEST_FIRST].reverse();

/** Sites per state: all of them, or only one collectivité's when the view is filtered to it. */
export function countSitesByState(store: Pick<LiveStore, 'index' | 'siteState'>, collectiviteId?: string): Record<ProbeState, number> {
  const counts: Record<ProbeState, number> = { OK: 0, WARNING: 0, CRITICAL: 0, UNKNOWN: 0, PENDING: 0 };
  const ids = collectiviteId === undefined ? store.index.sites.keys() : (store.index.sitesByCollectivite.get(collectiviteId) ?? []).map((s) => s.id);
  for (const id of ids) counts[store.siteState(id)] += 1;
  return counts;
}

/** Sites planned work covers now (a probe in maintenance), all or one collectivité's. */
export function countSitesInMaintenance(store: Pick<LiveStore, 'index' | 'siteInMaintenance'>, collectiviteId?: string): number {
  const ids = collectiviteId === undefined ? store.index.sites.keys() : (store.index.sitesByCollectivite.get(collectiviteId) ?? []).map((s) => s.id);
  let count = 0;
  for (const id of ids) if (store.siteInMaintenance(id)) count += 1;
  return count;
}

type LegendCounts = { states: Record<ProbeState, number>; maintenance: number };
const sameCounts = (a: LegendCounts, b: LegendCounts) => a.maintenance === b.maintenance && LEGEND_ORDER.every((s) => a.states[s] === b.states[s]);

/** `compact`: one line without counts or hint, for phones. `collectiviteId`: counts follow the filter. */
export function MapLegend({ className = '', compact = false, collectiviteId }: { className?: string; compact?: boolean; collectiviteId?: string }) {
  const m = useMessages(mapMessages);
  const states = useMessages(common).state;
  const select = useCallback((store: LiveStore): LegendCounts => ({ states: countSitesByState(store, collectiviteId), maintenance: countSitesInMaintenance(store, collectiviteId) }), [collectiviteId]);
  const counts = useLive(['estate', 'statuses'], select, sameCounts);
  return (
    <figure className={`rounded bg-slate-900/90 p-2 text-xs text-slate-100 shadow ${className}`}>
      <figcaption className={compact ? 'sr-only' : 'mb-1 font-semibold'}>{m.legendTitle}</figcaption>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {LEGEND_ORDER.map((state) => (
          <li key={state} className="flex items-center gap-1">
            <StateShape state={state} />
            <span>{states[state]}</span>
            {!compact && <span className="tabular-nums text-slate-300">{counts.states[state]}</span>}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <MaintenanceRingShape />
          <span>{m.legendMaintenance}</span>
          {!compact && <span className="tabular-nums text-slate-300">{counts.maintenance}</span>}
        </li>
      </ul>
      {!compact && <p className="mt-1 max-w-xs text-[11px] text-slate-300">{m.clusterHint}</p>}
    </figure>
  );
}

/** The map's maintenance ring (dashed, around a marker), as inline SVG for the legend. */
function MaintenanceRingShape({ size = 16 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" className="shrink-0">
      <circle cx="12" cy="12" r="8.5" fill="none" stroke={MAINTENANCE_STYLE.color} strokeWidth="3" strokeDasharray="4.5 3" />
    </svg>
  );
}
