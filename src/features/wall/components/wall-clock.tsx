import { formatTime, formatWeekdayDate } from '../../../i18n/format.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useNow } from '../../../live/use-live.ts';

/** Big clock, on the gateway's time zone, so that anyone glancing at the wall can judge how fresh it is. */
export function WallClock({ clock }: { clock?: () => number }) {
  const display = useTimeDisplay();
  const now = useNow(1000, clock);
  return (
    <div className="text-right leading-none">
      <time dateTime={new Date(now).toISOString()} className="block font-mono text-5xl font-bold tabular-nums text-white">
        {formatTime(display, now, true)}
      </time>
      <span className="mt-1 block text-xl text-slate-300 first-letter:uppercase">{formatWeekdayDate(display, now)}</span>
    </div>
  );
}
