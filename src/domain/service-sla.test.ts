import { describe, expect, it } from 'vitest';
import { aggregateAvailability, probeAvailability, type AvailabilityFigures, type StateInterval } from './availability.ts';
import { createCoveredHours, DEFAULT_COVERED_HOURS } from './covered-hours.ts';
import { closedDatesBetween } from './holidays.ts';
import type { EquipmentKind, ProbeKind, ProbeState } from './model.ts';
import { serviceStanding, slaServiceOf, type SlaService } from './service-sla.ts';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string) => Date.parse(iso);
const hours = createCoveredHours({ ...DEFAULT_COVERED_HOURS, closedDates: closedDatesBetween(2026, 2026) });
// March 2026 (winter time until the 29th): 22 working days, no holiday → 22 × 8.5 = 187 covered hours.
const march = { from: at('2026-03-01T00:00:00+01:00'), to: at('2026-04-01T00:00:00+02:00') };
const iv = (from: string, to: string, state: ProbeState, inDowntime = false): StateInterval => ({ from: at(from), to: at(to), state, inDowntime });
const whole = (state: ProbeState) => iv('2026-03-01T00:00:00+01:00', '2026-04-01T00:00:00+02:00', state);
const fig = (up: number, down: number, unmeasured = 0, maintenance = 0): AvailabilityFigures => aggregateAvailability([
  { upMs: up, downMs: down, unmeasuredMs: unmeasured, maintenanceMs: maintenance, coveredMs: up + down + unmeasured + maintenance, ratio: null, coverage: null },
]);

describe('slaServiceOf', () => {
  it.each<[ProbeKind, EquipmentKind | undefined, SlaService]>([
    ['internet', 'router', 'internet'],
    ['link', 'router', 'links'],
    ['disk', 'server', 'servers'],
    ['disk', 'nas', 'servers'],
    ['camera', 'camera', 'cameras'],
    ['host', 'camera', 'cameras'],
    ['host', 'router', 'internet'],
    ['service', 'firewall', 'links'],
    ['host', 'switch', 'links'],
    ['host', 'wifi-ap', 'links'],
    ['http', 'server', 'servers'],
    ['service', 'server', 'servers'],
    ['host', undefined, 'servers'],
  ])('%s probe on %s → %s', (probe, equipment, service) => {
    expect(slaServiceOf(probe, equipment)).toBe(service);
  });
});

describe('serviceStanding', () => {
  const running = { target: 0.96, running: true };
  const ended = { target: 0.96, running: false };
  it.each<[string, AvailabilityFigures, number, typeof running, { outcome: string; marginMs: number }]>([
    // 4 % of 187 h = 7 h 28 min 48 s; no downtime → 7 h 28 (rounded down to the minute).
    ['March all up, one probe', probeAvailability([whole('OK')], march, hours), 1, ended, { outcome: 'met', marginMs: 7 * H + 28 * M }],
    // 1 h 18 min down of 187 h: 7 h 28.8 − 1 h 18 = 6 h 10.8 → "6 h 10".
    [
      'the issue’s example: 1 h 18 down in March',
      probeAvailability([iv('2026-03-01T00:00:00+01:00', '2026-03-10T10:00:00+01:00', 'OK'), iv('2026-03-10T10:00:00+01:00', '2026-03-10T11:18:00+01:00', 'CRITICAL'), iv('2026-03-10T11:18:00+01:00', '2026-04-01T00:00:00+02:00', 'OK')], march, hours),
      1,
      running,
      { outcome: 'met', marginMs: 6 * H + 10 * M },
    ],
    // Two probes: twice the budget, but the whole service down costs it twice as fast.
    ['two probes, all up', fig(2 * 187 * H, 0), 2, ended, { outcome: 'met', marginMs: 7 * H + 28 * M }],
    // One of two probes down 3 h: 14 h 57.6 − 3 h = 11 h 57.6 shared → 5 h 58 of whole-service downtime.
    ['two probes, one down 3 h', fig(2 * 187 * H - 3 * H, 3 * H), 2, running, { outcome: 'met', marginMs: 5 * H + 58 * M }],
    // A declared maintenance of 17 h leaves the budget: 4 % of 170 h = 6 h 48.
    ['maintenance is out of the budget', fig(170 * H, 0, 0, 17 * H), 1, ended, { outcome: 'met', marginMs: 6 * H + 48 * M }],
    // Unmeasured time (mostly the rest of a running month) counts as time still to be measured.
    ['first day of a running month', fig(8.5 * H, 0, 178.5 * H), 1, running, { outcome: 'met', marginMs: 7 * H + 28 * M }],
    // 8 h down of 187 h: 7 h 28.8 − 8 h = −31.2 min → 32 min over.
    ['budget overspent → missed, by how much', fig(179 * H, 8 * H), 1, running, { outcome: 'missed', marginMs: -32 * M }],
    // 30 min down in the first 2 h: 75 % so far, yet 6 h 58 of margin remain → behind, recoverable.
    ['behind but recoverable', fig(1.5 * H, 0.5 * H, 185 * H), 1, running, { outcome: 'behind', marginMs: 6 * H + 58 * M }],
    // The same figures once the period ended are a miss, whatever margin unmeasured time leaves.
    ['under target in an ended period with gaps', fig(1.5 * H, 0.5 * H, 185 * H), 1, ended, { outcome: 'missed', marginMs: 6 * H + 58 * M }],
    ['40 min measured per probe → too early', fig(40 * M, 0, 186 * H), 1, running, { outcome: 'too-early', marginMs: 7 * H + 28 * M }],
    ['nothing measured', fig(0, 0, 187 * H), 1, running, { outcome: 'unmeasured', marginMs: 7 * H + 28 * M }],
  ])('%s', (_, figures, probes, options, expected) => {
    expect(serviceStanding(figures, probes, options)).toMatchObject(expected);
  });

  it('rounds an overrun up to the next minute (never reads smaller than it is)', () => {
    // 4 % of 187 h = 448.8 min; 449.5 min down → 0.7 min over → −1 min.
    expect(serviceStanding(fig(187 * H - 449.5 * M, 449.5 * M), 1, ended).marginMs).toBe(-1 * M);
  });
});
