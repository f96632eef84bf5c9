// How an availability report reads at a glance, from ONE computation (slaStanding): the ratio, the
// error budget and the verdict the card and the wall show can never contradict each other.
// - Nothing measured → 'unmeasured'.
// - Budget overspent (the period can no longer end at target) → 'missed'.
// - Too little measured (< MIN_MEASURED_MINUTES per probe) → 'too-early': the ratio of a few minutes
//   says nothing yet (one 3-minute blip in 12 minutes reads 75 %), so no verdict is declared.
// - Ratio below target while budget remains (a running period can still recover) → 'behind'.
// - Otherwise 'met', or 'tight' once three quarters of the budget is spent.
import type { AvailabilityReport } from '../../protocol/rest.ts';

export type SlaVerdict = 'met' | 'tight' | 'behind' | 'missed' | 'too-early' | 'unmeasured';

const TIGHT_BUDGET_USED = 0.75;
/** Below an hour of covered time measured per probe, a ratio is noise: one blip moves it past the 4-point margin. */
export const MIN_MEASURED_MINUTES = 60;

export interface ErrorBudget {
  /** Covered minutes of downtime allowed over the measured time (left + used). */
  allowedMinutes: number;
  usedMinutes: number;
  leftMinutes: number;
  /** used / allowed, null when nothing is allowed yet (no measured time). */
  usedShare: number | null;
}

export interface SlaStanding {
  verdict: SlaVerdict;
  ratio: number | null;
  budget: ErrorBudget;
  /** Covered minutes measured, per probe on average when the report gives its probe count. */
  measuredMinutes: number;
}

export function errorBudget(report: AvailabilityReport): ErrorBudget {
  const usedMinutes = report.downSeconds / 60;
  const allowedMinutes = Math.max(0, report.errorBudgetMinutes + usedMinutes);
  return {
    allowedMinutes,
    usedMinutes,
    leftMinutes: report.errorBudgetMinutes,
    usedShare: allowedMinutes > 0 ? usedMinutes / allowedMinutes : usedMinutes > 0 ? 1 : null,
  };
}

export function slaStanding(report: AvailabilityReport): SlaStanding {
  const budget = errorBudget(report);
  const measuredMinutes = (report.upSeconds + report.downSeconds) / 60 / Math.max(1, report.probeCount ?? 1);
  const standing = (verdict: SlaVerdict): SlaStanding => ({ verdict, ratio: report.ratio, budget, measuredMinutes });
  if (report.ratio === null) return standing('unmeasured');
  if (report.errorBudgetMinutes < 0) return standing('missed');
  // Reports without a probe count (older gateways) cannot say how long each probe was measured.
  if (report.probeCount !== undefined && measuredMinutes < MIN_MEASURED_MINUTES) return standing('too-early');
  if (report.ratio < report.target) return standing('behind');
  return standing(budget.usedShare !== null && budget.usedShare >= TIGHT_BUDGET_USED ? 'tight' : 'met');
}

/** The verdict alone (kept for callers that need only it); the same computation as slaStanding. */
export function slaVerdict(report: AvailabilityReport): SlaVerdict {
  return slaStanding(report).verdict;
}
