// The alarm service on the wire (additive REST routes, docs/api.md "Alarms"): a recipient as the
// settings screens send it, checked here so a typo in an address or a number is refused with a
// reason when saved, and a delivery as support sees it on an incident.
import { z } from 'zod';
import { ALARM_EVENT_CLASSES, ALARM_LANGUAGES, SMS_WINDOWS } from '../domain/alarm-model.ts';
import { emailProblem, normaliseMobile } from '../domain/alarm-contacts.ts';
import { DELIVERY_AUDIENCES, DELIVERY_CHANNELS } from '../domain/model.ts';

// eslint-disable-next-line no-control-regex
const oneLine = (max: number) => z.string().trim().min(1).max(max).refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'must be one line of text');

export const recipientIdSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, dot, dash, underscore (64 at most)');

const email = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = emailProblem(value);
    if (problem === 'email-too-long') ctx.addIssue({ code: 'custom', message: 'address too long (254 characters at most)' });
    else if (problem) ctx.addIssue({ code: 'custom', message: `not a usable mail address: ${JSON.stringify(value.slice(0, 80))} (expected name@domain.fr)` });
  });

const mobile = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const e164 = normaliseMobile(value);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: `not a mobile number: ${JSON.stringify(value.slice(0, 40))} (expected 06 12 34 56 78 or +33612345678)` });
      return z.NEVER;
    }
    return e164;
  });

export const alarmRulesSchema = z.object({
  events: z.partialRecord(z.enum(ALARM_EVENT_CLASSES), z.array(z.enum(DELIVERY_CHANNELS)).max(2)),
  smsWindow: z.enum(SMS_WINDOWS),
});

/** What a client sends to save a recipient (the id is in the path). */
export const recipientInputSchema = z.object({
  audience: z.enum(DELIVERY_AUDIENCES),
  collectiviteId: z.string().min(1).max(128).optional(),
  name: oneLine(100),
  email: email.optional(),
  mobile: mobile.optional(),
  language: z.enum(ALARM_LANGUAGES).default('fr'),
  rules: alarmRulesSchema,
  login: z.string().min(1).max(100).optional(),
  enabled: z.boolean().default(true),
});
export type RecipientInput = z.infer<typeof recipientInputSchema>;

export const recipientSchema = recipientInputSchema.extend({ id: recipientIdSchema });

/** One delivery of an alarm about an incident, as support reads it (GET /incidents/:id/deliveries). */
export const deliveryDtoSchema = z.object({
  recipientId: z.string(),
  recipientName: z.string().optional(),
  address: z.string().optional(),
  channel: z.enum(DELIVERY_CHANNELS),
  state: z.enum(['pending', 'failed', 'sent', 'dead', 'no-channel']),
  attempts: z.number().int(),
  kind: z.string(),
  queuedAt: z.number(),
  nextAt: z.number(),
  sentAt: z.number().optional(),
  lastError: z.string().optional(),
});
export type DeliveryDto = z.infer<typeof deliveryDtoSchema>;

/** A delivery given up after its last attempt, as support reads it to retry it (GET /alarms/dead-letters). */
export const deadLetterDtoSchema = deliveryDtoSchema.extend({
  id: z.string(),
  collectiviteId: z.string(),
  incidentId: z.string().optional(),
  /** What it was about: collectivité · site · probe (engine text: data, never markup). */
  subject: z.string(),
});
export type DeadLetterDto = z.infer<typeof deadLetterDtoSchema>;
export const deadLettersDtoSchema = z.object({ items: z.array(deadLetterDtoSchema), total: z.number().int().nonnegative() });

/** Ask for dead deliveries to be tried again (POST /alarms/dead-letters/retry). */
export const retryDeadLettersSchema = z.object({ ids: z.array(z.string().min(1).max(600)).min(1).max(500) });
export const retriedDtoSchema = z.object({ retried: z.number().int().nonnegative() });

/** The alarm service's health in GET /health (server/http/alarm-health.ts). */
export const alarmHealthDtoSchema = z.object({
  state: z.enum(['ok', 'degraded', 'off']),
  channels: z.array(z.enum(DELIVERY_CHANNELS)),
  queued: z.number().int().nonnegative(),
  dead: z.number().int().nonnegative(),
  lastFailure: z.object({ at: z.number(), reason: z.string().optional() }).optional(),
  mailTo: z.string().optional(),
});
export type AlarmHealthDto = z.infer<typeof alarmHealthDtoSchema>;
