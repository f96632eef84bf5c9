// The periods a référent can look back on: this month and the 11 before, this semester and the 3
// before (two years). Each past one is asked as `period` + an instant inside it (the 15th at noon
// UTC is inside the same month in every European zone); the running one without it, so the gateway
// resolves "now" on its own clock.
import type { Instant } from '../../domain/model.ts';
import { wallParts, zonedFormatter } from '../../domain/zoned-time.ts';

export interface SlaPeriodChoice {
  key: string;
  period: 'month' | 'semester';
  /** An instant inside the period; absent for the running one. */
  anchor?: Instant;
  year: number;
  /** Month 1–12 (a semester: its first month, 1 or 7). */
  month: number;
  current: boolean;
}

export function slaPeriodChoices(now: Instant, timeZone: string, months = 12, semesters = 4): SlaPeriodChoice[] {
  const p = wallParts(zonedFormatter(timeZone), now);
  const [year, month] = [p.year ?? 1970, p.month ?? 1];
  const choice = (period: 'month' | 'semester', back: number, y: number, m: number): SlaPeriodChoice => ({
    key: `${period}-${y}-${m}`,
    period,
    ...(back > 0 && { anchor: Date.UTC(y, m - 1, 15, 12) }),
    year: y,
    month: m,
    current: back === 0,
  });
  const out: SlaPeriodChoice[] = [];
  for (let back = 0; back < months; back++) {
    const index = year * 12 + (month - 1) - back;
    out.push(choice('month', back, Math.floor(index / 12), (index % 12) + 1));
  }
  for (let back = 0; back < semesters; back++) {
    const index = year * 2 + (month <= 6 ? 0 : 1) - back;
    out.push(choice('semester', back, Math.floor(index / 2), index % 2 === 0 ? 1 : 7));
  }
  return out;
}
