import { DISPLAY_TIME_ZONE, formatTime } from '../../../i18n/format.ts';
import { useLocale } from '../../../i18n/locale-context.ts';
import { useNow } from '../../../live/use-live.ts';

/** Big clock, Moselle time, so that anyone glancing at the wall can judge how fresh it is. */
export function WallClock({ clock }: { clock?: () => number }) {
  const { locale } = useLocale();
  const now = useNow(1000, clock);
  const date = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(now);
  return (
    <div className="text-right leading-none">
      <time dateTime={new Date(now).toISOString()} className="block font-mono text-5xl font-bold tabular-nums text-white">
        {formatTime(locale, now, true)}
      </time>
      <span className="mt-1 block text-xl text-slate-300 first-letter:uppercase">{date}</span>
    </div>
  );
}
