import { describe, expect, it } from 'vitest';
import type { Incident } from '../../domain/model.ts';
import { incidentMessages } from './messages.ts';
import { statusWords } from './incident-words.ts';

const display = { locale: 'fr' as const, timeZone: 'Europe/Paris' };
/** Paris wall clock on 2 December 2026 (UTC+1). */
const paris = (day: number, hh: number, mm = 0) => Date.UTC(2026, 11, day, hh - 1, mm);
const now = paris(2, 15);
const base: Incident = { id: 'i', probeId: 'p', siteId: 's', collectiviteId: 'c', status: 'open', severity: 'CRITICAL', openedAt: paris(2, 9, 58), timeline: [], version: 1 };
const fr = incidentMessages.fr;

describe('statusWords', () => {
  it.each([
    [{}, 'Ouvert à 09:58, en attente de prise en charge'],
    [{ status: 'acknowledged', acknowledgedAt: paris(2, 10, 12) }, 'Pris en charge par la cellule support à 10:12'],
    [{ status: 'in-progress', acknowledgedAt: paris(2, 10, 12), interventionAt: paris(2, 11, 5) }, 'Intervention en cours depuis 11:05'],
    [{ status: 'resolved', resolvedAt: paris(2, 14, 30) }, 'Résolu à 14:30'],
    [{ status: 'closed', resolvedAt: paris(1, 14, 30), closedAt: paris(1, 16) }, 'Clos le 01/12 16:00'],
    [{ status: 'acknowledged', openedAt: paris(1, 23), acknowledgedAt: paris(1, 23, 30) }, 'Pris en charge par la cellule support le 01/12 23:30'],
  ] as const)('%j → %s', (over, words) => {
    expect(fr.statusWords(statusWords({ ...base, ...over } as Incident, display, now))).toBe(words);
  });

  it("judges 'today' in the gateway's time zone, not UTC", () => {
    // 00:30 in Paris on the 2nd is 23:30 UTC on the 1st.
    expect(fr.statusWords(statusWords({ ...base, openedAt: paris(2, 0, 30) }, display, now))).toBe('Ouvert à 00:30, en attente de prise en charge');
  });
});
