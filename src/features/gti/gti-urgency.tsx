// The GTI as the desk needs it: a ranking of incidents by urgency (breached, then at risk, then
// least covered time left) and a compact "reste 3 h 12" beside each row.
import { useCallback } from 'react';
import type { Incident } from '../../domain/model.ts';
import { useMessages } from '../../i18n/locale-context.ts';
import { useServerNow } from '../../live/use-live.ts';
import { useCoveredCalendar } from './api/use-covered-calendar.ts';
import { currentGti } from './gti-clocks.ts';
import { GTI_SYMBOL, GTI_URGENCY } from './gti-tone.ts';
import { gtiMessages } from './messages.ts';
import { wallCountdown } from './wall-countdown.ts';
import { PauseIcon } from './components/pause-icon.tsx';
import { countdownWords } from './components/wall-countdown-text.tsx';

/** A week of covered time, in ms: more than any GTI has left, so states never mix in the ranking. */
const STATE_SPAN = 7 * 86_400_000;

/** Lower is more urgent; undefined until the calendar is known. Re-ranked every 30 s. */
export function useGtiUrgency(): ((incident: Incident) => number) | undefined {
  const { calendar } = useCoveredCalendar();
  const now = useServerNow(30_000);
  const rank = useCallback(
    (incident: Incident) => {
      if (!calendar) return Infinity;
      const gti = currentGti(incident, now, calendar);
      return GTI_URGENCY[gti.status] * 2 * STATE_SPAN + Math.max(-STATE_SPAN, Math.min(STATE_SPAN, gti.coveredMsLeft));
    },
    [calendar, now],
  );
  return calendar ? rank : undefined;
}

/** "⚠ reste 0 h 43" / "✖ dépassée de 1 h 02" / "⏸ …": one incident's GTI in a row. */
export function GtiLeft({ incident }: { incident: Incident }) {
  const m = useMessages(gtiMessages);
  const { calendar } = useCoveredCalendar();
  const now = useServerNow(10_000);
  if (!calendar) return null;
  const gti = currentGti(incident, now, calendar);
  const c = wallCountdown(gti, now, calendar);
  const text = c.kind === 'met' ? m.status('met') : countdownWords(c, m);
  return (
    <span data-gti-status={gti.status} className="block whitespace-nowrap" title={c.kind === 'paused' ? `${m.status(gti.status)} — ${m.paused}` : m.status(gti.status)}>
      <span aria-hidden="true">{GTI_SYMBOL[gti.status]} </span>GTI {text}
      {c.kind === 'paused' && (
        <>
          {' '}
          <PauseIcon />
          <span className="sr-only">{m.paused}</span>
        </>
      )}
    </span>
  );
}
