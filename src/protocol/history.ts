// GET /history: one probe's or one site's state bands and daily availability over a period
// (src/domain/history.ts), for the history charts of the site sheet.
import { z } from 'zod';
import { BAND_KINDS } from '../domain/history.ts';
import { periodQuerySchema } from './rest.ts';

const instant = z.number().int().nonnegative();
const id = z.string().min(1).max(128);

/** Exactly one of `probeId` and `siteId` (the route says which one is missing). */
export const historyQuerySchema = periodQuerySchema.extend({ probeId: id.optional(), siteId: id.optional() });

export const historySchema = z.object({
  subject: z.object({ kind: z.enum(['probe', 'site']), id: z.string() }),
  from: instant,
  to: instant,
  /** The convention's availability target (0.96). */
  target: z.number(),
  probeCount: z.number().int().nonnegative(),
  bands: z.array(z.object({ from: instant, to: instant, kind: z.enum(BAND_KINDS) })),
  /** Local days of the period; `ratio` null when nothing was measured in its covered hours. */
  days: z.array(
    z.object({
      from: instant,
      to: instant,
      ratio: z.number().min(0).max(1).nullable(),
      upSeconds: z.number().nonnegative(),
      downSeconds: z.number().nonnegative(),
      maintenanceSeconds: z.number().nonnegative(),
      unmeasuredSeconds: z.number().nonnegative(),
    }),
  ),
});
export type History = z.infer<typeof historySchema>;
