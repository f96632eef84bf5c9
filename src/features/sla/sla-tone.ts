import type { SlaVerdict } from './sla-verdict.ts';

/** Arc colours (≥ 3:1 on the dark panels) and verdict chips: text contrast ≥ 4.5:1, a symbol besides the colour. */
export const VERDICT_STROKE: Record<SlaVerdict, string> = {
  met: '#10b981',
  tight: '#f59e0b',
  behind: '#fb923c',
  'too-early': '#94a3b8',
  missed: '#f87171',
  unmeasured: '#94a3b8',
};

export const VERDICT_CHIP: Record<SlaVerdict, string> = {
  met: 'bg-emerald-100 text-emerald-900',
  tight: 'bg-amber-100 text-amber-950',
  behind: 'bg-orange-100 text-orange-950',
  'too-early': 'bg-slate-100 text-slate-800',
  missed: 'bg-red-700 text-white',
  unmeasured: 'bg-slate-100 text-slate-800',
};

export const VERDICT_SYMBOL: Record<SlaVerdict, string> = { met: '✔', tight: '▲', behind: '▼', 'too-early': '…', missed: '✖', unmeasured: '?' };
