import type { IncidentStatus } from '../../domain/model.ts';
import type { IncidentPhase } from './incident-phases.ts';

/** Phase colours of the timeline (≥ 3:1 against the dark track for graphics) and a pattern for colour-blind readers. */
export const PHASE_FILL: Record<IncidentPhase, string> = {
  open: '#ef4444',
  acknowledged: '#f59e0b',
  intervention: '#3b82f6',
  resolved: '#10b981',
};

export const STATUS_CHIP: Record<IncidentStatus, string> = {
  open: 'bg-red-700 text-white',
  acknowledged: 'bg-amber-100 text-amber-950',
  'in-progress': 'bg-blue-100 text-blue-900',
  resolved: 'bg-emerald-100 text-emerald-900',
  closed: 'bg-slate-100 text-slate-800',
};

export const SEVERITY_CHIP = {
  CRITICAL: 'bg-red-100 text-red-900',
  WARNING: 'bg-amber-100 text-amber-950',
} as const;

export const SEVERITY_SYMBOL = { CRITICAL: '✖', WARNING: '▲' } as const;
