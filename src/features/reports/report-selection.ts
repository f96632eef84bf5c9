// What the reports screen shows: a kind of period and an instant inside it (previous and next are
// one step of the same kind), or whole days picked in a form. Turned into the query of
// GET /reports/period and its CSV and PDF siblings.
import type { Instant } from '../../domain/model.ts';
import { daysPeriod, localIsoDate, periodContaining, shiftPeriod, type PeriodKind } from '../../domain/report-period.ts';
import type { Period } from '../../domain/availability.ts';

export type ReportSelection = { kind: PeriodKind; at: Instant } | { kind: 'custom'; first: string; last: string };

export function selectedPeriod(selection: ReportSelection, timeZone: string): Period {
  return selection.kind === 'custom' ? daysPeriod(selection.first, selection.last, timeZone) : periodContaining(selection.kind, selection.at, timeZone);
}

/** One period back or forward; a custom range moves by its own length in days. */
export function stepSelection(selection: ReportSelection, step: -1 | 1, timeZone: string): ReportSelection {
  if (selection.kind !== 'custom') return { kind: selection.kind, at: shiftPeriod(selection.kind, selection.at, step, timeZone).from };
  const { from, to } = daysPeriod(selection.first, selection.last, timeZone);
  const days = Math.round((to - from) / 86_400_000);
  const move = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + step * days)).toISOString().slice(0, 10);
  };
  return { kind: 'custom', first: move(selection.first), last: move(selection.last) };
}

/** Switching kind keeps the start of what is shown; custom starts as the period on screen. */
export function switchKind(selection: ReportSelection, kind: ReportSelection['kind'], timeZone: string): ReportSelection {
  const period = selectedPeriod(selection, timeZone);
  if (kind === 'custom') return { kind, first: localIsoDate(period.from, timeZone), last: localIsoDate(period.to - 1, timeZone) };
  return { kind, at: period.from };
}

export function reportQuery(selection: ReportSelection, collectiviteId: string | undefined, timeZone: string): Record<string, string | number> {
  const scope: Record<string, string> = collectiviteId ? { collectiviteId } : {};
  if (selection.kind === 'custom') {
    const { from, to } = selectedPeriod(selection, timeZone);
    return { ...scope, from, to };
  }
  return { ...scope, period: selection.kind, from: selection.at };
}
