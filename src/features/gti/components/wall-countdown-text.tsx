// The words for a countdown (wall-countdown.ts) — "reste 0 h 43", "dépassée de 0 h 43" — used by
// the wall (with the resume time when paused) and by the desk's rows (GtiLeft).
import type { GtiStatus } from '../../../domain/gti.ts';
import type { Instant } from '../../../domain/model.ts';
import { formatTime, formatWeekdayDate } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import type { CoveredCalendar } from '../calendar-hours.ts';
import { gtiMessages, type GtiMessages } from '../messages.ts';
import { wallCountdown, type WallCountdown } from '../wall-countdown.ts';
import { PauseIcon } from './pause-icon.tsx';

/** A running or paused countdown in words; past its deadline when over. */
export function countdownWords(c: Exclude<WallCountdown, { kind: 'met' }>, m: GtiMessages): string {
  return c.kind === 'over' || (c.kind === 'paused' && c.over) ? m.wallOver(c.time) : m.wallLeft(c.time);
}

export function WallCountdownText({ gti, now, calendar }: { gti: GtiStatus; now: Instant; calendar: CoveredCalendar }) {
  const m = useMessages(gtiMessages);
  const display = useTimeDisplay();
  const c = wallCountdown(gti, now, calendar);
  if (c.kind === 'met') return <span>✔</span>;
  if (c.kind !== 'paused') return <span data-countdown={c.kind}>{countdownWords(c, m)}</span>;
  return (
    <span data-countdown="paused" className="flex flex-col items-end">
      <span>{countdownWords(c, m)}</span>
      <span className="text-xl font-semibold text-sky-200">
        <PauseIcon /> {m.paused} — {m.resumes(`${formatWeekdayDate(display, c.resumesAt)} ${formatTime(display, c.resumesAt)}`)}
      </span>
    </span>
  );
}
