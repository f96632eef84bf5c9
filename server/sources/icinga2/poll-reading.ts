// What one object read by the catch-up poll means for the tracked probes, and which flags the poll
// cannot confirm. Pure: the caller applies the outcome.
import { sameStatus, type Instant, type ProbeStatus } from '../../../src/domain/model.ts';
import { objectResultSchema } from './icinga-shapes.ts';
import { probeIdOf } from './probe-ids.ts';
import { observedAt, startsNewState, statusFromObject } from './probe-status.ts';
import type { ProbeView } from './tracked-probes.ts';

export type PolledObjectReading =
  | { type: 'unknown-object'; name: string }
  /** Acknowledged or in downtime, as Icinga says now. */
  | { type: 'nothing-new'; probeId: string; flagged: boolean }
  | { type: 'status'; probeId: string; flagged: boolean; next: ProbeStatus; at: Instant };

/** Undefined for a result of unexpected shape (skipped). */
export function readPolledObject(result: unknown, view: ProbeView, now: Instant): PolledObjectReading | undefined {
  const parsed = objectResultSchema.safeParse(result);
  if (!parsed.success) return undefined;
  const object = parsed.data;
  const probeId = object.type === 'Host' ? probeIdOf(object.name) : object.name;
  const binding = view.bindings.get(probeId);
  const current = view.statuses.get(probeId);
  if (!binding || !current) return { type: 'unknown-object', name: object.name };
  const next = statusFromObject(probeId, object, binding.kind, now);
  if (!startsNewState(current, next)) next.since = current.since;
  const flagged = next.acknowledged || next.inDowntime;
  const older = current.lastCheck !== null && (next.lastCheck ?? 0) < current.lastCheck;
  if (older || sameStatus(next, current)) return { type: 'nothing-new', probeId, flagged };
  return { type: 'status', probeId, flagged, next, at: next.lastCheck === null ? now : observedAt(next.lastCheck / 1000, now) };
}

/**
 * Probes shown acknowledged or in downtime that the poll did not see flagged: the flag was removed
 * without a new check (the poll only returns checked or flagged objects), so ask Icinga.
 */
export function flagsToConfirm(statuses: Iterable<ProbeStatus>, flagged: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const s of statuses) if ((s.acknowledged || s.inDowntime) && !flagged.has(s.probeId)) out.push(s.probeId);
  return out;
}
