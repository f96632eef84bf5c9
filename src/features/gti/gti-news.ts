// The GTIs worth interrupting the wall's rotation for: each active incident whose GTI is at risk or
// breached gives its collectivité a key ("gti:breached:<incident>"); a key the wall has not seen is
// news (wall/rotation-queue.ts). A GTI going from at-risk to breached is news again.
import { useMemo } from 'react';
import { isActive } from '../../domain/incident-rules.ts';
import type { Incident, Instant } from '../../domain/model.ts';
import { useIncidents, useServerNow } from '../../live/use-live.ts';
import { useCoveredCalendar } from './api/use-covered-calendar.ts';
import type { CoveredCalendar } from './calendar-hours.ts';
import { currentGti } from './gti-clocks.ts';

export type GtiNews = ReadonlyMap<string, ReadonlySet<string>>;

export function gtiNews(incidents: Iterable<Incident>, now: Instant, calendar: CoveredCalendar): Map<string, Set<string>> {
  const news = new Map<string, Set<string>>();
  for (const incident of incidents) {
    if (!isActive(incident)) continue;
    const { status } = currentGti(incident, now, calendar);
    if (status !== 'at-risk' && status !== 'breached') continue;
    const keys = news.get(incident.collectiviteId) ?? new Set<string>();
    keys.add(`gti:${status}:${incident.id}`);
    news.set(incident.collectiviteId, keys);
  }
  return news;
}

const signature = (news: GtiNews) => [...news].map(([id, keys]) => `${id}=${[...keys].sort().join('|')}`).sort().join(';');

/** GTI news in scope, re-read every few seconds; the same object while nothing changed. */
export function useGtiNews(intervalMs = 5_000): GtiNews {
  const incidents = useIncidents();
  const { calendar } = useCoveredCalendar();
  const now = useServerNow(intervalMs);
  const fresh = useMemo(() => (calendar ? gtiNews(incidents, now, calendar) : new Map<string, Set<string>>()), [incidents, now, calendar]);
  const sig = signature(fresh);
  // Keyed by content: the wall's rotation re-reads news only when a key appeared or went.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => fresh, [sig]);
}
