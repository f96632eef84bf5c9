// One row of the desk: a problem ("commune · site · probe") or a cause with the problems it
// explains, folded until expanded. Engine and estate strings are rendered as text.
import type { ReactNode } from 'react';
import type { Incident, ProbeState } from '../../../domain/model.ts';
import { formatAge } from '../../../i18n/format.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import { StateBadge as SharedStateBadge } from '../../../ui/state-badge.tsx';
import type { DeskProblem, DeskRow as Row } from '../desk-rows.ts';
import { deskMessages, type DeskMessages } from '../messages.ts';

/** A state with the desk's words ("Injoignable": a probe the cut leaves unmeasured). */
export function StateBadge({ state }: { state: ProbeState }) {
  const m = useMessages(deskMessages);
  return <SharedStateBadge state={state} label={m.state(state)} />;
}

export const problemTitle = (p: DeskProblem) => `${p.commune} · ${p.site} · ${p.probe}`;

export function rowTitle(row: Row, m: DeskMessages): string {
  const [first] = row.problems;
  if (!first) return row.id;
  if (row.kind === 'area-cut') return m.areaCut(row.siteCount, row.epci ?? '');
  if (row.kind === 'site-cut') return m.siteCut(first.site, first.commune);
  if (row.kind === 'link-cut') return m.linkCut(first.site, first.commune);
  if (row.kind === 'dependency') return m.dependency(problemTitle(first));
  return problemTitle(first);
}

interface DeskRowProps {
  row: Row;
  now: number;
  active: boolean;
  selected: boolean;
  expanded: boolean;
  onToggleSelected(): void;
  onToggleExpanded(): void;
  onOpen(siteId: string): void;
  onFocusRow(): void;
  renderGti?: (incident: Incident) => ReactNode;
}

export function DeskRow({ row, now, active, selected, expanded, onToggleSelected, onToggleExpanded, onOpen, onFocusRow, renderGti }: DeskRowProps) {
  const m = useMessages(deskMessages);
  const { locale } = useLocale();
  const title = rowTitle(row, m);
  const [cause] = row.problems;
  const urgent = row.incidents[0];
  const folded = row.kind !== 'single';
  return (
    <li data-row-id={row.id} data-active={active || undefined} className={`live-row ${active ? 'bg-slate-800' : ''} ${selected ? 'ring-2 ring-sky-500 ring-inset' : ''}`}>
      <div className="flex items-start gap-2 px-2 py-2">
        <input type="checkbox" checked={selected} onChange={onToggleSelected} aria-label={m.select(title)} className="mt-1.5 h-4 w-4 shrink-0 accent-sky-500" />
        <button
          type="button"
          data-row-main
          onClick={() => cause && onOpen(cause.siteId)}
          onFocus={onFocusRow}
          className="min-w-0 flex-1 text-left focus-visible:outline-2 focus-visible:outline-sky-400"
        >
          <span className="flex items-center gap-2">
            <StateBadge state={row.state} />
            <span className={`min-w-0 font-medium ${row.kind === 'single' ? 'truncate' : 'break-words'}`}>{title}</span>
          </span>
          <span className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-300">
            <span>{formatAge(locale, now - row.since)}</span>
            {folded && (
              <span>
                {row.kind === 'dependency' ? m.declaredDependents(row.problems.length - 1) : m.dependents(row.problems.length - (row.kind === 'area-cut' ? row.siteCount : 1))}
              </span>
            )}
            {row.handling && (
              <span data-handling={row.handling} className="rounded bg-sky-800 px-1.5 font-semibold text-white">
                {m.handling[row.handling]}
              </span>
            )}
          </span>
        </button>
        <span className="shrink-0 text-right text-xs">{urgent && renderGti?.(urgent)}</span>
        {folded && (
          <button
            type="button"
            aria-expanded={expanded}
            aria-label={expanded ? m.collapse : m.expand}
            onClick={onToggleExpanded}
            className="shrink-0 rounded px-2 py-1 text-slate-200 hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-sky-400"
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        )}
      </div>
      {folded && expanded && (
        <ul className="mb-2 ml-8 max-h-64 overflow-y-auto border-l border-slate-700 text-sm">
          {row.problems.map((p) => (
            <li key={p.probeId}>
              <button type="button" onClick={() => onOpen(p.siteId)} className="flex w-full items-center gap-2 px-2 py-1 text-left hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400">
                <StateBadge state={p.state} />
                <span className="min-w-0 truncate">{problemTitle(p)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
