// Each acknowledgement made in Icinga is reported to the gateway once, whoever sees it first (the
// stream, the catch-up poll, a snapshot), and one Vigie pushed itself is not reported back when it
// returns through the stream: Vigie recorded it already. State and an injected clock, no I/O.
import type { Instant } from '../../../src/domain/model.ts';
import type { SourceAction } from '../../../src/protocol/source.ts';

/** How long an acknowledgement pushed from Vigie is expected to come back through the stream. */
export const ECHO_MS = 60_000;

export class AcknowledgementReports {
  /** Probes whose current acknowledgement was already reported. */
  private readonly reported = new Set<string>();
  private readonly echoes = new Map<string, { by: string; until: Instant }>();
  private readonly now: () => Instant;
  private readonly report: (action: SourceAction) => void;

  constructor(now: () => Instant, report: (action: SourceAction) => void) {
    this.now = now;
    this.report = report;
  }

  isReported(probeId: string): boolean {
    return this.reported.has(probeId);
  }

  markReported(probeId: string): void {
    this.reported.add(probeId);
  }

  /** The acknowledgement is gone: the next one will be reported. */
  forget(probeId: string): void {
    this.reported.delete(probeId);
  }

  /** After a snapshot, the acknowledgements it shows count as reported. */
  resetTo(statuses: Iterable<{ probeId: string; acknowledged: boolean }>): void {
    this.reported.clear();
    for (const s of statuses) if (s.acknowledged) this.reported.add(s.probeId);
  }

  /** Vigie is pushing this action to Icinga: its acknowledgement will come back as an echo. */
  expectEcho(action: SourceAction): void {
    this.echoes.set(action.probeId, { by: action.by, until: this.now() + ECHO_MS });
  }

  cancelEcho(probeId: string): void {
    this.echoes.delete(probeId);
  }

  /** Report an acknowledgement, unless it is the echo of one Vigie pushed (each echo is swallowed once). */
  emit(action: SourceAction): void {
    this.reported.add(action.probeId);
    const echo = this.echoes.get(action.probeId);
    if (echo && echo.by === action.by && echo.until >= this.now()) return void this.echoes.delete(action.probeId);
    this.report(action);
  }
}
