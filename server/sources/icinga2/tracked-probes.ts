// What the Icinga source knows of the estate between two snapshots: how each probe is bound to its
// Icinga object, its last reported status, and the newest check result seen. No I/O.
import type { ProbeStatus } from '../../../src/domain/model.ts';
import type { Estate } from '../../../src/protocol/schemas.ts';
import type { ProbeBinding } from './estate-mapping.ts';

/** The read-only view the pure readings (events, polled objects, snapshots) decide from. */
export interface ProbeView {
  readonly bindings: ReadonlyMap<string, ProbeBinding>;
  readonly statuses: ReadonlyMap<string, ProbeStatus>;
}

export class TrackedProbes implements ProbeView {
  bindings = new Map<string, ProbeBinding>();
  statuses = new Map<string, ProbeStatus>();
  /** Names of every object in the last snapshot, mapped or not: anything else is new in Icinga. */
  knownNames = new Set<string>();
  /** The estate the last snapshot mapped to (what maintenance windows name). */
  estate: Estate | undefined;
  /** Latest last_check seen (Icinga's clock, seconds): the catch-up poll asks for anything newer. */
  checkMark = 0;

  replace(bindings: Map<string, ProbeBinding>, statuses: Map<string, ProbeStatus>, knownNames: Set<string>): void {
    this.bindings = bindings;
    this.statuses = statuses;
    this.knownNames = knownNames;
  }

  record(next: ProbeStatus): void {
    this.statuses.set(next.probeId, next);
    this.raiseCheckMark(next);
  }

  /** After a snapshot: the mark is the newest check among the statuses it gave. */
  resetCheckMark(): void {
    this.checkMark = 0;
    for (const status of this.statuses.values()) this.raiseCheckMark(status);
  }

  private raiseCheckMark(status: ProbeStatus): void {
    if (status.lastCheck !== null) this.checkMark = Math.max(this.checkMark, status.lastCheck / 1000);
  }
}
