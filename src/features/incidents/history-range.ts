// The référent's history: "the past 12 months", as an explicit [from, to) the incident route
// accepts. Whole UTC days (from the same date a year ago to the end of today), so the range — and
// the query cached under it — stays the same all day instead of changing with every clock tick.
import type { Instant } from '../../domain/model.ts';

export function pastTwelveMonths(now: Instant): { from: Instant; to: Instant } {
  const d = new Date(now);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  // 29 February a year later does not exist: Date.UTC rolls it over to 1 March, one day less of history.
  return { from: Date.UTC(y - 1, m, day), to: Date.UTC(y, m, day + 1) };
}
