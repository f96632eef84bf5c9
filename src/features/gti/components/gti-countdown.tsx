import type { Incident, Instant } from '../../../domain/model.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { CoveredCalendar } from '../calendar-hours.ts';
import { currentGti } from '../gti-clocks.ts';
import { formatCountdown } from '../format-countdown.ts';
import { gtiMessages } from '../messages.ts';
import { GtiStatusBadge } from './gti-status-badge.tsx';

interface GtiCountdownProps {
  incident: Pick<Incident, 'openedAt' | 'interventionAt' | 'resolvedAt'>;
  calendar: CoveredCalendar;
  /** The caller's clock (ticks every second in the app, injected in tests). */
  now: Instant;
}

/** One incident's GTI: state badge, covered time left (or overrun) and the deadline. */
export function GtiCountdown({ incident, calendar, now }: GtiCountdownProps) {
  const m = useMessages(gtiMessages);
  const display = useTimeDisplay();
  const s = currentGti(incident, now, calendar);
  const detail =
    s.status === 'met' && s.stoppedAt !== undefined
      ? m.metAt(formatDateTime(display, s.stoppedAt))
      : s.coveredMsLeft >= 0
        ? m.left(formatCountdown(s.coveredMsLeft))
        : m.over(formatCountdown(s.coveredMsLeft));
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1" role="timer" data-gti-status={s.status}>
      <GtiStatusBadge status={s.status} />
      <span className="font-mono tabular-nums">{detail}</span>
      <span className="text-sm text-slate-300">{m.deadline(formatDateTime(display, s.deadline))}</span>
    </span>
  );
}
