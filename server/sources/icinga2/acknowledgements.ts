// Acknowledgements made in Icinga, as the actions Vigie records: from the stream, from the
// acknowledgement comments (entry_type 4) of a snapshot or of one object. Pure.
import type { Instant, ProbeStatus } from '../../../src/domain/model.ts';
import type { SourceAction } from '../../../src/protocol/source.ts';
import { ackCommentSchema } from './icinga-shapes.ts';
import { probeIdOf } from './probe-ids.ts';
import { toInstant } from './probe-status.ts';

/** An acknowledgement by `author` (Icinga itself when none is named), with its comment if any. */
export function acknowledgement(probeId: string, at: Instant, author?: string, comment?: string): SourceAction {
  const action: SourceAction = { type: 'acknowledge', probeId, at, by: author || 'icinga' };
  if (comment) action.comment = comment;
  return action;
}

/** The acknowledgement each comment result records, by probe id (the last one wins); unreadable results are skipped. */
export function acknowledgementsFromComments(results: unknown[]): Map<string, SourceAction> {
  const out = new Map<string, SourceAction>();
  for (const result of results) {
    const parsed = ackCommentSchema.safeParse(result);
    if (!parsed.success) continue;
    const { author, text, host_name, service_name, entry_time } = parsed.data.attrs;
    const probeId = probeIdOf(host_name, service_name || undefined);
    out.set(probeId, acknowledgement(probeId, toInstant(entry_time), author, text));
  }
  return out;
}

/** Acknowledgements made in Icinga while Vigie was not listening: acknowledged now, not acknowledged before. */
export function acknowledgementsMadeMeanwhile(
  comments: unknown[],
  statuses: ReadonlyMap<string, ProbeStatus>,
  previous: ReadonlyMap<string, ProbeStatus>,
): Map<string, SourceAction> {
  const out = new Map<string, SourceAction>();
  for (const [probeId, ack] of acknowledgementsFromComments(comments)) {
    if (statuses.get(probeId)?.acknowledged && previous.get(probeId)?.acknowledged === false) out.set(probeId, ack);
  }
  return out;
}
