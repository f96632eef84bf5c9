import { describe, expect, it } from 'vitest';
import type { AvailabilityReport } from '../../protocol/rest.ts';
import { errorBudget, slaVerdict } from './sla-verdict.ts';

function report(over: Partial<AvailabilityReport>): AvailabilityReport {
  return {
    scope: 'all',
    from: 0,
    to: 1,
    target: 0.96,
    upSeconds: 0,
    downSeconds: 0,
    unmeasuredSeconds: 0,
    maintenanceSeconds: 0,
    ratio: 1,
    coverage: 1,
    errorBudgetMinutes: 0,
    worst: [],
    ...over,
  };
}

describe('slaVerdict', () => {
  it.each<[string, Partial<AvailabilityReport>, string]>([
    ['no measure', { ratio: null, coverage: null }, 'unmeasured'],
    ['perfect, budget intact', { ratio: 1, errorBudgetMinutes: 600 }, 'met'],
    ['half the budget used', { ratio: 0.98, downSeconds: 300 * 60, errorBudgetMinutes: 300 }, 'met'],
    ['80 % of the budget used', { ratio: 0.968, downSeconds: 480 * 60, errorBudgetMinutes: 120 }, 'tight'],
    ['below target', { ratio: 0.95, downSeconds: 700 * 60, errorBudgetMinutes: -100 }, 'missed'],
  ])('%s → %s', (_, over, verdict) => {
    expect(slaVerdict(report(over))).toBe(verdict);
  });
});

describe('errorBudget', () => {
  it('adds the used minutes back to get what the period allows', () => {
    expect(errorBudget(report({ downSeconds: 3600, errorBudgetMinutes: 180 }))).toEqual({
      allowedMinutes: 240,
      usedMinutes: 60,
      leftMinutes: 180,
      usedShare: 0.25,
    });
  });

  it('counts an overspent budget as fully used', () => {
    expect(errorBudget(report({ downSeconds: 7200, errorBudgetMinutes: -150 })).usedShare).toBe(1);
  });
});
