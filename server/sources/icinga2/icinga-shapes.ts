// The shapes Vigie reads from Icinga 2's REST API (objects and the /v1/events stream), as zod
// schemas: whatever the engine sends is parsed here, so a surprise fails one object, not the source.
import { z } from 'zod';

/** Epoch seconds (floats) as Icinga writes them. */
const seconds = z.number();

const varsSchema = z.record(z.string(), z.unknown()).nullable().catch(null);

export const checkResultSchema = z.object({
  state: z.number(),
  output: z.string().nullable().catch(''),
  execution_end: seconds.optional(),
  schedule_end: seconds.optional(),
  vars_after: z.object({ state: z.number().optional(), state_type: z.number().optional() }).nullish().catch(null),
});
export type IcingaCheckResult = z.infer<typeof checkResultSchema>;

export const objectAttrsSchema = z.object({
  display_name: z.string().optional(),
  state: z.number(),
  state_type: z.number(),
  last_check: seconds,
  last_state_change: seconds,
  /** When the current HARD state began: the problem's start for the incident (optional in old recordings). */
  last_hard_state_change: seconds.optional(),
  /** 0 none, 1 normal, 2 sticky — a number here, a boolean in events. */
  acknowledgement: z.number(),
  downtime_depth: z.number(),
  check_interval: z.number().optional(),
  vars: varsSchema,
  host_name: z.string().optional(),
  last_check_result: checkResultSchema.nullable(),
});
export type IcingaObjectAttrs = z.infer<typeof objectAttrsSchema>;

export const objectResultSchema = z.object({
  name: z.string(),
  type: z.enum(['Host', 'Service']),
  attrs: objectAttrsSchema,
  joins: z.object({ host: z.object({ name: z.string().optional(), display_name: z.string().optional(), vars: varsSchema }).partial().optional() }).optional(),
});
export type IcingaObject = z.infer<typeof objectResultSchema>;

/** Attributes and joins requested for the snapshot. */
export const OBJECT_ATTRS = [
  'display_name',
  'state',
  'state_type',
  'last_check',
  'last_state_change',
  'last_hard_state_change',
  'acknowledgement',
  'downtime_depth',
  'check_interval',
  'vars',
  'host_name',
  'last_check_result',
] as const;
export const SERVICE_JOINS = ['host.name', 'host.display_name', 'host.vars'] as const;

/** An acknowledgement comment (entry_type 4): who acknowledged, and why. */
export const ackCommentSchema = z.object({
  attrs: z.object({ author: z.string(), text: z.string().catch(''), host_name: z.string(), service_name: z.string().catch(''), entry_type: z.literal(4), entry_time: seconds }),
});

const objectRef = { timestamp: seconds, host: z.string(), service: z.string().optional() };

export const checkEventSchema = z.object({
  ...objectRef,
  type: z.enum(['CheckResult', 'StateChange']),
  acknowledgement: z.boolean().optional(),
  downtime_depth: z.number().optional(),
  state: z.number().optional(),
  state_type: z.number().optional(),
  check_result: checkResultSchema,
});

export const ackEventSchema = z.object({
  ...objectRef,
  type: z.enum(['AcknowledgementSet', 'AcknowledgementCleared']),
  author: z.string().optional(),
  comment: z.string().optional(),
});

export const downtimeEventSchema = z.object({
  type: z.enum(['DowntimeAdded', 'DowntimeStarted', 'DowntimeTriggered', 'DowntimeRemoved']),
  timestamp: seconds,
  downtime: z.object({ host_name: z.string(), service_name: z.string().catch('') }),
});

export const icingaEventSchema = z.discriminatedUnion('type', [checkEventSchema, ackEventSchema, downtimeEventSchema]);
export type IcingaEvent = z.infer<typeof icingaEventSchema>;
export type CheckEvent = z.infer<typeof checkEventSchema>;
export type AckEvent = z.infer<typeof ackEventSchema>;

export const EVENT_TYPES = [
  'CheckResult',
  'StateChange',
  'AcknowledgementSet',
  'AcknowledgementCleared',
  'DowntimeAdded',
  'DowntimeStarted',
  'DowntimeTriggered',
  'DowntimeRemoved',
] as const;

/** Parse one line of the event stream: an event Vigie follows, 'ignored' (other types), or an error. */
export function parseEventLine(line: string): { event: IcingaEvent } | { ignored: string } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: `not JSON: ${line.slice(0, 80)}` };
  }
  const type = (json as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) return { ignored: String(type) };
  const parsed = icingaEventSchema.safeParse(json);
  if (!parsed.success) return { error: `unexpected ${type} event: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return { event: parsed.data };
}
