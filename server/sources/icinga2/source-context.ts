// What the parts of the Icinga source share: the transport, the clock, the log, what it knows of
// the probes, and where its reports go (the gateway's events, once the source has started).
import type { Instant } from '../../../src/domain/model.ts';
import type { SourceEvents } from '../../../src/protocol/source.ts';
import type { AcknowledgementReports } from './acknowledgement-reports.ts';
import type { IcingaClient } from './icinga-client.ts';
import type { TrackedProbes } from './tracked-probes.ts';

export type SourceLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface SourceContext {
  client: IcingaClient;
  timeoutMs: number;
  clock: () => Instant;
  log: SourceLog;
  tracked: TrackedProbes;
  acks: AcknowledgementReports;
  report: SourceEvents;
}

/** The current connection to Icinga, as the parts that read from it need it. */
export interface EngineEpochs {
  /** Identifies the current connection; answers that arrive after it changed are dropped. */
  epoch(): number;
  isCurrent(epoch: number): boolean;
}
