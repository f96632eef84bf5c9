// What the API routes need from the rest of the gateway, injected at registration.
import type { Period } from '../../src/domain/availability.ts';
import type { ActivityReportInput, ContributionCallInput } from '../reports/document-inputs.ts';
import type { Instant } from '../../src/domain/model.ts';
import type { ManagedItActivity } from '../../src/protocol/managed-it-activity.ts';
import type { PeriodReport } from '../../src/protocol/rest.ts';
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
  /** PDF documents (Node only: server/reports/); absent in the offline demo, whose PDF routes answer 404. */
  documents?: ReportDocuments;
}

/** What the PDF routes need from the Node side: each document as bytes (server/reports/). */
export interface ReportDocuments {
  periodReport(report: PeriodReport, context: { timeZone: string; managedIt?: ManagedItActivity }): Promise<Uint8Array>;
  /** The managed-IT activity of a collectivité over a period, when the managed-IT store exists (#18 item 4). */
  managedIt?(collectiviteId: string, period: Period): Promise<ManagedItActivity | undefined>;
  /** The managed-IT semester activity report (convention d'infogérance, art. 7). */
  activityReport?(input: ActivityReportInput): Promise<Uint8Array>;
  /** The yearly "appel à contribution" of one collectivité. */
  contributionCall?(input: ContributionCallInput): Promise<Uint8Array>;
}

export interface RouteDeps extends ApiDeps {
  now: () => Instant;
}
