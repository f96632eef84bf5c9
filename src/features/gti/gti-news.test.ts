import { describe, expect, it } from 'vitest';
import type { Incident } from '../../domain/model.ts';
import { contractCalendarDto } from '../../test/contract-calendar.ts';
import { coveredCalendarFrom } from './calendar-hours.ts';
import { gtiNews } from './gti-news.ts';

const calendar = coveredCalendarFrom(contractCalendarDto());
/** Paris wall clock on Monday 2 March 2026 (UTC+1). */
const paris = (day: number, hh: number, mm = 0) => Date.UTC(2026, 2, day, hh - 1, mm);

function incident(id: string, collectiviteId: string, openedAt: number, over: Partial<Incident> = {}): Incident {
  return { id, collectiviteId, siteId: 's', probeId: 'p', status: 'open', severity: 'CRITICAL', openedAt, timeline: [], version: 1, ...over };
}

const keys = (news: Map<string, Set<string>>) => Object.fromEntries([...news].map(([id, k]) => [id, [...k].sort()]));

describe('gtiNews', () => {
  const incidents = [
    incident('fresh', 'c-metz', paris(2, 14)),
    incident('friday', 'c-metz', Date.UTC(2026, 1, 27, 15)), // Friday 16:00: deadline Monday 15:30
    incident('old', 'c-thionville', Date.UTC(2026, 1, 24, 8)),
    incident('old-but-on-site', 'c-thionville', Date.UTC(2026, 1, 24, 8), { status: 'in-progress', interventionAt: Date.UTC(2026, 1, 24, 9) }),
    incident('old-resolved', 'c-hundling', Date.UTC(2026, 1, 24, 8), { status: 'resolved', resolvedAt: Date.UTC(2026, 1, 26, 9) }),
  ];

  it('keys each at-risk or breached active GTI under its collectivité', () => {
    expect(keys(gtiNews(incidents, paris(2, 15), calendar))).toEqual({ 'c-metz': ['gti:at-risk:friday'], 'c-thionville': ['gti:breached:old'] });
  });

  it('a GTI passing from at-risk to breached gives a new key (news again)', () => {
    expect(keys(gtiNews(incidents, paris(2, 15, 31), calendar))['c-metz']).toEqual(['gti:breached:friday']);
  });
});
