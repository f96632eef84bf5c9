import { describe, expect, test } from 'vitest';
import type { MaintenanceWindow } from '../../domain/maintenance.ts';
import { instantOfWallInput, wallInputOf, windowSentence } from './maintenance-text.ts';

const at = (iso: string) => Date.parse(iso);
const w = (start: string, end: string, over: Partial<MaintenanceWindow> = {}): MaintenanceWindow => ({
  id: 'w', collectiviteId: 'c', siteIds: ['s'], equipmentIds: [], probeIds: [], start: at(start), end: at(end),
  nature: 'mise à jour du serveur', by: 'support', source: 'vigie', createdAt: 0, ...over,
});
const PARIS = 'Europe/Paris';

describe('windowSentence', () => {
  test.each<[string, MaintenanceWindow, string, 'fr' | 'en', string]>([
    ['the issue’s example', w('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00'), '2026-12-10T09:00:00+01:00', 'fr', 'Maintenance prévue le 14/12 de 12 h à 14 h'],
    ['half hours', w('2026-12-14T12:30:00+01:00', '2026-12-14T14:15:00+01:00'), '2026-12-10T09:00:00+01:00', 'fr', 'Maintenance prévue le 14/12 de 12 h 30 à 14 h 15'],
    ['over two days', w('2026-12-14T22:00:00+01:00', '2026-12-15T02:00:00+01:00'), '2026-12-10T09:00:00+01:00', 'fr', 'Maintenance prévue du 14/12 22 h au 15/12 2 h'],
    ['running', w('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00'), '2026-12-14T13:00:00+01:00', 'fr', 'Maintenance en cours jusqu’à 14 h'],
    ['in English', w('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00'), '2026-12-10T09:00:00+01:00', 'en', 'Maintenance planned on 14/12 from 12:00 to 14:00'],
  ])('%s', (_n, window, now, locale, expected) => expect(windowSentence(window, at(now), locale, PARIS)).toBe(expected));
});

describe('wall-clock inputs are read in the gateway time zone', () => {
  test.each([
    ['2026-12-14T12:00', '2026-12-14T11:00:00Z'],
    ['2026-07-14T12:00', '2026-07-14T10:00:00Z'],
  ])('%s in Paris', (input, iso) => {
    expect(instantOfWallInput(input, PARIS)).toBe(at(iso));
    expect(wallInputOf(at(iso), PARIS)).toBe(input);
  });
  test('malformed input is NaN', () => expect(instantOfWallInput('14/12/2026', PARIS)).toBeNaN());
});
