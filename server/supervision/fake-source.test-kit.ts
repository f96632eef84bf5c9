// A supervision source driven by the test itself: it starts with a snapshot of the given estate,
// then emits whatever the test tells it to. The clock only moves when the test moves it.
import type { Instant, ProbeState, ProbeStatus } from '../../src/domain/model.ts';
import type { Estate, SourceHealth } from '../../src/protocol/schemas.ts';
import type { SourceAction, SourceEvents, SupervisionSource } from '../../src/protocol/source.ts';
import { fixtureStatus } from './estate-fixture.test-kit.ts';

export class FakeSource implements SupervisionSource {
  readonly name = 'fake';
  readonly pushed: SourceAction[] = [];
  events?: SourceEvents;
  started = 0;
  stopped = 0;

  constructor(
    public estate: Estate,
    public clock: Instant,
    public initial: ProbeStatus[] = estate.probes.map((p) => fixtureStatus(p.id, clock)),
  ) {}

  now = () => this.clock;

  async start(events: SourceEvents) {
    this.started++;
    this.events = events;
    events.health(this.health('connected'));
    events.snapshot(this.estate, this.initial, this.clock);
  }

  async stop() {
    this.stopped++;
  }

  async pushAction(action: SourceAction) {
    this.pushed.push(action);
  }

  health(state: SourceHealth['state']): SourceHealth {
    return { state, source: this.name, since: this.clock };
  }

  /** Advance the clock and report a probe's new hard (or soft) state. */
  emit(probeId: string, state: ProbeState, options: { afterMs?: number; stateType?: 'HARD' | 'SOFT' } = {}): ProbeStatus {
    this.clock += options.afterMs ?? 60_000;
    const status = fixtureStatus(probeId, this.clock, state, { stateType: options.stateType ?? 'HARD', output: `${state} @${this.clock}` });
    this.events!.status(status, this.clock);
    return status;
  }
}
