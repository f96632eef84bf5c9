// Starts the offline demo's back end inside the page: the seeded Moselle simulator feeding a demo
// gateway, then a session for the chosen demo user, so the SPA opens signed in.
import type { Session } from '../../server/accounts/auth-service.ts';
import { createDemoGateway, type DemoGateway } from '../msw/demo-gateway.ts';
import { createSimulator, type Simulator, type SimulatorTimers } from '../../server/sources/simulator/simulator.ts';
import type { DemoSettings } from './demo-settings.ts';

export interface DemoBoot {
  gateway: DemoGateway;
  simulator: Simulator;
  /** undefined when the demo should open on the login page. */
  session: Session | undefined;
}

export interface BootOptions {
  closedDates: readonly string[];
  /** The login to sign in as when the URL names nobody (the tab's previous user, after a reload). */
  fallbackLogin?: string;
  wallClock?: () => number;
  timers?: SimulatorTimers;
}

export async function bootDemo(settings: DemoSettings, options: BootOptions): Promise<DemoBoot> {
  const wallClock = options.wallClock ?? Date.now;
  const simulator = createSimulator({
    seed: settings.seed,
    scale: 'small',
    // Simulated time starts now and runs `speed` times faster; the minute keeps ids readable.
    clock: { start: Math.floor(wallClock() / 60_000) * 60_000 },
    speed: settings.speed,
    scenario: settings.scenario,
    wallClock,
    ...(options.timers && { timers: options.timers }),
  });
  const gateway = createDemoGateway({ source: simulator, closedDates: options.closedDates, clock: wallClock });
  await gateway.start();
  const login = settings.as ?? options.fallbackLogin ?? 'support';
  const session = login === 'none' ? undefined : (gateway.sessions.signInAs(login) ?? gateway.sessions.signInAs('support'));
  return { gateway, simulator, session };
}
