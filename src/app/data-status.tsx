// How fresh the picture is, always visible: a word and a shape, not only a colour.
import { formatAge } from '../i18n/format.ts';
import { useLocale, useMessages } from '../i18n/locale-context.ts';
import { useFreshness } from '../live/use-live.ts';
import { appMessages } from './app-messages.ts';

const TONE = {
  live: 'bg-emerald-900 text-emerald-100',
  connecting: 'bg-slate-700 text-slate-100',
  stale: 'bg-amber-400 text-slate-950',
  offline: 'bg-red-700 text-white',
} as const;

const ICON = { live: '●', connecting: '◌', stale: '▲', offline: '■' } as const;

export function DataStatus({ staleAfterMs, large = false }: { staleAfterMs?: number; large?: boolean }) {
  const m = useMessages(appMessages);
  const { locale } = useLocale();
  const freshness = useFreshness(staleAfterMs);
  const { level, ageMs, reason } = freshness;
  return (
    <p role="status" aria-live="polite" data-testid="data-status" className={`inline-flex items-center gap-2 rounded px-2 py-1 ${large ? 'text-xl' : 'text-sm'} ${TONE[level]}`}>
      <span aria-hidden="true">{ICON[level]}</span>
      <span className="font-semibold">{m.data[level]}</span>
      {reason && level !== 'live' && <span className="hidden sm:inline">— {m.reason[reason]}</span>}
      {ageMs !== null && <span className="tabular-nums opacity-90">· {m.updated(formatAge(locale, ageMs))}</span>}
    </p>
  );
}
