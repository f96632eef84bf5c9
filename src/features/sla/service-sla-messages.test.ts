import { describe, expect, it } from 'vitest';
import { serviceSlaMessages, type ServiceSentence } from './service-sla-messages.ts';

const fr = serviceSlaMessages.fr;
const base = { label: 'Ce mois-ci', availability: '99,9 %', target: '96 %', margin: '6 h 10', running: true };

describe('the service sentence (fr)', () => {
  it.each<[Partial<ServiceSentence> & Pick<ServiceSentence, 'outcome'>, string]>([
    [{ outcome: 'met' }, 'Ce mois-ci : 99,9 % — objectif 96 % tenu ; il reste 6 h 10 d’indisponibilité possible avant de passer sous l’objectif.'],
    [{ outcome: 'met', running: false, label: 'Novembre 2026' }, 'Novembre 2026 : 99,9 % — objectif 96 % tenu, avec 6 h 10 de marge.'],
    [{ outcome: 'behind', availability: '75 %' }, 'Ce mois-ci : 75 % — sous l’objectif de 96 % pour l’instant, encore rattrapable : il reste 6 h 10 d’indisponibilité possible sur la période.'],
    [{ outcome: 'missed', availability: '93,1 %', margin: '32 min' }, 'Ce mois-ci : 93,1 % — objectif 96 % non tenu : 32 min d’indisponibilité de trop.'],
    [{ outcome: 'too-early' }, 'Ce mois-ci : pas encore assez de mesures pour juger.'],
    [{ outcome: 'unmeasured', availability: undefined }, 'Ce mois-ci : aucune mesure pour ce service.'],
  ])('%o', (patch, expected) => {
    expect(fr.sentence({ ...base, ...patch })).toBe(expected);
  });

  it.each([
    [6, 10, '6 h 10'],
    [0, 45, '45 min'],
    [12, 5, '12 h 05'],
  ])('%i h %i min reads "%s"', (h, m, text) => {
    expect(fr.duration(h, m)).toBe(text);
  });

  it('names periods', () => {
    expect([fr.month(2026, 12, true), fr.month(2026, 11, false), fr.semester(2026, 1, false), fr.semester(2025, 7, false)]).toEqual([
      'Ce mois-ci',
      'Novembre 2026',
      '1er semestre 2026',
      '2e semestre 2025',
    ]);
  });
});
