// The wire contract of managed IT (infogérance, docs/api.md): conventions with their standing,
// actions logged by the support cell, assistance tickets from référents, and what each side sends.
import { z } from 'zod';
import { ACTION_KINDS, ACTION_PLACES, RENEWALS, TICKET_STATUSES } from '../domain/managed-it-convention.ts';
import { MAX_INSTANT, MIN_INSTANT } from './rest.ts';
import { userText } from './text.ts';

const id = z.string().min(1).max(128);
const instant = z.number().int().nonnegative();
const OUT_OF_BOUNDS = { error: 'must be an instant between 2000-01-01 and 2100-01-01 (epoch ms)' };
const requestInstant = z.number().int().min(MIN_INSTANT, OUT_OF_BOUNDS).max(MAX_INSTANT, OUT_OF_BOUNDS);
const nonBlank = (max: number) => userText({ min: 1, max }).refine((text) => text.trim() !== '', 'must not be blank');

export const ACTION_DESCRIPTION_MAX = 4000;
export const TICKET_DESCRIPTION_MAX = 4000;
/** One action lasts at most a working day and a night (longer work is logged as several actions). */
export const ACTION_MINUTES_MAX = 24 * 60;

export const conventionSchema = z.object({
  id,
  collectiviteId: id,
  number: z.string().max(64),
  start: instant,
  end: instant,
  unitsBought: z.number().int().nonnegative(),
  renewal: z.enum(RENEWALS),
  renews: id.optional(),
  createdAt: instant,
  by: z.string().max(200),
});

export const standingSchema = z.object({
  used: z.number().int().nonnegative(),
  left: z.number().int().nonnegative(),
  overrun: z.number().int().nonnegative(),
  exhausted: z.boolean(),
  state: z.enum(['upcoming', 'active', 'exhausted', 'expired']),
  alert: z.enum(['ok', 'warning', 'exhausted']),
});

export const conventionWithStandingSchema = conventionSchema.extend({ standing: standingSchema });
export type ConventionWithStanding = z.infer<typeof conventionWithStandingSchema>;
export const conventionListSchema = z.object({ items: z.array(conventionWithStandingSchema) });

export const actionSchema = z.object({
  id,
  collectiviteId: id,
  conventionId: id,
  at: instant,
  durationMs: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
  place: z.enum(ACTION_PLACES),
  kind: z.enum(ACTION_KINDS),
  ticketId: id.optional(),
  incidentId: id.optional(),
  technician: z.string().max(200),
  description: z.string().max(ACTION_DESCRIPTION_MAX),
  loggedAt: instant,
  by: z.string().max(200),
});
export type ManagedItActionWire = z.infer<typeof actionSchema>;
export const actionListSchema = z.object({ items: z.array(actionSchema) });

export const ticketSchema = z.object({
  id,
  collectiviteId: id,
  subject: z.string().max(200),
  description: z.string().max(TICKET_DESCRIPTION_MAX),
  status: z.enum(TICKET_STATUSES),
  createdAt: instant,
  updatedAt: instant,
  by: z.string().max(200),
  /** Actions logged against this ticket (ids), newest last. */
  actionIds: z.array(id),
  units: z.number().int().nonnegative(),
});
export type TicketWire = z.infer<typeof ticketSchema>;
export const ticketListSchema = z.object({ items: z.array(ticketSchema) });

/** POST /managed-it/conventions (support). */
export const conventionRequestSchema = z.object({
  collectiviteId: id,
  number: nonBlank(64),
  start: requestInstant,
  end: requestInstant,
  unitsBought: z.number().int().min(1).max(100_000),
  renewal: z.enum(RENEWALS).default('tacit'),
  renews: id.optional(),
});
export type ConventionRequest = z.infer<typeof conventionRequestSchema>;

/** POST /managed-it/actions (support): the convention in force at `at` is found by the gateway. */
export const actionRequestSchema = z.object({
  collectiviteId: id,
  at: requestInstant,
  durationMinutes: z.number().int().min(1).max(ACTION_MINUTES_MAX),
  place: z.enum(ACTION_PLACES),
  kind: z.enum(ACTION_KINDS),
  ticketId: id.optional(),
  incidentId: id.optional(),
  technician: nonBlank(200),
  description: nonBlank(ACTION_DESCRIPTION_MAX),
});
export type ActionRequest = z.infer<typeof actionRequestSchema>;

/** What logging an action answers: the action and the convention's standing after it. */
export const actionLoggedSchema = z.object({ action: actionSchema, convention: conventionWithStandingSchema });
export type ActionLogged = z.infer<typeof actionLoggedSchema>;

/** POST /managed-it/tickets (référent of the collectivité, or support). */
export const ticketRequestSchema = z.object({
  collectiviteId: id.optional(),
  subject: nonBlank(200),
  description: nonBlank(TICKET_DESCRIPTION_MAX),
});
export type TicketRequest = z.infer<typeof ticketRequestSchema>;

/** POST /managed-it/tickets/:id (support): move the ticket on. */
export const ticketUpdateSchema = z.object({ status: z.enum(TICKET_STATUSES) });

/** GET lists: one collectivité (a référent's own by default). */
export const managedItQuerySchema = z.object({ collectiviteId: z.string().min(1).max(128).optional() });
