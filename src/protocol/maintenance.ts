// The wire contract of declared maintenance: the window as the API and the live stream carry it,
// what support sends to schedule or edit one, the list query, and the live `maintenances` event.
import { z } from 'zod';
import { MAINTENANCE_SOURCES } from '../domain/maintenance.ts';
import { MAX_INSTANT, MIN_INSTANT } from './rest.ts';
import { userText } from './text.ts';

const id = z.string().min(1).max(128);
const instant = z.number().int().nonnegative();
const ids = z.array(id).max(500);
const OUT_OF_BOUNDS = { error: 'must be an instant between 2000-01-01 and 2100-01-01 (epoch ms)' };
const requestInstant = z.number().int().min(MIN_INSTANT, OUT_OF_BOUNDS).max(MAX_INSTANT, OUT_OF_BOUNDS);

/** Longest nature-of-work text. */
export const MAINTENANCE_NATURE_MAX = 2000;

export const maintenanceWindowSchema = z.object({
  id,
  collectiviteId: id,
  siteIds: ids,
  equipmentIds: ids,
  probeIds: ids,
  start: instant,
  end: instant,
  nature: z.string().max(MAINTENANCE_NATURE_MAX),
  by: z.string().max(200),
  source: z.enum(MAINTENANCE_SOURCES),
  createdAt: instant,
  endedAt: instant.optional(),
  cancelledAt: instant.optional(),
});

/** Schedule (POST /maintenances) or edit before it starts (POST /maintenances/:id): the whole window. */
export const maintenanceRequestSchema = z.object({
  collectiviteId: id,
  siteIds: ids.default([]),
  equipmentIds: ids.default([]),
  probeIds: ids.default([]),
  start: requestInstant,
  end: requestInstant,
  nature: userText({ min: 1, max: MAINTENANCE_NATURE_MAX }).refine((text) => text.trim() !== '', 'must not be blank'),
});
export type MaintenanceRequest = z.infer<typeof maintenanceRequestSchema>;

/** GET /maintenances: one collectivité (a référent's own by default), and which phases. */
export const maintenanceQuerySchema = z.object({
  collectiviteId: z.string().max(128).optional(),
  /** current = upcoming and running (the default); all adds past and cancelled ones. */
  phase: z.enum(['current', 'upcoming', 'running', 'past', 'all']).default('current'),
});

export const maintenanceListSchema = z.object({ items: z.array(maintenanceWindowSchema) });
export type MaintenanceList = z.infer<typeof maintenanceListSchema>;

/** Live event `maintenances`: windows of the stream's scope that were created or changed. */
export const maintenanceUpdateSchema = z.object({ windows: z.array(maintenanceWindowSchema) });
export type MaintenanceUpdate = z.infer<typeof maintenanceUpdateSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type WindowMatchesDomain = Assert<Same<z.infer<typeof maintenanceWindowSchema>, import('../domain/maintenance.ts').MaintenanceWindow>>;
