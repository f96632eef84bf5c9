// The convention promises 96 % availability *per service* (art. 7). A référent reads it per
// service (Internet access, inter-site links, servers and disks, cameras), with one margin they can
// picture: how long the whole service may still be down this period before the target is missed.
//
// Decisions (the contract names the services, not how probes map to them):
// - internet probes → Internet access; link probes → inter-site links; disk and camera probes →
//   servers/disks and cameras. Ping, HTTP and service probes belong to what they watch: a camera's
//   ping → cameras; the router (the Internet box) → Internet access; firewall (VPN tunnels), switch
//   and Wi-Fi → links and network; servers, NAS and anything else → servers/disks.
// - A service's figures are the time-weighted aggregate of its probes (as for a collectivité).
// - Its margin is the error budget of those figures (availability.ts: covered time, maintenance
//   out, unmeasured time counted as time still to be measured) shared by its probes: the covered
//   time during which ALL of the service's probes could still be down together. It is rounded down
//   to the minute: a margin never promises a minute it does not have.
import { errorBudgetMinutes, type AvailabilityFigures } from './availability.ts';
import type { EquipmentKind, ProbeKind } from './model.ts';
import { MINUTE_MS } from './sla-rules.ts';

export const SLA_SERVICES = ['internet', 'links', 'servers', 'cameras'] as const;
export type SlaService = (typeof SLA_SERVICES)[number];

export function slaServiceOf(probeKind: ProbeKind, equipmentKind: EquipmentKind | undefined): SlaService {
  switch (probeKind) {
    case 'internet':
      return 'internet';
    case 'link':
      return 'links';
    case 'camera':
      return 'cameras';
    case 'disk':
      return 'servers';
    default:
      switch (equipmentKind) {
        case 'camera':
          return 'cameras';
        case 'router':
          return 'internet';
        case 'firewall':
        case 'switch':
        case 'wifi-ap':
          return 'links';
        default:
          return 'servers';
      }
  }
}

/**
 * - unmeasured: nothing measured; too-early: less than `minMeasuredMs` measured per probe (a ratio
 *   of a few minutes says nothing); missed: the period can no longer end at target (or, once ended,
 *   did not); behind: under target so far in a running period that can still recover; met.
 */
export type ServiceOutcome = 'met' | 'behind' | 'missed' | 'too-early' | 'unmeasured';

export interface ServiceStanding {
  ratio: number | null;
  outcome: ServiceOutcome;
  /** Covered ms the whole service may still be down (≥ 0), or by how much it went over (< 0); whole minutes. */
  marginMs: number;
}

export interface StandingOptions {
  target: number;
  /** The period is still running (its end is after now). */
  running: boolean;
  minMeasuredMs?: number;
}

export function serviceStanding(figures: AvailabilityFigures, probeCount: number, { target, running, minMeasuredMs = 60 * MINUTE_MS }: StandingOptions): ServiceStanding {
  const probes = Math.max(1, probeCount);
  const marginMs = Math.floor(errorBudgetMinutes(figures, target) / probes) * MINUTE_MS;
  const standing = (outcome: ServiceOutcome): ServiceStanding => ({ ratio: figures.ratio, outcome, marginMs });
  if (figures.ratio === null) return standing('unmeasured');
  if (marginMs < 0) return standing('missed');
  if ((figures.upMs + figures.downMs) / probes < minMeasuredMs) return standing('too-early');
  if (figures.ratio < target) return standing(running ? 'behind' : 'missed');
  return standing('met');
}
