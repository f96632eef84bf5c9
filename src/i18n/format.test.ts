import { describe, expect, it } from 'vitest';
import { formatAge, formatDateTime, formatDayTime, formatDuration, formatPercent, formatTime, formatWeekdayDate, localeTag, percentFormat } from './format.ts';

describe('format', () => {
  it.each([
    [45_000, '45 s'],
    [12 * 60_000, '12 min'],
    [3 * 3600_000 + 5 * 60_000, '3 h 05'],
    [2 * 86_400_000 + 4 * 3600_000, '2 j 4 h'],
    [-90 * 60_000, '−1 h 30'],
  ])('formatDuration(%i) = %s', (ms, text) => expect(formatDuration('fr', ms)).toBe(text));

  it('speaks English too', () => {
    expect(formatAge('en', 12_000)).toBe('12 s ago');
    expect(formatAge('fr', 12_000)).toBe('il y a 12 s');
  });

  it('shows Paris time', () => {
    expect(formatTime({ locale: 'fr', timeZone: 'Europe/Paris' }, Date.UTC(2026, 0, 5, 8, 30))).toBe('09:30');
  });

  it('shows the time of the zone it is given (the gateway’s), in the language it is given', () => {
    const t = Date.UTC(2026, 6, 14, 15, 5, 9);
    expect(formatTime({ locale: 'fr', timeZone: 'Europe/Paris' }, t, true)).toBe('17:05:09');
    expect(formatTime({ locale: 'fr', timeZone: 'America/Cayenne' }, t)).toBe('12:05');
    expect(formatDateTime({ locale: 'fr', timeZone: 'Europe/Paris' }, t)).toBe('14/07/2026 17:05:09');
    expect(formatDateTime({ locale: 'en', timeZone: 'Europe/Paris' }, t)).toBe('14/07/2026, 17:05:09');
    expect(formatWeekdayDate({ locale: 'fr', timeZone: 'Europe/Paris' }, t)).toBe('mardi 14 juillet');
    expect(formatWeekdayDate({ locale: 'en', timeZone: 'Pacific/Kiritimati' }, t)).toBe('Wednesday 15 July');
    expect(formatDayTime({ locale: 'fr', timeZone: 'Europe/Paris' }, t)).toBe('14/07 17:05');
  });

  it('has one locale tag per language', () => {
    expect(localeTag('fr')).toBe('fr-FR');
    expect(localeTag('en')).toBe('en-GB');
  });

  it('reuses its formatters', () => {
    expect(percentFormat('fr', 0, 2)).toBe(percentFormat('fr', 0, 2));
    expect(percentFormat('fr', 0, 2)).not.toBe(percentFormat('en', 0, 2));
    expect(formatPercent('fr', 0.9612).replace(/\s/g, ' ')).toBe('96,1 %');
  });
});
