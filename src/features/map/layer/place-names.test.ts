import { describe, expect, it } from 'vitest';
import { boxOf, namesAtZoom, placeNames, type NameCandidate } from './place-names.ts';

const commune = (name: string, x: number, y: number, rank: number): NameCandidate => ({ name, x, y, rank, kind: 'commune' });
const names = (placed: ReturnType<typeof placeNames>) => placed.map((p) => p.name);

describe('placeNames', () => {
  it.each<[string, NameCandidate[], string[]]>([
    ['keeps the bigger of two overlapping names', [commune('Woippy', 100, 100, 14_000), commune('Metz', 110, 102, 117_000)], ['Metz']],
    ['keeps both when apart', [commune('Metz', 100, 100, 117_000), commune('Thionville', 100, 200, 41_000)], ['Metz', 'Thionville']],
    ['drops a name that would stick out of the view', [commune('Sarreguemines', 5, 100, 21_000)], []],
    [
      'lets a small name take a gap the big ones leave',
      [commune('Metz', 100, 100, 117_000), commune('Woippy', 108, 104, 14_000), commune('Scy-Chazelles', 100, 140, 2_700)],
      ['Metz', 'Scy-Chazelles'],
    ],
  ])('%s', (_, candidates, expected) => {
    expect(names(placeNames(candidates.map((c) => boxOf(c, 12)), 400, 300))).toEqual(expected);
  });
});

describe('namesAtZoom', () => {
  it.each([
    [8, { epcis: true, minPopulation: null }],
    [9, { epcis: true, minPopulation: null }],
    [10, { epcis: true, minPopulation: 2_000 }],
    [11, { epcis: false, minPopulation: 0 }],
    [15, { epcis: false, minPopulation: 0 }],
  ])('zoom %i', (zoom, expected) => expect(namesAtZoom(zoom)).toEqual(expected));
});
