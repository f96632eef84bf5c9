// The wall's words for a countdown (wall-countdown.ts), with the resume time when paused.
import type { GtiStatus } from '../../../domain/gti.ts';
import type { Instant } from '../../../domain/model.ts';
import { formatTime, formatWeekdayDate } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import type { CoveredCalendar } from '../calendar-hours.ts';
import { gtiMessages } from '../messages.ts';
import { wallCountdown } from '../wall-countdown.ts';
import { PauseIcon } from './pause-icon.tsx';

export function WallCountdownText({ gti, now, calendar }: { gti: GtiStatus; now: Instant; calendar: CoveredCalendar }) {
  const m = useMessages(gtiMessages);
  const display = useTimeDisplay();
  const c = wallCountdown(gti, now, calendar);
  if (c.kind === 'met') return <span>✔</span>;
  if (c.kind !== 'paused') return <span data-countdown={c.kind}>{c.kind === 'left' ? m.wallLeft(c.time) : m.wallOver(c.time)}</span>;
  return (
    <span data-countdown="paused" className="flex flex-col items-end">
      <span>{c.over ? m.wallOver(c.time) : m.wallLeft(c.time)}</span>
      <span className="text-xl font-semibold text-sky-200">
        <PauseIcon /> {m.paused} — {m.resumes(`${formatWeekdayDate(display, c.resumesAt)} ${formatTime(display, c.resumesAt)}`)}
      </span>
    </span>
  );
}
