import { describe, expect, it } from 'vitest';
import { dayBars, isEmptyHistory } from './history-chart.ts';

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
