// What a fresh snapshot means for the source: the estate (with the declared dependencies between
// mapped probes) and statuses it maps to, the names Icinga has, the objects newly left out, and the
// acknowledgements made in Icinga while Vigie was not listening. Pure.
import type { Instant, ProbeStatus } from '../../../src/domain/model.ts';
import type { SourceAction } from '../../../src/protocol/source.ts';
import { acknowledgementsMadeMeanwhile } from './acknowledgements.ts';
import { MAX_DEPENDENCIES } from '../../../src/protocol/schemas.ts';
import { mapIcingaObjects, type EstateMapping, type UnmappedObject } from './estate-mapping.ts';
import type { IcingaSnapshot } from './snapshot-queries.ts';

export interface SnapshotReading {
  mapping: EstateMapping;
  statuses: Map<string, ProbeStatus>;
  knownNames: Set<string>;
  /** Unmapped objects the previous snapshot did not already list (to log once). */
  newlyUnmapped: UnmappedObject[];
  acknowledgedMeanwhile: Map<string, SourceAction>;
}

export interface BeforeSnapshot {
  statuses: ReadonlyMap<string, ProbeStatus>;
  unmapped: UnmappedObject[];
  /**
   * The first snapshot reports no acknowledgement made meanwhile: the gateway restored its own
   * incidents, and would otherwise record them twice.
   */
  first: boolean;
}

export function readSnapshot(snapshot: IcingaSnapshot, before: BeforeSnapshot, at: Instant): SnapshotReading {
  const mapping = mapIcingaObjects(snapshot.hosts, snapshot.services, at);
  const dependencies = 'error' in snapshot.dependencies ? [] : snapshot.dependencies.dependencies.filter((d) => mapping.probes.has(d.parent) && mapping.probes.has(d.child));
  if (dependencies.length > 0) mapping.estate.dependencies = dependencies.slice(0, MAX_DEPENDENCIES);
  const statuses = new Map(mapping.statuses.map((s) => [s.probeId, s]));
  const knownNames = new Set([...snapshot.hosts, ...snapshot.services].map((r) => String((r as { name?: unknown }).name)));
  const unmappedBefore = new Set(before.unmapped.map((u) => u.name));
  return {
    mapping,
    statuses,
    knownNames,
    newlyUnmapped: mapping.unmapped.filter((u) => !unmappedBefore.has(u.name)),
    acknowledgedMeanwhile: before.first ? new Map() : acknowledgementsMadeMeanwhile(snapshot.ackComments, statuses, before.statuses),
  };
}
