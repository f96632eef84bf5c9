// The covered-hours calendar (convention art. 7): the SLA clocks only run Mon–Fri 9:00–17:30,
// Europe/Paris wall-clock time, outside closed dates. Instants stay UTC; each local day's opening
// window is converted once with Intl (no tz library) and summed into a prefix table, so durations
// are O(1) per query after warm-up, and correct across DST.
import type { Instant } from './model.ts';
import { wallToInstant, zonedFormatter } from './zoned-time.ts';

export interface CoveredHoursConfig {
  /** IANA time zone whose wall clock defines the hours. */
  timeZone: string;
  /** Covered ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Wall-clock opening and closing times 'HH:MM' (close may be '24:00'). */
  open: string;
  close: string;
  /** Local dates 'YYYY-MM-DD' with no cover (public holidays, extra closed days). */
  closedDates: ReadonlySet<string> | readonly string[];
}

/** The contract's hours. Holidays are left to the caller (server: `closedDatesBetween`). */
export const DEFAULT_COVERED_HOURS: Readonly<CoveredHoursConfig> = Object.freeze({
  timeZone: 'Europe/Paris',
  days: [1, 2, 3, 4, 5],
  open: '09:00',
  close: '17:30',
  closedDates: [],
});

export interface CoveredHours {
  readonly config: Readonly<CoveredHoursConfig>;
  /** Inside a covered window (opening instant included, closing instant excluded). */
  isCovered(t: Instant): boolean;
  /** Covered time between two instants, in ms; 0 when `to <= from`. */
  coveredMs(from: Instant, to: Instant): number;
  /** The instant reached after `ms` of covered time counted from `t` (or from the next covered instant). */
  addCoveredMs(t: Instant, ms: number): Instant;
  /** `t` itself when covered, else the next opening. */
  nextCoveredInstant(t: Instant): Instant;
  /** The covered stretches overlapping [from, to), clipped to it. */
  windowsBetween(from: Instant, to: Instant): Array<{ from: Instant; to: Instant }>;
}

interface Window {
  open: Instant;
  close: Instant;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Local days are computed around the UTC day, ±1: valid for every zone offset within ±24 h. */
const MARGIN_DAYS = 62;
/** Give up searching forward after ten years: a calendar with no covered time is a config error. */
const MAX_SEARCH_DAYS = 3_660;
const CLOCK = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

function parseClock(label: string, hhmm: string): number {
  const m = CLOCK.exec(hhmm);
  if (!m) throw new RangeError(`${label} must be HH:MM, got "${hhmm}"`);
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

export function createCoveredHours(config: CoveredHoursConfig): CoveredHours {
  const openMin = parseClock('open', config.open);
  const closeMin = parseClock('close', config.close);
  if (openMin >= closeMin) throw new RangeError(`open (${config.open}) must be before close (${config.close})`);
  for (const d of config.days) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new RangeError(`days must be ISO weekdays 1–7, got ${d}`);
  }
  const days = new Set(config.days);
  const closed = new Set(config.closedDates);
  const format = zonedFormatter(config.timeZone); // throws RangeError on an unknown zone

  // Local day n = the calendar date of UTC day n (days since 1970-01-01), read in the zone.
  const windows = new Map<number, Window | null>();
  function windowOf(day: number): Window | null {
    let w = windows.get(day);
    if (w !== undefined) return w;
    const date = new Date(day * DAY_MS);
    const iso = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay() || 7;
    w = null;
    if (days.has(weekday) && !closed.has(iso)) {
      const open = wallToInstant(format, day * DAY_MS + openMin * MINUTE_MS);
      const close = wallToInstant(format, day * DAY_MS + closeMin * MINUTE_MS);
      if (close > open) w = { open, close };
    }
    windows.set(day, w);
    return w;
  }
  const lengthOf = (day: number) => {
    const w = windowOf(day);
    return w ? w.close - w.open : 0;
  };

  // prefix[i] = covered ms of local days [lo, lo + i). Grows both ways on demand.
  let lo = 0;
  let prefix: number[] = [];
  function ensure(fromDay: number, toDay: number): void {
    if (prefix.length === 0) {
      lo = fromDay - MARGIN_DAYS;
      prefix = [0];
    }
    if (fromDay < lo) {
      const newLo = fromDay - MARGIN_DAYS;
      const head = [0];
      for (let d = newLo; d < lo; d++) head.push((head[head.length - 1] ?? 0) + lengthOf(d));
      const shift = head.pop() ?? 0;
      prefix = head.concat(prefix.map((v) => v + shift));
      lo = newLo;
    }
    let hi = lo + prefix.length - 1; // prefix covers days [lo, hi)
    if (toDay + 1 > hi) {
      const target = toDay + 1 + MARGIN_DAYS;
      for (; hi < target; hi++) prefix.push((prefix[prefix.length - 1] ?? 0) + lengthOf(hi));
    }
  }
  const coveredBeforeDay = (day: number) => prefix[day - lo] ?? 0;

  /** Covered ms from the table's origin to `t`. Days ≤ u−2 end before t, days ≥ u+2 start after it. */
  function coveredUntil(t: Instant): number {
    const u = Math.floor(t / DAY_MS);
    ensure(u - 1, u + 1);
    let total = coveredBeforeDay(u - 1);
    for (let d = u - 1; d <= u + 1; d++) {
      const w = windowOf(d);
      if (w) total += Math.min(Math.max(t - w.open, 0), w.close - w.open);
    }
    return total;
  }

  function nextCoveredInstant(t: Instant): Instant {
    const u = Math.floor(t / DAY_MS);
    for (let d = u - 1; d <= u + MAX_SEARCH_DAYS; d++) {
      const w = windowOf(d);
      if (w && w.close > t) return Math.max(w.open, t);
    }
    throw new RangeError('covered-hours calendar has no covered time ahead');
  }

  return {
    config: Object.freeze({ ...config }),
    isCovered(t) {
      const u = Math.floor(t / DAY_MS);
      for (let d = u - 1; d <= u + 1; d++) {
        const w = windowOf(d);
        if (w && w.open <= t && t < w.close) return true;
      }
      return false;
    },
    coveredMs(from, to) {
      if (!(to > from)) return 0;
      ensure(Math.floor(from / DAY_MS) - 1, Math.floor(to / DAY_MS) + 1);
      return coveredUntil(to) - coveredUntil(from);
    },
    addCoveredMs(t, ms) {
      if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`covered duration must be ≥ 0, got ${ms}`);
      if (ms === 0) return nextCoveredInstant(t);
      const u = Math.floor(t / DAY_MS);
      ensure(u - 1, u + 1);
      const target = coveredUntil(t) + ms;
      for (let d = u - 1; d <= u + MAX_SEARCH_DAYS; d++) {
        ensure(d, d);
        const w = windowOf(d);
        if (w && coveredBeforeDay(d + 1) >= target) return w.open + (target - coveredBeforeDay(d));
      }
      throw new RangeError('covered-hours calendar has no covered time ahead');
    },
    nextCoveredInstant,
    windowsBetween(from, to) {
      const out: Array<{ from: Instant; to: Instant }> = [];
      for (let d = Math.floor(from / DAY_MS) - 1; d <= Math.floor(to / DAY_MS) + 1; d++) {
        const w = windowOf(d);
        if (w && w.close > from && w.open < to) out.push({ from: Math.max(w.open, from), to: Math.min(w.close, to) });
      }
      return out;
    },
  };
}
