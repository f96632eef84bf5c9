import { describe, expect, it } from 'vitest';
import {
  isProblem,
  isTroubled,
  PROBE_STATES,
  siteColourState,
  stateFromExitCode,
  stateSeverity,
  worstState,
  type ProbeState,
  type ProbeStatus,
} from './model.ts';

const status = (state: ProbeState, inDowntime = false): ProbeStatus => ({
  probeId: 'p',
  state,
  stateType: 'HARD',
  output: '',
  lastCheck: 0,
  since: 0,
  acknowledged: false,
  inDowntime,
});

describe('state rules', () => {
  it('orders states from best to worst: OK < PENDING < UNKNOWN < WARNING < CRITICAL', () => {
    const ordered = [...PROBE_STATES].sort((a, b) => stateSeverity(a) - stateSeverity(b));
    expect(ordered).toEqual(['OK', 'PENDING', 'UNKNOWN', 'WARNING', 'CRITICAL']);
  });

  it.each([
    [[], 'OK'],
    [['OK', 'PENDING'], 'PENDING'],
    [['UNKNOWN', 'WARNING', 'OK'], 'WARNING'],
    [['CRITICAL', 'WARNING'], 'CRITICAL'],
  ] as const)('worst of %j is %s', (states, worst) => expect(worstState(states)).toBe(worst));

  it.each([
    ['OK', false, false, false, 'OK'],
    ['PENDING', false, false, false, 'PENDING'],
    ['UNKNOWN', false, false, true, 'UNKNOWN'],
    ['WARNING', false, true, true, 'WARNING'],
    ['CRITICAL', false, true, true, 'CRITICAL'],
    // Declared maintenance: not trouble, and the site keeps its colour (DOMAIN.md, model.ts).
    ['CRITICAL', true, true, false, 'OK'],
    ['UNKNOWN', true, false, false, 'OK'],
    ['WARNING', true, true, false, 'OK'],
  ] as const)('%s (maintenance %s): problem %s, troubled %s, colours its site %s', (state, maintenance, problem, troubled, colour) => {
    expect(isProblem(state)).toBe(problem);
    expect(isTroubled(status(state, maintenance))).toBe(troubled);
    expect(siteColourState(status(state, maintenance))).toBe(colour);
  });

  it('a probe never heard of colours its site PENDING', () => expect(siteColourState(undefined)).toBe('PENDING'));

  it.each([
    [0, 'OK'],
    [1, 'WARNING'],
    [2, 'CRITICAL'],
    [3, 'UNKNOWN'],
    [4, 'UNKNOWN'],
    [-1, 'UNKNOWN'],
    [255, 'UNKNOWN'],
  ] as const)('plugin exit code %i → %s', (code, state) => expect(stateFromExitCode(code)).toBe(state));
});
