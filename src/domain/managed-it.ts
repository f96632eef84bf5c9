// Managed-IT time units (convention d'infogérance): one unit per started 15 minutes of action,
// counted per action (a 20-minute call and a 10-minute visit cost 2 + 1 units, not 2); a
// convention buys N units and ends when they are used up.
import type { Instant } from './model.ts';

export const UNIT_MS = 15 * 60_000;

export interface ManagedItAction {
  durationMs: number;
  at?: Instant;
}

export interface UnitsBalance {
  used: number;
  /** Units still available, never below 0. */
  left: number;
  /** Units used beyond those bought (work done after exhaustion, to regularise). */
  overrun: number;
  exhausted: boolean;
}

/** Units for one action: 0 ms → 0 (nothing done), 1 s → 1, 15 min → 1, 15 min 1 ms → 2. */
export function unitsForAction(durationMs: number): number {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`durationMs must be ≥ 0, got ${durationMs}`);
  return Math.ceil(durationMs / UNIT_MS);
}

export function unitsBalance(bought: number, actions: readonly ManagedItAction[]): UnitsBalance {
  if (!Number.isInteger(bought) || bought < 0) throw new RangeError(`bought must be a whole number ≥ 0, got ${bought}`);
  const used = actions.reduce((sum, action) => sum + unitsForAction(action.durationMs), 0);
  return { used, left: Math.max(0, bought - used), overrun: Math.max(0, used - bought), exhausted: used >= bought };
}
