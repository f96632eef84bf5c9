import { describe, expect, it } from 'vitest';
import { PROBE_STATES } from './model.ts';
import { availabilityClass, SLA_RULES } from './sla-rules.ts';

describe('availabilityClass', () => {
  it.each([
    ['OK', false, 'up'],
    ['WARNING', false, 'up'],
    ['CRITICAL', false, 'down'],
    ['UNKNOWN', false, 'unmeasured'],
    ['PENDING', false, 'unmeasured'],
  ] as const)('%s outside maintenance counts as %s', (state, inDowntime, expected) => {
    expect(availabilityClass(state, inDowntime)).toBe(expected);
  });

  it.each(PROBE_STATES)('%s during declared maintenance counts as maintenance', (state) => {
    expect(availabilityClass(state, true)).toBe('maintenance');
  });
});

describe('SLA_RULES', () => {
  it('holds the contract figures and cannot be changed at run time', () => {
    expect(SLA_RULES).toEqual({ availabilityTarget: 0.96, gtiHours: 8, atRiskHours: 2 });
    expect(Object.isFrozen(SLA_RULES)).toBe(true);
  });
});
