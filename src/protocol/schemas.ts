// The wire contract shared by the SPA, the gateway and the simulator. Every message that crosses a
// process boundary is parsed with these schemas, so a malformed message fails loudly at the edge
// instead of corrupting a store. Types are inferred from the schemas and checked against the
// domain model so the two cannot drift.
import { z } from 'zod';
import {
  CAUSE_KINDS,
  CAMERA_CONDITIONS,
  DELIVERY_AUDIENCES,
  DELIVERY_CHANNELS,
  DELIVERY_OUTCOMES,
  EQUIPMENT_KINDS,
  INCIDENT_STATUSES,
  PROBE_KINDS,
  PROBE_STATES,
  SITE_KINDS,
  STATE_TYPES,
  TIMELINE_KINDS,
} from '../domain/model.ts';
import { sourceProblemSchema } from './source-problem.ts';

/** Bumped on any incompatible change; the gateway refuses clients speaking another version. */
export const PROTOCOL_VERSION = 3;

const id = z.string().min(1).max(128);
const instant = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);

export const collectiviteSchema = z.object({
  id,
  insee: text(16),
  name: text(200),
  epci: text(200).optional(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const siteSchema = z.object({
  id,
  collectiviteId: id,
  name: text(200),
  kind: z.enum(SITE_KINDS),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const equipmentSchema = z.object({ id, siteId: id, name: text(200), kind: z.enum(EQUIPMENT_KINDS) });

export const probeSchema = z.object({
  id,
  equipmentId: id,
  name: text(300),
  kind: z.enum(PROBE_KINDS),
  interval: z.number().int().positive(),
});

export const probeStateSchema = z.enum(PROBE_STATES);

export const probeStatusSchema = z.object({
  probeId: id,
  state: probeStateSchema,
  stateType: z.enum(STATE_TYPES),
  output: text(4096),
  lastCheck: instant.nullable(),
  since: instant,
  acknowledged: z.boolean(),
  inDowntime: z.boolean(),
  camera: z.enum(CAMERA_CONDITIONS).optional(),
});

/** An alarm delivery recorded on an incident (additive: older clients drop the field). */
export const deliveryNoteSchema = z.object({
  channel: z.enum(DELIVERY_CHANNELS),
  audiences: z.array(z.enum(DELIVERY_AUDIENCES)).max(2),
  recipients: z.number().int().nonnegative(),
  outcome: z.enum(DELIVERY_OUTCOMES),
  retryAt: instant.optional(),
  digestOf: z.number().int().positive().optional(),
});

export const timelineEntrySchema = z.object({
  at: instant,
  kind: z.enum(TIMELINE_KINDS),
  by: text(100).optional(),
  comment: text(2000).optional(),
  state: probeStateSchema.optional(),
  delivery: deliveryNoteSchema.optional(),
});

export const incidentSchema = z.object({
  id,
  probeId: id,
  siteId: id,
  collectiviteId: id,
  status: z.enum(INCIDENT_STATUSES),
  severity: z.enum(['WARNING', 'CRITICAL']),
  openedAt: instant,
  acknowledgedAt: instant.optional(),
  interventionAt: instant.optional(),
  resolvedAt: instant.optional(),
  closedAt: instant.optional(),
  timeline: z.array(timelineEntrySchema),
  /** Bumped by the gateway on every change: the higher version is the newer copy. */
  version: z.number().int().positive(),
  /** A dependent incident's root cause (domain/incident-cause.ts); only `kind` when the cause is another collectivité's. */
  cause: z
    .object({ kind: z.enum(CAUSE_KINDS), incidentId: id.optional(), probeId: id.optional(), collectiviteId: id.optional(), atOpening: z.boolean().optional() })
    .optional(),
});

/** Most declared dependencies an estate carries (a larger configuration is cut by the source). */
export const MAX_DEPENDENCIES = 50_000;

export const dependencySchema = z.object({ parent: id, child: id });

export const estateSchema = z
  .object({
    collectivites: z.array(collectiviteSchema),
    sites: z.array(siteSchema),
    equipment: z.array(equipmentSchema),
    probes: z.array(probeSchema),
    /** Additive: older clients drop it and fold without declared dependencies. */
    dependencies: z.array(dependencySchema).max(MAX_DEPENDENCIES).optional(),
  })
  .superRefine((estate, ctx) => {
    // Both ends are probes of this estate: a dependency never names a probe the reader was not
    // given (a référent's estate carries only its own collectivité's edges).
    if (!estate.dependencies?.length) return;
    const probeIds = new Set(estate.probes.map((p) => p.id));
    estate.dependencies.forEach((d, i) => {
      for (const end of ['parent', 'child'] as const) {
        if (!probeIds.has(d[end])) ctx.addIssue({ code: 'custom', path: ['dependencies', i, end], message: 'not a probe of this estate' });
      }
      if (d.parent === d.child) ctx.addIssue({ code: 'custom', path: ['dependencies', i, 'child'], message: 'a probe cannot depend on itself' });
    });
  });

export const sourceHealthSchema = z.object({
  /** connected: fresh data; stale: the engine stopped answering, figures may be out of date. */
  state: z.enum(['connected', 'stale']),
  source: text(64),
  since: instant,
  /** The engine's own words on why it went stale. Support only: the stream leaves it out. */
  detail: text(500).optional(),
  /** Why the source cannot reach its engine, classified (source-problem.ts). Support only, like detail. */
  problem: sourceProblemSchema.optional(),
});

/** Identifies one delta stream: a scope (all, or one collectivité) within one gateway run. */
export const streamRefSchema = z.object({
  /** 'all' for support and kiosk, 'c:<collectiviteId>' for a référent. */
  stream: text(140),
  /** Changes on every gateway start; a client holding another epoch must take a fresh snapshot. */
  epoch: text(64),
});

export const snapshotSchema = streamRefSchema.extend({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Sequence of the last delta batch folded into this snapshot; the next batch is seq + 1. */
  seq: z.number().int().nonnegative(),
  at: instant,
  estate: estateSchema,
  statuses: z.array(probeStatusSchema),
  incidents: z.array(incidentSchema),
  source: sourceHealthSchema,
});

export const deltaBatchSchema = streamRefSchema.extend({
  seq: z.number().int().positive(),
  at: instant,
  /** Latest status of each probe that changed since the previous batch (one entry per probe). */
  changes: z.array(probeStatusSchema),
  /** When the source observed the oldest change in this batch (for event→pixel latency). */
  sourceAt: instant.optional(),
});

export const incidentUpdateSchema = streamRefSchema.extend({ incidents: z.array(incidentSchema) });

export const heartbeatSchema = streamRefSchema.extend({ seq: z.number().int().nonnegative(), at: instant, source: sourceHealthSchema });

export const subscribeRequestSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  /** Resume point: the stream/epoch/seq the client last applied, if any. */
  resume: streamRefSchema.extend({ seq: z.number().int().nonnegative() }).optional(),
});

export const protocolErrorSchema = z.object({
  code: z.enum(['bad-request', 'unauthorized', 'forbidden', 'not-found', 'too-large', 'rate-limited', 'conflict', 'internal']),
  message: text(500),
  field: text(200).optional(),
});

export type CollectiviteDto = z.infer<typeof collectiviteSchema>;
export type Estate = z.infer<typeof estateSchema>;
export type SourceHealth = z.infer<typeof sourceHealthSchema>;
export type StreamRef = z.infer<typeof streamRefSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type DeltaBatch = z.infer<typeof deltaBatchSchema>;
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;
export type Heartbeat = z.infer<typeof heartbeatSchema>;
export type SubscribeRequest = z.infer<typeof subscribeRequestSchema>;
export type ProtocolError = z.infer<typeof protocolErrorSchema>;

// Compile-time guard: wire types and domain types must stay mutually assignable.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ContractMatchesDomain = [
  Assert<Same<z.infer<typeof probeStatusSchema>, import('../domain/model.ts').ProbeStatus>>,
  Assert<Same<z.infer<typeof incidentSchema>, import('../domain/model.ts').Incident>>,
  Assert<Same<z.infer<typeof siteSchema>, import('../domain/model.ts').Site>>,
  Assert<Same<z.infer<typeof probeSchema>, import('../domain/model.ts').Probe>>,
  Assert<Same<z.infer<typeof equipmentSchema>, import('../domain/model.ts').Equipment>>,
  Assert<Same<z.infer<typeof collectiviteSchema>, import('../domain/model.ts').Collectivite>>,
  Assert<Same<z.infer<typeof estateSchema>, import('../domain/model.ts').Estate>>,
  Assert<Same<z.infer<typeof dependencySchema>, import('../domain/model.ts').ProbeDependency>>,
];
