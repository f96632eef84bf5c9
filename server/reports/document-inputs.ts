// What the managed-IT and contribution documents are made from: plain data, no PDF library, so the
// route table (runtime-free core, also bundled by the offline demo) can name them.
import type { AssistanceTicket } from '../../src/domain/managed-it-convention.ts';
import type { Instant } from '../../src/domain/model.ts';
import type { ManagedItActivity } from '../../src/protocol/managed-it-activity.ts';
import type { ConventionWithStanding } from '../../src/protocol/managed-it.ts';
import type { PeriodReport } from '../../src/protocol/rest.ts';

export interface ActivityReportInput {
  collectiviteName: string;
  /** "1er semestre 2026". */
  semester: string;
  report: PeriodReport;
  activity: ManagedItActivity | undefined;
  /** The convention in force at the end of the semester, standing counted up to then. */
  convention: ConventionWithStanding | undefined;
  tickets: readonly (Pick<AssistanceTicket, 'subject' | 'status' | 'createdAt'> & { units: number; actionIds: readonly string[] })[];
  timeZone: string;
}

export interface ContributionCallInput {
  collectiviteId: string;
  name: string;
  probesInUse: number;
  packSize: number;
  eurosPerYear: number;
  year: number;
  issuedAt: Instant;
  timeZone: string;
}
