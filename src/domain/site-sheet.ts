// A site sheet starts with what matters: probes failing now first (CRITICAL, then WARNING, then
// UNKNOWN or not yet checked), then those in maintenance, then the healthy ones. Probes stay grouped
// by the equipment they watch; an equipment comes as early as its most urgent probe. Ties keep the
// estate's order, so the sheet does not reshuffle while nothing changes.
import type { Equipment, Probe, ProbeStatus } from './model.ts';

/** 0 = most urgent. A probe in maintenance ranks after every failing one, whatever its state. */
export function sheetRank(status: ProbeStatus | undefined, inMaintenance: boolean): number {
  if (inMaintenance || status?.inDowntime) return 3;
  switch (status?.state) {
    case 'CRITICAL':
      return 0;
    case 'WARNING':
      return 1;
    case 'OK':
      return 4;
    default:
      return 2; // UNKNOWN, PENDING, or no status yet
  }
}

export interface SheetGroup {
  equipment: Equipment;
  probes: Array<{ probe: Probe; rank: number }>;
  /** Its most urgent probe's rank (5 for an equipment with no probe). */
  rank: number;
}

export function siteSheet(
  equipment: readonly Equipment[],
  probesOf: (equipmentId: string) => readonly Probe[],
  rankOf: (probe: Probe) => number,
): SheetGroup[] {
  const groups = equipment.map((eq, order) => {
    const probes = probesOf(eq.id)
      .map((probe, i) => ({ probe, rank: rankOf(probe), i }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map(({ probe, rank }) => ({ probe, rank }));
    return { equipment: eq, probes, rank: probes[0]?.rank ?? 5, order };
  });
  return groups.sort((a, b) => a.rank - b.rank || a.order - b.order).map(({ equipment, probes, rank }) => ({ equipment, probes, rank }));
}
