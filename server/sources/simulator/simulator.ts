// The simulator as a SupervisionSource: a thin timer driver over the pure engine. Simulated time
// runs `speed` times faster than the wall clock; every emitted message is checked against the
// contract before it leaves, text aside: like a real engine's, its names and outputs (hostile ones
// come from the e2e test hooks) are handed on as they are, for the gateway to repair.
import type { Instant, ProbeState, ProbeStatus } from '../../../src/domain/model.ts';
import { repairEstate, repairStatus } from '../../../src/protocol/engine-text.ts';
import { expectMessage } from '../../../src/protocol/parse.ts';
import { estateSchema, probeStatusSchema, type Estate } from '../../../src/protocol/schemas.ts';
import type { SourceAction, SourceEvents, SupervisionSource } from '../../../src/protocol/source.ts';
import { advance, applyOperatorAction, createSimulation, currentStatuses, drain, injectChange, type InjectOptions, type Simulation } from './engine.ts';
import { generateEstate, type EstateScale } from './estate.ts';
import type { ScenarioName, ScenarioPlan } from './scenarios.ts';
import type { SimMessage, SimOptions, StaffHours } from './sim-state.ts';
import { defaultStaffHours } from './staff-hours.ts';
import { emptyCover, syncWindows } from './maintenance-windows.ts';
import { systemTimers, type Timers } from '../../stream/timers.ts';

export const MIN_SPEED = 1;
export const MAX_SPEED = 3600;

/** The driver only needs an interval: the gateway's one Timers type, narrowed. */
export type SimulatorTimers = Pick<Timers, 'setInterval' | 'clearInterval'>;

export interface SimulatorConfig {
  /** The estate to simulate; generated from `seed` and `scale` when absent. */
  estate?: Estate;
  scale?: EstateScale;
  seed: number;
  clock: { start: Instant };
  /** Simulated seconds per real second, 1 to 3600. */
  speed?: number;
  scenario?: ScenarioName;
  /** The support staff's working hours; the contract's covered hours by default. */
  hours?: StaffHours;
  options?: Partial<SimOptions>;
  /** Real time, for the live driver (default: the wall clock). */
  wallClock?: () => number;
  timers?: SimulatorTimers;
  /** Real milliseconds between two advances of the live driver. */
  tickMs?: number;
}

export interface Simulator extends SupervisionSource {
  readonly simulation: Simulation;
  readonly scenario: ScenarioPlan;
  readonly speed: number;
  /** Always present here: the simulated engine takes Vigie's acknowledgements and interventions. */
  pushAction(action: SourceAction): Promise<void>;
  /** Force a probe's state now and emit the change (see injectChange). */
  inject(probeId: string, state: ProbeState, output: string, options?: InjectOptions): void;
  /** Rename a probe or a site (tests): the engine's estate changes and a new snapshot shows it, as after a resync. */
  rename(kind: 'probe' | 'site', id: string, name: string): void;
  /** Advance simulated time to now() and emit what happened; the timer calls it. */
  tick(): void;
}

export function createSimulator(config: SimulatorConfig): Simulator {
  const speed = config.speed ?? 1;
  if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) throw new RangeError(`speed must be between ${MIN_SPEED} and ${MAX_SPEED}, got ${speed}`);
  let estate = config.estate ?? generateEstate({ seed: config.seed, scale: config.scale ?? 'small' });
  const start = config.clock.start;
  const simulation = createSimulation({ estate, seed: config.seed, start, scenario: config.scenario ?? 'calm', hours: config.hours ?? defaultStaffHours(start), options: config.options });
  const wallClock = config.wallClock ?? (() => Date.now());
  const timers = config.timers ?? systemTimers;
  let events: SourceEvents | null = null;
  let handle: unknown = null;
  let base = { simulated: start, wall: 0 };
  let validEstate: Estate | null = null;

  const now = (): Instant => (events ? base.simulated + Math.floor((wallClock() - base.wall) * speed) : simulation.now);

  /** The status as it leaves, once its shape (all but the text, which the gateway repairs) is checked. */
  const checked = (status: ProbeStatus): ProbeStatus => (expectMessage(probeStatusSchema, repairStatus(status)), status);

  function emit(messages: SimMessage[]): void {
    if (!events) return;
    for (const m of messages) {
      if (m.type === 'status') events.status(checked(m.status), m.observedAt);
      else events.action(m.action);
    }
  }

  const tick = () => emit(advance(simulation, Math.max(simulation.now, now())));
  const cover = emptyCover();

  return {
    name: 'simulator',
    simulation,
    scenario: simulation.scenario,
    speed,
    now,
    async start(listener) {
      if (events) return;
      validEstate ??= (expectMessage(estateSchema, repairEstate(estate)), estate);
      base = { simulated: simulation.now, wall: wallClock() };
      events = listener;
      const at = simulation.now;
      listener.snapshot(validEstate, currentStatuses(simulation).map(checked), at);
      listener.health({ state: 'connected', source: 'simulator', since: at, detail: `scénario ${simulation.scenario.name}, vitesse ×${speed}` });
      // The maintenance scenario's downtimes were declared in the engine: Vigie shows them as windows.
      const planned = simulation.scenario.maintenance;
      if (planned) {
        listener.maintenance?.([
          { id: `engine:simulator@${planned.from}`, collectiviteId: planned.collectiviteId, siteIds: planned.siteIds, equipmentIds: [], probeIds: [], start: planned.from, end: planned.to, nature: 'mise à jour des équipements réseau (scénario du simulateur)', by: 'simulateur', source: 'engine', createdAt: at },
        ]);
      }
      handle = timers.setInterval(tick, config.tickMs ?? 250);
    },
    async stop() {
      if (handle !== null) timers.clearInterval(handle);
      handle = null;
      if (events) tick();
      events = null; // simulated time pauses until the next start
    },
    async syncMaintenance(windows) {
      tick();
      syncWindows(simulation, cover, windows);
      emit(drain(simulation));
    },
    async pushAction(action: SourceAction) {
      tick();
      emit(applyOperatorAction(simulation, action));
    },
    inject(probeId, state, output, options) {
      tick();
      emit(injectChange(simulation, probeId, state, output, options));
    },
    rename(kind, id, name) {
      const rename = <T extends { id: string; name: string }>(list: T[]) => {
        if (!list.some((x) => x.id === id)) throw new RangeError(`unknown ${kind} ${id}`);
        return list.map((x) => (x.id === id ? { ...x, name } : x));
      };
      estate = kind === 'probe' ? { ...estate, probes: rename(estate.probes) } : { ...estate, sites: rename(estate.sites) };
      validEstate = (expectMessage(estateSchema, repairEstate(estate)), estate);
      if (!events) return;
      tick();
      events.snapshot(validEstate, currentStatuses(simulation).map(checked), simulation.now);
    },
    tick,
  };
}
