import { formatAge } from '../../../i18n/format.ts';
import { useLocale, useMessages } from '../../../i18n/locale-context.ts';
import type { Freshness } from '../../../live/freshness.ts';
import { wallMessages } from '../messages.ts';

/**
 * Unmistakable when the wall cannot be trusted: a full-width flashing-free banner in black on
 * yellow with the age of the last data. Nothing at all when the data is live.
 */
export function StaleBanner({ freshness }: { freshness: Freshness }) {
  const m = useMessages(wallMessages);
  const { locale } = useLocale();
  if (freshness.level === 'live') return null;
  if (freshness.level === 'connecting') {
    return (
      <div role="status" className="rounded-lg bg-slate-700 px-6 py-3 text-2xl font-semibold text-white">
        {m.connecting}
      </div>
    );
  }
  const reason = freshness.reason ?? 'stream-down';
  return (
    <div
      role="alert"
      data-stale-reason={reason}
      className="flex flex-wrap items-center gap-x-6 gap-y-1 rounded-lg border-8 border-black bg-yellow-300 px-6 py-3 text-black [background-image:repeating-linear-gradient(135deg,transparent_0_2rem,rgb(0_0_0/0.08)_2rem_4rem)]"
    >
      <span className="text-5xl font-black tracking-wide">
        <span aria-hidden="true">⚠ </span>
        {m.staleTitle[reason]}
      </span>
      <span className="text-2xl font-semibold">
        {freshness.ageMs === null ? m.staleNever : m.staleAge(formatAge(locale, freshness.ageMs))}
      </span>
      {reason === 'stream-down' && <span className="text-2xl">{m.staleRetry}</span>}
    </div>
  );
}
