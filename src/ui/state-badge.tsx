// How a probe or site state is shown in text UIs — colour, symbol (never colour alone) and word —
// shared by the desk's rows and the wall's cards (the map draws its own shapes on canvas).
import type { ProbeState } from '../domain/model.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/locale-context.ts';

/** Background and text colours with ≥ 4.5:1 contrast. */
export const STATE_BADGE_CLASS: Record<ProbeState, string> = {
  CRITICAL: 'bg-red-600 text-white',
  WARNING: 'bg-amber-400 text-black',
  UNKNOWN: 'bg-violet-300 text-black',
  PENDING: 'bg-slate-600 text-white',
  OK: 'bg-emerald-600 text-white',
};

export const STATE_SYMBOL: Record<ProbeState, string> = { CRITICAL: '✖', WARNING: '▲', UNKNOWN: '?', PENDING: '…', OK: '●' };

const SIZE = {
  row: 'inline-block shrink-0 rounded px-1.5 text-xs font-bold whitespace-nowrap',
  wall: 'shrink-0 rounded px-2 text-2xl whitespace-nowrap',
};

export interface StateBadgeProps {
  state: ProbeState;
  /** The word shown; the common one by default (the desk says "Injoignable" for UNKNOWN). */
  label?: string;
  size?: keyof typeof SIZE;
}

/** "✖ Critique" on the state's colour. */
export function StateBadge({ state, label, size = 'row', ...rest }: StateBadgeProps & { 'data-wall-state-badge'?: boolean }) {
  const words = useMessages(common).state;
  return (
    <span className={`${SIZE[size]} ${STATE_BADGE_CLASS[state]}`} {...rest}>
      <span aria-hidden="true">{STATE_SYMBOL[state]} </span>
      {label ?? words[state]}
    </span>
  );
}
