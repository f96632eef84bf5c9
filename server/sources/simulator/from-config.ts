// Builds the simulated engine from the gateway's configuration (SIM_* variables). The e2e test hooks
// and the bench start the same simulator as `npm start`; the hooks may adjust its estate and options.
import { generateEstate, type EstateScale } from './estate.ts';
import type { SimOptions } from './sim-state.ts';
import { createSimulator, type Simulator } from './simulator.ts';
import type { Instant } from '../../../src/domain/model.ts';
import type { Estate } from '../../../src/protocol/schemas.ts';
import type { ScenarioName } from './scenarios.ts';

/** The SIM_* settings of the gateway's configuration (server/config.ts). */
export interface SimulatorSettings {
  scale: EstateScale;
  seed: number;
  /** Simulated seconds per real second. */
  speed: number;
  scenario: ScenarioName;
}

export interface SimulatorAdjustments {
  /** Applied to the generated estate before the simulator starts (e.g. renamed probes). */
  estate?: (estate: Estate) => Estate;
  options?: Partial<SimOptions>;
}

/** `start` is the simulated clock's first instant (never before what storage already holds). */
export function simulatorFromConfig(settings: SimulatorSettings, start: Instant, adjust: SimulatorAdjustments = {}): Simulator {
  const { seed, scale, speed, scenario } = settings;
  const generated = generateEstate({ seed, scale });
  const estate = adjust.estate ? adjust.estate(generated) : generated;
  return createSimulator({ estate, seed, clock: { start }, speed, scenario, ...(adjust.options && { options: adjust.options }) });
}
