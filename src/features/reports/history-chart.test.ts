import { describe, expect, it } from 'vitest';
import { dayBars, drawnBands, isEmptyHistory } from './history-chart.ts';

const day = (from: number, ratio: number | null) => ({ from, to: from + 1, ratio, upSeconds: 0, downSeconds: 0, maintenanceSeconds: 0, unmeasuredSeconds: 0 });

describe('dayBars', () => {
  it.each([
    [1, 100, false],
    [0.96, 96, false],
    [0.959, 95.9, true],
    [0, 0, true],
    [null, null, false],
  ])('ratio %s → %s %%, below target %s', (ratio, percent, below) => {
    const [bar] = dayBars({ target: 0.96, days: [day(10, ratio)] });
    expect(bar!.from).toBe(10);
    expect(bar!.percent === null ? null : Math.round(bar!.percent * 10) / 10).toBe(percent);
    expect(bar!.belowTarget).toBe(below);
  });
});

describe('isEmptyHistory', () => {
  it.each([
    ['no data and no day', [{ from: 0, to: 1, kind: 'none' as const }], [day(0, null)], true],
    ['a state band', [{ from: 0, to: 1, kind: 'OK' as const }], [day(0, null)], false],
    ['a measured day', [{ from: 0, to: 1, kind: 'none' as const }], [day(0, 1)], false],
  ])('%s → %s', (_name, bands, days, empty) => expect(isEmptyHistory({ bands, days })).toBe(empty));
});

describe('drawnBands', () => {
  const b = (from: number, to: number, kind: 'OK' | 'CRITICAL' | 'WARNING' | 'none') => ({ from, to, kind });
  it('keeps bands that are all at least a slot wide', () => {
    const bands = [b(0, 500, 'OK'), b(500, 1000, 'CRITICAL')];
    expect(drawnBands(bands, 1000, 10)).toEqual(bands);
  });
  it('shows a band shorter than a slot as the whole slot, the worst kind winning', () => {
    expect(drawnBands([b(0, 450, 'OK'), b(450, 451, 'CRITICAL'), b(451, 1000, 'OK')], 1000, 10)).toEqual([b(0, 400, 'OK'), b(400, 500, 'CRITICAL'), b(500, 1000, 'OK')]);
  });
  it('bounds a flapping history to the slots', () => {
    const flapping = Array.from({ length: 1000 }, (_, i) => b(i, i + 1, i % 2 ? 'WARNING' : 'OK'));
    expect(drawnBands(flapping, 1000, 10)).toEqual([b(0, 1000, 'WARNING')]);
  });
  it('stops where the history stops (now), not at the end of the period', () => {
    expect(drawnBands([b(0, 1, 'CRITICAL'), b(1, 300, 'OK')], 1000, 10)).toEqual([b(0, 100, 'CRITICAL'), b(100, 300, 'OK')]);
  });
});
