// What the API routes need from the rest of the gateway, injected at registration.
import type { Instant } from '../../src/domain/model.ts';
import type { AuthService } from '../accounts/auth-service.ts';
import type { Storage, SupervisionState } from '../ports.ts';
import type { CoveredCalendar } from './covered-calendar.ts';
import type { AlarmHealth } from '../alarms/alarm-worker.ts';

export interface ApiDeps {
  state: SupervisionState;
  storage: Storage;
  sessions: AuthService;
  calendar: CoveredCalendar;
  /** The alarm service, when it runs (GET /health reports its queue and last failure). */
  alarms?: { health(): Promise<AlarmHealth & { mailTo?: string }> };
  /** Reference time of reports; defaults to the source's clock (simulated time for the simulator). */
  now?: () => Instant;
}

export interface RouteDeps extends ApiDeps {
  now: () => Instant;
}
