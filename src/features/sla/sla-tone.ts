import type { SlaVerdict } from './sla-verdict.ts';

/** Arc colours (on white) and verdict chips: text contrast ≥ 4.5:1, a symbol besides the colour. */
export const VERDICT_STROKE: Record<SlaVerdict, string> = {
  met: '#047857',
  tight: '#b45309',
  missed: '#b91c1c',
  unmeasured: '#64748b',
};

export const VERDICT_CHIP: Record<SlaVerdict, string> = {
  met: 'bg-emerald-100 text-emerald-900',
  tight: 'bg-amber-100 text-amber-950',
  missed: 'bg-red-700 text-white',
  unmeasured: 'bg-slate-100 text-slate-800',
};

export const VERDICT_SYMBOL: Record<SlaVerdict, string> = { met: '✔', tight: '▲', missed: '✖', unmeasured: '?' };
