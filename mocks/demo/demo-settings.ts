// What the offline demo runs, read from its URL: ?scenario=storm&speed=120&seed=57&as=referent.
// Defaults give a lively but calm estate: simulated time at ×60, so a minute shows an hour.
import { SCENARIOS, type ScenarioName } from '../../server/sources/simulator/scenarios.ts';
import { MAX_SPEED, MIN_SPEED } from '../../server/sources/simulator/simulator.ts';

export interface DemoSettings {
  scenario: ScenarioName;
  speed: number;
  seed: number;
  /** Who the demo signs in as before the SPA mounts ('none': the login page); null = keep the tab's user. */
  as: string | null;
}

export const DEFAULT_DEMO_SETTINGS: DemoSettings = { scenario: 'calm', speed: 60, seed: 57, as: null };

export function demoSettings(search: string): DemoSettings {
  const params = new URLSearchParams(search);
  const scenario = params.get('scenario');
  const speed = Number(params.get('speed'));
  const seed = Number(params.get('seed'));
  return {
    scenario: SCENARIOS.includes(scenario as ScenarioName) ? (scenario as ScenarioName) : DEFAULT_DEMO_SETTINGS.scenario,
    speed: Number.isFinite(speed) && speed >= MIN_SPEED && speed <= MAX_SPEED ? speed : DEFAULT_DEMO_SETTINGS.speed,
    seed: Number.isSafeInteger(seed) && seed > 0 ? seed : DEFAULT_DEMO_SETTINGS.seed,
    as: params.get('as'),
  };
}
