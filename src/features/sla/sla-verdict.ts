// How an availability report reads at a glance. "tight" warns before the target is missed: once
// three quarters of the period's error budget is spent, the margin is low.
import type { AvailabilityReport } from '../../protocol/rest.ts';

export type SlaVerdict = 'met' | 'tight' | 'missed' | 'unmeasured';

const TIGHT_BUDGET_USED = 0.75;

export interface ErrorBudget {
  /** Covered minutes of downtime allowed over the measured time (left + used). */
  allowedMinutes: number;
  usedMinutes: number;
  leftMinutes: number;
  /** used / allowed, null when nothing is allowed yet (no measured time). */
  usedShare: number | null;
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

export function slaVerdict(report: AvailabilityReport): SlaVerdict {
  if (report.ratio === null) return 'unmeasured';
  if (report.ratio < report.target || report.errorBudgetMinutes < 0) return 'missed';
  const used = errorBudget(report).usedShare;
  return used !== null && used >= TIGHT_BUDGET_USED ? 'tight' : 'met';
}
