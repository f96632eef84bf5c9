// Keeps the tracked probes in step with what Icinga says — a snapshot with the events that raced
// with it, a stream event, an object's flags read back — and reports what changed to the gateway.
import { sameStatus } from '../../../src/domain/model.ts';
import type { SourceAction } from '../../../src/protocol/source.ts';
import type { UnmappedObject } from './estate-mapping.ts';
import { readEvent } from './event-reading.ts';
import type { IcingaEvent } from './icinga-shapes.ts';
import { applyFlags } from './probe-status.ts';
import { fetchObject, type IcingaSnapshot } from './snapshot-queries.ts';
import { readSnapshot } from './snapshot-reading.ts';
import type { EngineEpochs, SourceContext } from './source-context.ts';

export interface ProbeFollower {
  applySnapshot(snapshot: IcingaSnapshot, held: IcingaEvent[], first: boolean): void;
  /** Apply one event; `replay` collects actions while folding held events into a snapshot. */
  applyEvent(event: IcingaEvent, replay?: Map<string, SourceAction>): void;
  /** Ask Icinga for an object's current acknowledgement and downtime flags. */
  refreshFlags(probeId: string): void;
  /** An object the last snapshot did not have reported something: take a fresh snapshot. */
  unknownObject(name: string): void;
  unmapped(): UnmappedObject[];
}

export function createProbeFollower(ctx: SourceContext, session: EngineEpochs & { resyncSoon(name: string): void }): ProbeFollower {
  const { client, timeoutMs, clock, log, tracked, acks, report } = ctx;
  let unmapped: UnmappedObject[] = [];
  const refreshing = new Set<string>();

  const follower: ProbeFollower = {
    applySnapshot(snapshot, held, first) {
      const at = clock();
      const reading = readSnapshot(snapshot, { statuses: tracked.statuses, unmapped, first }, at);
      tracked.replace(reading.mapping.probes, reading.statuses, reading.knownNames);
      tracked.estate = reading.mapping.estate;
      for (const u of reading.newlyUnmapped) log('warn', `not mapped: ${u.type} ${u.name} — ${u.reason}`);
      if ('error' in snapshot.dependencies) log('warn', `dependencies not read, problems are not grouped by them: ${snapshot.dependencies.error}`);
      unmapped = reading.mapping.unmapped;
      acks.resetTo(tracked.statuses.values());
      const actions = reading.acknowledgedMeanwhile;
      for (const event of held) follower.applyEvent(event, actions);
      tracked.resetCheckMark();
      report.snapshot(reading.mapping.estate, [...tracked.statuses.values()], at);
      for (const action of actions.values()) acks.emit(action);
    },

    applyEvent(event, replay) {
      const reading = readEvent(event, tracked, clock());
      if (reading.type === 'refresh-flags') return follower.refreshFlags(reading.probeId);
      if (reading.type === 'unknown-object') return follower.unknownObject(reading.name);
      if (reading.type === 'nothing-new') return;
      const { next, acknowledgement } = reading;
      if (acknowledgement === 'cleared') acks.forget(next.probeId);
      else if (acknowledgement && (replay || !acks.isReported(next.probeId))) {
        if (replay) replay.set(next.probeId, acknowledgement);
        else acks.emit(acknowledgement);
      }
      if (!next.acknowledged) acks.forget(next.probeId);
      if (!reading.changed) return;
      tracked.record(next);
      if (!replay) report.status(next, reading.at);
    },

    refreshFlags(probeId) {
      if (refreshing.has(probeId) || !tracked.bindings.has(probeId)) return;
      refreshing.add(probeId);
      const epoch = session.epoch();
      fetchObject(client, probeId, timeoutMs)
        .then((object) => {
          const current = tracked.statuses.get(probeId);
          if (!session.isCurrent(epoch) || !object || !current) return;
          const next = applyFlags(current, object.attrs);
          if (sameStatus(next, current)) return;
          tracked.record(next);
          report.status(next, clock());
        })
        .catch((error: Error) => log('warn', `refreshing ${probeId} failed: ${error.message}`))
        .finally(() => refreshing.delete(probeId));
    },

    unknownObject(name) {
      if (!tracked.knownNames.has(name)) session.resyncSoon(name);
    },

    unmapped: () => unmapped.map((u) => ({ ...u })),
  };
  return follower;
}
