import { describe, expect, it } from 'vitest';
import { reportQuery, selectedPeriod, stepSelection, switchKind } from './report-selection.ts';

const TZ = 'Europe/Paris';
const iso = (t: number) => new Date(t).toISOString();

describe('the reports screen period', () => {
  it('goes one period back across the year end, and forward again', () => {
    const jan = { kind: 'month' as const, at: Date.parse('2026-01-15T10:00:00Z') };
    const back = stepSelection(jan, -1, TZ);
    expect(iso(selectedPeriod(back, TZ).from)).toBe('2025-11-30T23:00:00.000Z');
    expect(selectedPeriod(stepSelection(back, 1, TZ), TZ)).toEqual(selectedPeriod(jan, TZ));
    const s2 = stepSelection({ kind: 'semester', at: Date.parse('2026-03-01T00:00:00Z') }, -1, TZ);
    expect(iso(selectedPeriod(s2, TZ).from)).toBe('2025-06-30T22:00:00.000Z');
  });

  it('moves a custom range by its length and turns it into from/to', () => {
    const week = { kind: 'custom' as const, first: '2026-03-23', last: '2026-03-29' };
    expect(stepSelection(week, 1, TZ)).toEqual({ kind: 'custom', first: '2026-03-30', last: '2026-04-05' });
    expect(reportQuery(week, 'c1', TZ)).toEqual({ collectiviteId: 'c1', from: Date.parse('2026-03-22T23:00:00Z'), to: Date.parse('2026-03-29T22:00:00Z') });
  });

  it('switches kind around what is on screen', () => {
    const month = { kind: 'month' as const, at: Date.parse('2026-08-10T10:00:00Z') };
    expect(switchKind(month, 'custom', TZ)).toEqual({ kind: 'custom', first: '2026-08-01', last: '2026-08-31' });
    expect(iso(selectedPeriod(switchKind(month, 'semester', TZ), TZ).from)).toBe('2026-06-30T22:00:00.000Z');
    expect(reportQuery(month, undefined, TZ)).toEqual({ period: 'month', from: month.at });
  });
});
