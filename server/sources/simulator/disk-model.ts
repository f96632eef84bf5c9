// Disk free space over time: most disks hold steady, a few fill up over days until someone cleans
// them up. Free space is linear between events, so threshold crossings are computed, not polled.
import type { Instant, Probe } from '../../../src/domain/model.ts';
import type { CheckResult } from './check-result.ts';
import type { Prng } from './prng.ts';

const DAY_MS = 86_400_000;
/** check_disk thresholds on free space, in percent. */
export const DISK_WARNING_FREE = 15;
export const DISK_CRITICAL_FREE = 5;

export interface DiskModel {
  mount: string;
  sizeGb: number;
  /** Free fraction (0–1) at t0. */
  freeAtT0: number;
  /** Fraction of the disk consumed per day (0 for a steady disk). */
  fillPerDay: number;
  t0: Instant;
}

const SIZES_GB: Record<string, readonly number[]> = {
  '/': [40, 60, 80],
  '/srv': [250, 500, 1000, 2000],
  '/volume1': [2000, 4000, 8000],
  '/enregistrements': [4000, 8000, 16000],
};

export function mountOf(probe: Probe): string {
  return /(\/\S*)$/.exec(probe.name)?.[1] ?? '/';
}

export function createDiskModel(probe: Probe, prng: Prng, t0: Instant): DiskModel {
  const mount = mountOf(probe);
  const sizeGb = prng.pick(SIZES_GB[mount] ?? [100, 200, 500]);
  const filling = prng.chance(0.04);
  const freeAtT0 = filling ? prng.between(0.16, 0.45) : prng.chance(0.015) ? prng.between(0.07, 0.149) : prng.between(0.2, 0.9);
  return { mount, sizeGb, freeAtT0, fillPerDay: filling ? prng.between(0.005, 0.04) : 0, t0 };
}

export function freePercent(disk: DiskModel, t: Instant): number {
  const free = disk.freeAtT0 - (disk.fillPerDay * (t - disk.t0)) / DAY_MS;
  return Math.max(0, Math.min(100, Math.floor(free * 100)));
}

export function diskResult(disk: DiskModel, t: Instant): CheckResult {
  const pct = freePercent(disk, t);
  const state = pct < DISK_CRITICAL_FREE ? 'CRITICAL' : pct < DISK_WARNING_FREE ? 'WARNING' : 'OK';
  const freeGb = Math.round((disk.sizeGb * pct) / 100);
  const usedGb = disk.sizeGb - freeGb;
  const warn = Math.round(disk.sizeGb * (1 - DISK_WARNING_FREE / 100));
  const crit = Math.round(disk.sizeGb * (1 - DISK_CRITICAL_FREE / 100));
  return {
    state,
    output: `DISK ${state} - free space: ${disk.mount} ${pct}% (${freeGb} GB of ${disk.sizeGb} GB)|${disk.mount}=${usedGb}GB;${warn};${crit};0;${disk.sizeGb}`,
  };
}

/** When the whole free percentage next drops by one, or null for a steady or full disk. */
export function nextDiskStep(disk: DiskModel, t: Instant): Instant | null {
  const pct = freePercent(disk, t);
  if (disk.fillPerDay <= 0 || pct <= 0) return null;
  // One second past the exact crossing, so float rounding cannot leave the percentage unchanged.
  const crossing = Math.ceil(disk.t0 + ((disk.freeAtT0 - pct / 100) / disk.fillPerDay) * DAY_MS) + 1000;
  return Math.max(crossing, t + 1000);
}

/** Someone deleted old files: back to a comfortable level, still filling but more slowly. */
export function cleanUp(disk: DiskModel, t: Instant, prng: Prng): void {
  disk.freeAtT0 = prng.between(0.35, 0.7);
  disk.fillPerDay /= 2;
  disk.t0 = t;
}
