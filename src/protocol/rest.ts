// REST resources of the gateway: request bodies, query strings and response shapes.
import { z } from 'zod';
import { incidentSchema, probeStatusSchema } from './schemas.ts';
import { secretText, userText } from './text.ts';
import { SLA_SERVICES } from '../domain/service-sla.ts';

const instant = z.number().int().nonnegative();

/** Instants a request may name: 2000-01-01 to 2100-01-01 UTC (epoch ms). Beyond, dates stop making sense (and JS Dates stop at ±8.64e15). */
export const MIN_INSTANT = Date.UTC(2000, 0, 1);
export const MAX_INSTANT = Date.UTC(2100, 0, 1);

export const API_PREFIX = '/api/v1';

export const roleSchema = z.enum(['support', 'referent', 'kiosk']);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.object({
  login: userText({ min: 1, max: 100 }),
  password: secretText({ min: 1, max: 200 }),
});

export const kioskLoginRequestSchema = z.object({ token: secretText({ min: 16, max: 200 }) });

export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: instant,
  user: z.object({
    login: z.string(),
    role: roleSchema,
    /** Set for référents: the only collectivité they may see. */
    collectiviteId: z.string().optional(),
    displayName: z.string().optional(),
  }),
});

const OUT_OF_BOUNDS = { error: 'must be an instant between 2000-01-01 and 2100-01-01 (epoch ms)' };
const requestInstant = z.coerce.number().int().min(MIN_INSTANT, OUT_OF_BOUNDS).max(MAX_INSTANT, OUT_OF_BOUNDS);

/** A period as instants (bounded: see MIN_INSTANT); the server resolves month/semester/year shorthands. */
export const periodQuerySchema = z.object({
  from: requestInstant.optional(),
  to: requestInstant.optional(),
  period: z.enum(['month', 'semester', 'year']).optional(),
});

export const incidentQuerySchema = periodQuerySchema.extend({
  collectiviteId: z.string().max(128).optional(),
  /** One site's incidents (a référent's "Mairie" filter); the scope still applies. */
  siteId: z.string().max(128).optional(),
  /** `active`: open, acknowledged or in progress; `ended`: resolved or closed (the history). */
  status: z.enum(['open', 'acknowledged', 'in-progress', 'resolved', 'closed', 'active', 'ended']).optional(),
  /** `cause`: one row per cause, attached incidents left out and counted in `attached`. */
  grouping: z.enum(['cause']).optional(),
  /** The incidents attached to this cause incident (a cause row expanded). */
  causeId: z.string().max(128).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const incidentPageSchema = z.object({
  items: z.array(incidentSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** With `grouping=cause`: how many incidents (matching the same filters) each cause row holds; absent: none. */
  attached: z.record(z.string(), z.number().int().positive()).optional(),
});

/** An operator's comment: no NUL or lone surrogate (400 naming `comment`), NFC, at most 2,000 characters, not blank where required. */
const comment = userText({ min: 1, max: 2000 }).refine((text) => text.trim() !== '', 'must not be blank');
const optionalComment = userText({ max: 2000 }).optional();

export const operatorActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge'), comment }),
  z.object({ action: z.literal('comment'), comment }),
  z.object({ action: z.literal('start-intervention'), comment: optionalComment }),
  z.object({ action: z.literal('close'), comment: optionalComment }),
]);
export type OperatorAction = z.infer<typeof operatorActionSchema>;

/** Most incidents one bulk action may name: an EPCI-wide cut is a few hundred, not thousands. */
export const BULK_ACTION_MAX = 500;

/**
 * POST /incidents/actions: one action (acknowledge, start an intervention, comment) on many
 * incidents, recorded per incident as if each had been sent alone. Support only.
 */
export const bulkActionSchema = z.object({
  incidentIds: z.array(z.string().min(1).max(200)).min(1).max(BULK_ACTION_MAX),
  action: operatorActionSchema,
});
export type BulkAction = z.infer<typeof bulkActionSchema>;

/** Each incident's outcome, in the order asked: done (with the incident) or refused (with why). */
export const bulkActionResultSchema = z.object({
  results: z.array(
    z.discriminatedUnion('ok', [
      z.object({ incidentId: z.string(), ok: z.literal(true), incident: incidentSchema }),
      z.object({ incidentId: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
    ]),
  ),
});
export type BulkActionResult = z.infer<typeof bulkActionResultSchema>;

/** A maintenance window as a report lists it: when it ran (ended early: until then) and its covered time. */
export const reportedWindowSchema = z.object({
  id: z.string(),
  collectiviteId: z.string(),
  start: instant,
  end: instant,
  nature: z.string(),
  source: z.enum(['vigie', 'engine']),
  /** Covered time (contract hours) of the window inside the period, in seconds. */
  coveredSeconds: z.number().nonnegative(),
});
export type ReportedWindow = z.infer<typeof reportedWindowSchema>;

function serviceAvailabilitySchema() {
  return z.object({
    service: z.enum(SLA_SERVICES),
    probeCount: z.number().int().positive(),
    ratio: z.number().min(0).max(1).nullable(),
    downSeconds: z.number().nonnegative(),
    outcome: z.enum(['met', 'behind', 'missed', 'too-early', 'unmeasured']),
    /** Covered seconds the whole service may still be down (< 0: by how much it went over). */
    marginSeconds: z.number(),
  });
}
export type ServiceAvailability = z.infer<ReturnType<typeof serviceAvailabilitySchema>>;

export const availabilityReportSchema = z.object({
  scope: z.string(),
  from: instant,
  to: instant,
  target: z.number(),
  upSeconds: z.number().nonnegative(),
  downSeconds: z.number().nonnegative(),
  unmeasuredSeconds: z.number().nonnegative(),
  maintenanceSeconds: z.number().nonnegative(),
  /** up / measured; null when nothing was measured. */
  ratio: z.number().min(0).max(1).nullable(),
  /** Covered share that was measured (1 = full coverage). */
  coverage: z.number().min(0).max(1).nullable(),
  /** Covered minutes of downtime still allowed in the period before falling under target. */
  errorBudgetMinutes: z.number(),
  /** Probes in the scope: measured time per probe says whether the ratio means anything yet. */
  probeCount: z.number().int().nonnegative().optional(),
  worst: z.array(z.object({ probeId: z.string(), ratio: z.number().min(0).max(1).nullable(), downSeconds: z.number() })),
  /** Per service of the convention (service-sla.ts), those that have probes in the scope, in SLA_SERVICES order. */
  services: z.array(serviceAvailabilitySchema()).optional(),
  /** Declared maintenance windows of the period (cancelled ones left out), with their covered hours. */
  maintenances: z.array(reportedWindowSchema).optional(),
});
export type AvailabilityReport = z.infer<typeof availabilityReportSchema>;

export const gtiReportSchema = z.object({
  scope: z.string(),
  from: instant,
  to: instant,
  /** Share of incidents in the period whose GTI was met; null when there were none. */
  compliance: z.number().min(0).max(1).nullable(),
  met: z.number().int().nonnegative(),
  breached: z.number().int().nonnegative(),
  open: z.array(
    z.object({
      incidentId: z.string(),
      start: instant,
      deadline: instant,
      status: z.enum(['on-track', 'at-risk', 'breached', 'met']),
      coveredSecondsLeft: z.number(),
    }),
  ),
});
export type GtiReport = z.infer<typeof gtiReportSchema>;

export const contributionSchema = z.object({
  collectiviteId: z.string(),
  probesInUse: z.number().int().nonnegative(),
  packSize: z.number().int().nonnegative(),
  eurosPerYear: z.number().nonnegative(),
});

export const probeDetailSchema = z.object({ status: probeStatusSchema });

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

/** Covered-hours settings the SPA needs to count GTI time locally (holidays resolved by the server). */
export const calendarSchema = z.object({
  timeZone: z.string(),
  /** ISO weekdays that are covered, 1 = Monday. */
  days: z.array(z.number().int().min(1).max(7)),
  open: z.string().regex(/^\d\d:\d\d$/),
  close: z.string().regex(/^\d\d:\d\d$/),
  /** Closed dates (YYYY-MM-DD): public holidays and extra closed days, for a window around now. */
  closedDates: z.array(z.string().regex(/^\d{4}-\d\d-\d\d$/)),
  gtiHours: z.number().positive(),
  atRiskHours: z.number().nonnegative(),
  availabilityTarget: z.number().min(0).max(1),
});
export type CalendarDto = z.infer<typeof calendarSchema>;

/** Availability figures of one line of a period report (a collectivité, a service, a probe). */
export const reportFiguresSchema = z.object({
  ratio: z.number().min(0).max(1).nullable(),
  coverage: z.number().min(0).max(1).nullable(),
  upSeconds: z.number().nonnegative(),
  downSeconds: z.number().nonnegative(),
  unmeasuredSeconds: z.number().nonnegative(),
  maintenanceSeconds: z.number().nonnegative(),
  /** ratio >= target; null when nothing was measured. */
  meetsTarget: z.boolean().nullable(),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

/** GET /reports/period: everything a period report shows, scoped like every route (docs/reports.md). */
export const periodReportSchema = z.object({
  scope: z.string(),
  collectiviteId: z.string().optional(),
  collectiviteName: z.string().optional(),
  from: instant,
  to: instant,
  /** Reference time of the figures (the future is unmeasured). */
  generatedAt: instant,
  target: z.number(),
  total: reportFiguresSchema,
  /** Per service of the convention (service-sla.ts, as the référent's view), those with probes in the scope, in SLA_SERVICES order. */
  services: z.array(reportFiguresSchema.extend({ service: z.enum(SLA_SERVICES), probeCount: z.number().int() })),
  /** Per collectivité (support's report of all collectivités). */
  collectivites: z.array(reportFiguresSchema.extend({ collectiviteId: z.string(), name: z.string(), probeCount: z.number().int() })),
  /** Every probe for one collectivité; the 50 worst for all collectivités (the CSV has them all). */
  probes: z.array(reportFiguresSchema.extend({ probeId: z.string(), name: z.string(), kind: z.string(), siteName: z.string(), collectiviteId: z.string() })),
  probesAreWorstOnly: z.boolean(),
  gti: z.object({
    compliance: z.number().min(0).max(1).nullable(),
    met: z.number().int().nonnegative(),
    breached: z.number().int().nonnegative(),
    /** Each breach by deadline (the first 2,000 when there are more than `breached` shows; the CSV has all). */
    breaches: z.array(
      z.object({
        incidentId: z.string(),
        collectiviteId: z.string(),
        siteName: z.string(),
        probeName: z.string(),
        openedAt: instant,
        deadline: instant,
        stoppedAt: instant.optional(),
        /** Covered time past the deadline (at the stop, or now for a running clock). */
        lateSeconds: z.number().nonnegative(),
      }),
    ),
  }),
  incidents: z.array(
    z.object({
      id: z.string(),
      collectiviteId: z.string(),
      siteName: z.string(),
      probeName: z.string(),
      severity: z.string(),
      status: z.string(),
      openedAt: instant,
      resolvedAt: instant.optional(),
      gti: z.enum(['on-track', 'at-risk', 'breached', 'met']),
    }),
  ),
  /** More incidents than listed (the CSV has them all). */
  incidentsTruncated: z.boolean(),
  maintenances: z.array(reportedWindowSchema),
  calendar: z.object({ timeZone: z.string(), days: z.array(z.number()), open: z.string(), close: z.string(), closedDates: z.array(z.string()) }),
});
export type PeriodReport = z.infer<typeof periodReportSchema>;
