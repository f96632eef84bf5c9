// Icinga 2.13 can hold stream events back for up to 5 s: a light poll reads the objects checked
// since the newest result Vigie knows (and those acknowledged or in downtime), and reports what the
// stream has not told yet. An acknowledgement seen here first is reported with its author.
import { acknowledgement, acknowledgementsFromComments } from './acknowledgements.ts';
import { flagsToConfirm, readPolledObject } from './poll-reading.ts';
import type { ProbeFollower } from './probe-follower.ts';
import { fetchAckComment, fetchCheckedSince } from './snapshot-queries.ts';
import type { EngineEpochs, SourceContext } from './source-context.ts';

/** Returns the poll to run on each tick of the given connection (a tick while one is running is skipped). */
export function createCatchUpPoll(
  ctx: SourceContext,
  follower: Pick<ProbeFollower, 'refreshFlags' | 'unknownObject'>,
  session: Pick<EngineEpochs, 'isCurrent'> & { lost(reason: unknown): void },
): (epoch: number) => Promise<void> {
  const { client, timeoutMs, clock, log, tracked, acks, report } = ctx;
  let polling = false;

  async function poll(epoch: number): Promise<void> {
    if (polling) return;
    polling = true;
    try {
      const objects = await fetchCheckedSince(client, tracked.checkMark - 0.001, timeoutMs);
      if (!session.isCurrent(epoch)) return;
      const flagged = new Set<string>();
      for (const result of objects) {
        const reading = readPolledObject(result, tracked, clock());
        if (!reading) continue;
        if (reading.type === 'unknown-object') {
          follower.unknownObject(reading.name);
          continue;
        }
        if (reading.flagged) flagged.add(reading.probeId);
        if (reading.type === 'nothing-new') continue;
        const { next } = reading;
        tracked.record(next);
        report.status(next, reading.at);
        if (!next.acknowledged) acks.forget(next.probeId);
        else if (!acks.isReported(next.probeId)) void reportAcknowledgement(next.probeId, epoch);
      }
      for (const probeId of flagsToConfirm(tracked.statuses.values(), flagged)) follower.refreshFlags(probeId);
    } catch (error) {
      if (session.isCurrent(epoch)) session.lost(error);
    } finally {
      polling = false;
    }
  }

  /** An acknowledgement the poll saw before its stream event: report it with its author now. */
  async function reportAcknowledgement(probeId: string, epoch: number): Promise<void> {
    acks.markReported(probeId);
    try {
      const [action] = acknowledgementsFromComments([await fetchAckComment(client, probeId, timeoutMs)]).values();
      if (!session.isCurrent(epoch) || !tracked.statuses.get(probeId)?.acknowledged) return;
      acks.emit(action ?? acknowledgement(probeId, clock()));
    } catch (error) {
      acks.forget(probeId);
      log('warn', `reading the acknowledgement of ${probeId} failed: ${(error as Error).message}`);
    }
  }

  return poll;
}
