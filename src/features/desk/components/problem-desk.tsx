// The support cell's desk: live problems folded by cause, searchable, ranked by GTI urgency, with
// row selection and bulk actions, driven by mouse or keyboard (use-desk-keys.ts). Replaces the
// flat problem list on the support dashboard; a storm is one row per cut area, not 1,600.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Incident } from '../../../domain/model.ts';
import type { Steps } from '../../../domain/steps.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import type { LiveStore } from '../../../live/live-store.ts';
import { problemGroupsInSteps } from '../../../live/problem-groups.ts';
import { sameItems, useEstateIndex, useServerNow, useSlicedLive } from '../../../live/use-live.ts';
import { activeIncidentByProbeInSteps, deskRowsInSteps, searchRows, type DeskRow as DeskRowModel, type GtiUrgency } from '../desk-rows.ts';
import { deskMessages } from '../messages.ts';
import { searchSites } from '../site-search.ts';
import { useDeskKeys } from '../use-desk-keys.ts';
import { BulkBar, type BulkOutcome } from './bulk-bar.tsx';
import { DeskRow } from './desk-row.tsx';
import { ShortcutHelp } from './shortcut-help.tsx';

const DESK_TOPICS = ['statuses', 'estate', 'incidents'] as const;
/** How late the desk may be behind the map: a few frames, not a per-frame fold. */
export const DESK_REFRESH_MS = 300;

/** Rows in the DOM at most: past that, the search narrows (a storm is already folded). */
export const MAX_DESK_ROWS = 60;

export interface ProblemDeskProps {
  onSelectSite(siteId: string): void;
  collectiviteId?: string;
  /** GTI ranking and display, from the GTI feature (composed by the app). */
  urgency?: GtiUrgency;
  renderGti?: (incident: Incident) => ReactNode;
  className?: string;
}

/**
 * The desk's rows from the store, in steps (domain/steps.ts): the problems folded by cause, each
 * with its active incidents, ranked. The store is read at the first step, so rows stay consistent
 * while batches apply between slices.
 */
function* deskRowsOf(store: LiveStore, collectiviteId: string | undefined, urgency: GtiUrgency | undefined): Steps<DeskRowModel[]> {
  const { index } = store;
  const incidents = store.incidentList();
  const groups = yield* problemGroupsInSteps(store, collectiviteId);
  const byProbe = yield* activeIncidentByProbeInSteps(incidents);
  return yield* deskRowsInSteps(groups, index, byProbe, urgency);
}

export function ProblemDesk({ onSelectSite, collectiviteId, urgency, renderGti, className = '' }: ProblemDeskProps) {
  const m = useMessages(deskMessages);
  const index = useEstateIndex();
  const now = useServerNow(5000);
  // Folding a storm's thousands of problems every frame made 100+ ms tasks, and in one go 50–100 ms
  // ones (npm run bench:storm): the desk refolds at most every DESK_REFRESH_MS, in slices of a few
  // ms, its incidents and ranking with it; the map stays per frame. Rows keep their identity while
  // unchanged (desk-rows.ts), so an unchanged desk keeps its array.
  const steps = useCallback((store: LiveStore) => deskRowsOf(store, collectiviteId, urgency), [collectiviteId, urgency]);
  const rows = useSlicedLive(DESK_TOPICS, steps, sameItems, DESK_REFRESH_MS);

  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActiveId] = useState<string | undefined>();
  const [help, setHelp] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | undefined>();
  const searchBox = useRef<HTMLInputElement>(null);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const shown = useMemo(() => searchRows(rows, query), [rows, query]);
  const visible = shown.slice(0, MAX_DESK_ROWS);
  const siteHits = useMemo(() => searchSites(index, query), [index, query]);
  const chosen = selected.size === 0 ? [] : rows.filter((r) => selected.has(r.id));
  const chosenIncidents = [...new Map(chosen.flatMap((r) => r.incidents).map((i) => [i.id, i])).values()];

  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    if (!next.delete(id)) next.add(id);
    return next;
  };
  const focusRow = (id: string) => list.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"] [data-row-main]`)?.focus();
  const activeRow = visible.find((r) => r.id === activeId);
  const withActiveSelected = () => {
    if (activeRow && !selected.has(activeRow.id)) setSelected(new Set([...selected, activeRow.id]));
  };

  useDeskKeys({
    search: () => searchBox.current?.focus(),
    help: () => setHelp(true),
    move(delta) {
      if (visible.length === 0) return;
      const at = visible.findIndex((r) => r.id === activeId);
      const next = visible[Math.min(visible.length - 1, Math.max(0, at === -1 ? 0 : at + delta))]!;
      setActiveId(next.id);
      focusRow(next.id);
    },
    select: () => activeRow && setSelected(toggle(selected, activeRow.id)),
    acknowledge() {
      withActiveSelected();
      // The bar appears with the selection: focus its comment once it is rendered.
      requestAnimationFrame(() => commentBox.current?.focus());
    },
    intervention() {
      withActiveSelected();
      requestAnimationFrame(() => commentBox.current?.form?.querySelector<HTMLButtonElement>('[data-bulk="start-intervention"]')?.click());
    },
    escape() {
      if (help) setHelp(false);
      else if (selected.size > 0) setSelected(new Set());
      else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    },
  });

  return (
    <section aria-labelledby="desk-title" className={`flex flex-col bg-slate-900 text-slate-100 ${className}`}>
      <div className="flex flex-wrap items-center gap-2 px-3 pt-3 pb-2">
        <h2 id="desk-title" className="text-base font-semibold">
          {m.title} <span className="text-slate-300 tabular-nums">({rows.length})</span>
        </h2>
        <button type="button" onClick={() => setHelp(true)} aria-label={m.shortcuts} className="ml-auto rounded border border-slate-600 px-2 text-sm focus-visible:outline-2 focus-visible:outline-sky-400">
          ?
        </button>
      </div>
      <div className="px-3 pb-2">
        <input
          ref={searchBox}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label={m.search}
          placeholder={`${m.search} — ${m.searchHint}`}
          className="w-full rounded border border-slate-600 bg-slate-950 px-2 py-1.5 text-sm text-slate-100 placeholder:text-slate-400"
        />
      </div>
      {outcome && (
        <div role="status" className="mx-3 mb-2 rounded bg-slate-800 p-2 text-sm">
          <p className="font-semibold text-emerald-300">{m.done(outcome.action, outcome.done)}</p>
          {outcome.refused.length > 0 && (
            <>
              <p className="text-amber-300">{m.partial(outcome.refused.length)}</p>
              <ul className="list-disc pl-5 text-xs">
                {outcome.refused.map((r) => (
                  <li key={r.incidentId}>
                    {r.incidentId} — {m.refusal(r.message)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {rows.length === 0 ? (
        <p className="px-3 pb-3 text-sm text-slate-300">{index.sites.size === 0 ? m.waiting : m.noProblems}</p>
      ) : shown.length === 0 ? (
        <p className="px-3 pb-3 text-sm text-slate-300">{m.noMatch(query)}</p>
      ) : (
        <ul ref={list} className="divide-y divide-slate-800" aria-label={m.title}>
          {visible.map((row) => (
            <DeskRow
              key={row.id}
              row={row}
              now={now}
              active={row.id === activeId}
              selected={selected.has(row.id)}
              expanded={expanded.has(row.id)}
              onToggleSelected={() => setSelected(toggle(selected, row.id))}
              onToggleExpanded={() => setExpanded(toggle(expanded, row.id))}
              onOpen={onSelectSite}
              onFocusRow={() => setActiveId(row.id)}
              renderGti={renderGti}
            />
          ))}
        </ul>
      )}
      {shown.length > visible.length && <p className="px-3 py-2 text-xs text-slate-300">{m.more(shown.length - visible.length)}</p>}
      {siteHits.length > 0 && (
        <section aria-labelledby="desk-sites-title" className="border-t border-slate-700 px-3 py-2">
          <h3 id="desk-sites-title" className="text-sm font-semibold text-slate-300">
            {m.sites}
          </h3>
          <ul>
            {siteHits.map((hit) => (
              <li key={hit.siteId}>
                <button type="button" onClick={() => onSelectSite(hit.siteId)} className="w-full truncate rounded px-2 py-1 text-left text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400">
                  {hit.commune} · {hit.site}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {chosen.length > 0 && (
        <BulkBar
          ref={commentBox}
          rows={chosen.length}
          incidents={chosenIncidents}
          onClear={() => setSelected(new Set())}
          onDone={(o) => {
            setOutcome(o);
            setSelected(new Set());
            if (activeId) focusRow(activeId);
          }}
        />
      )}
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </section>
  );
}
