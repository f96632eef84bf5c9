import { describe, expect, it } from 'vitest';
import type { AvailabilityReport } from '../../protocol/rest.ts';
import { errorBudget, slaStanding, slaVerdict } from './sla-verdict.ts';

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

describe('slaStanding: one computation, no contradiction', () => {
  // The figures seen on a young installation (issue #13): Metz, minutes after install.
  const young = report({ upSeconds: 11 * 60 * 20, downSeconds: 41 * 20, ratio: 0.9414, coverage: 0.002, errorBudgetMinutes: 4485, probeCount: 20 });

  it.each<[string, Partial<AvailabilityReport>, string]>([
    ['minutes after install, ratio under target', young, 'too-early'],
    ['an hour per probe measured, under target, budget left', { ...young, upSeconds: 57 * 60 * 20, downSeconds: 4 * 60 * 20, ratio: 0.934 }, 'behind'],
    ['an hour per probe measured, on target', { ...young, upSeconds: 60 * 60 * 20, downSeconds: 0, ratio: 1 }, 'met'],
    ['few minutes measured but budget already overspent', { ...young, errorBudgetMinutes: -5 }, 'missed'],
    ['nothing measured', { ...young, upSeconds: 0, downSeconds: 0, ratio: null, coverage: 0 }, 'unmeasured'],
  ])('%s → %s', (_, over, verdict) => {
    expect(slaStanding(report(over)).verdict).toBe(verdict);
    expect(slaVerdict(report(over))).toBe(verdict);
  });

  it('says how long each probe was measured', () => {
    expect(slaStanding(young).measuredMinutes).toBeCloseTo(11 + 41 / 60, 5);
  });

  it('never says "missed" while the budget says nothing is consumed', () => {
    for (const down of [0, 60, 600]) {
      for (const up of [60, 600, 6_000, 60_000]) {
        const ratio = up / (up + down);
        const standing = slaStanding(report({ upSeconds: up, downSeconds: down, ratio, errorBudgetMinutes: 1_000 - down / 60, probeCount: 1 }));
        if (standing.verdict === 'missed') expect(standing.budget.leftMinutes).toBeLessThan(0);
        if (standing.budget.usedShare === 0) expect(['met', 'too-early']).toContain(standing.verdict);
      }
    }
  });
});
