// How each GTI state looks: a symbol as well as a colour (colour-blind safe), with text/background
// pairs that pass WCAG AA on the light UI and on the wall's dark background.
import type { GtiState } from '../../domain/gti.ts';

export const GTI_SYMBOL: Record<GtiState, string> = {
  'on-track': '●',
  'at-risk': '▲',
  breached: '✖',
  met: '✔',
};

export const GTI_BADGE_CLASS: Record<GtiState, string> = {
  'on-track': 'bg-emerald-100 text-emerald-900 ring-emerald-700/30',
  'at-risk': 'bg-amber-100 text-amber-950 ring-amber-700/40',
  breached: 'bg-red-700 text-white ring-red-900',
  met: 'bg-slate-100 text-slate-800 ring-slate-500/30',
};

export const GTI_WALL_CLASS: Record<GtiState, string> = {
  'on-track': 'bg-emerald-950 text-emerald-100 ring-emerald-500',
  'at-risk': 'bg-amber-400 text-black ring-amber-200',
  breached: 'bg-red-600 text-white ring-red-300',
  met: 'bg-slate-800 text-slate-100 ring-slate-500',
};

/** Most urgent first: breached, then at risk, then on track, then met. */
export const GTI_URGENCY: Record<GtiState, number> = { breached: 0, 'at-risk': 1, 'on-track': 2, met: 3 };
