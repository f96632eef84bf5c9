// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeatureHarness, smallEstate } from '../../../test/feature-harness.tsx';
import { PositionsCredit } from './positions-credit.tsx';

afterEach(cleanup);

const credit = () => screen.queryByTestId('positions-credit');

describe('PositionsCredit', () => {
  it('says the positions are simulated, within their commune, when the simulator placed the sites', () => {
    const h = createFeatureHarness();
    render(<PositionsCredit />, { wrapper: h.Wrapper });
    expect(credit()).toBeNull(); // nothing known yet: claim nothing
    act(() => h.snapshot(smallEstate(), [], [], { state: 'connected', source: 'simulator', since: 0 }));
    expect(credit()?.textContent).toBe('Positions simulées, au hasard dans leur commune.');
  });

  it('says nothing of simulated positions when they come from Icinga 2, even while it is stale', () => {
    const h = createFeatureHarness();
    render(<PositionsCredit />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [], [], { state: 'connected', source: 'icinga2', since: 0 }));
    expect(credit()).toBeNull();
    act(() => h.heartbeat({ state: 'stale', source: 'icinga2', since: 1 }));
    expect(credit()).toBeNull();
    expect(screen.queryByText(/simulées/)).toBeNull();
  });
});
