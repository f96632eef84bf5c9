import { expect, test } from 'vitest';
import { gtiStatus } from '../../domain/gti.ts';
import type { Incident } from '../../domain/model.ts';
import { contractCalendarDto } from '../../test/contract-calendar.ts';
import { coveredCalendarFrom } from './calendar-hours.ts';
import { currentGti } from './gti-clocks.ts';

const calendar = coveredCalendarFrom(contractCalendarDto(['2026-12-25']));
const H = 3_600_000;

test('the cached clock gives exactly the domain’s gtiStatus, at any instant', () => {
  const opened = Date.UTC(2026, 11, 24, 14); // Thursday 24 December 2026, 15:00 Paris, before Christmas
  const incidents: Array<Pick<Incident, 'openedAt' | 'interventionAt' | 'resolvedAt'>> = [
    { openedAt: opened },
    { openedAt: opened, interventionAt: opened + 20 * H },
    { openedAt: opened + 3 * H, resolvedAt: opened + 100 * H },
  ];
  for (let now = opened; now < opened + 120 * H; now += 7 * H + 123_457) {
    for (const incident of incidents) expect(currentGti(incident, now, calendar)).toEqual(gtiStatus(incident, now, calendar.hours, calendar.rules));
  }
});
