// The alarm service's health beside the source's: whether alarms can go out, how many wait, how
// many were given up, when the last failure was. A word and a shape, not only a colour.
import { formatTime } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useTimeDisplay } from '../../../i18n/time-zone-context.ts';
import { useAlarmHealth } from '../api/alarm-queries.ts';
import { alarmMessages } from '../messages.ts';

const TONE = { ok: 'bg-slate-800 text-slate-100', degraded: 'bg-amber-400 text-slate-950', off: 'bg-slate-700 text-slate-100' } as const;
const ICON = { ok: '✉', degraded: '▲', off: '∅' } as const;

export function AlarmHealthBadge({ large = false }: { large?: boolean }) {
  const m = useMessages(alarmMessages);
  const display = useTimeDisplay();
  const { data } = useAlarmHealth();
  if (!data) return null;
  const details = [data.channels.length > 0 ? m.queued(data.queued) : undefined, data.dead > 0 ? m.dead(data.dead) : undefined, data.lastFailure ? m.lastFailure(formatTime(display, data.lastFailure.at)) : undefined].filter(Boolean);
  return (
    <p role="status" data-testid="alarm-health" data-state={data.state} title={data.lastFailure?.reason} className={`inline-flex items-center gap-2 rounded px-2 py-1 ${large ? 'text-xl' : 'text-xs'} ${TONE[data.state]}`}>
      <span aria-hidden="true">{ICON[data.state]}</span>
      <span className="font-semibold">{m.badge}</span>
      <span>{m.state(data.state)}</span>
      {/* The figures need room: on a phone the state alone says whether alarms go out. */}
      {details.length > 0 && <span className={large ? '' : 'hidden sm:inline'}>· {details.join(' · ')}</span>}
    </p>
  );
}
