// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AvailabilityReport } from '../../../protocol/rest.ts';
import { createFeatureHarness, smallEstate, type FakeRoute } from '../../../test/feature-harness.tsx';
import { SlaPanel } from './sla-panel.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const plain = (s: string | null | undefined) => (s ?? '').replace(/\s/g, ' ');

function report(ratio: number, worst: AvailabilityReport['worst'] = []): AvailabilityReport {
  return {
    scope: 'c:c-metz',
    from: 0,
    to: 1,
    target: 0.96,
    upSeconds: 100,
    downSeconds: 3600,
    unmeasuredSeconds: 0,
    maintenanceSeconds: 0,
    ratio,
    coverage: 1,
    errorBudgetMinutes: 30,
    worst,
  };
}

describe('SlaPanel', () => {
  it('loads month and semester for the collectivité and names the worst probes from the live estate', async () => {
    const estate = smallEstate();
    const route: FakeRoute = ({ url }) =>
      url.pathname === '/api/v1/availability'
        ? { body: url.searchParams.get('period') === 'month' ? report(0.97, [{ probeId: estate.probes[1]!.id, ratio: 0.9, downSeconds: 5400 }]) : report(0.99) }
        : undefined;
    const h = createFeatureHarness({ route });
    render(<SlaPanel collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    expect(screen.getAllByText('Chargement de la disponibilité…')).toHaveLength(2);
    act(() => h.snapshot(estate));
    await waitFor(() => expect(screen.getAllByTestId('availability-value')).toHaveLength(2));
    expect(screen.getAllByTestId('availability-value').map((e) => plain(e.textContent))).toEqual(['97,00 %', '99,00 %']);
    expect(screen.getByRole('meter', { name: /Mois en cours/ })).toBeTruthy();
    expect(screen.getByRole('meter', { name: /Semestre en cours/ })).toBeTruthy();
    const periods = h.requests.map((r) => [r.url.searchParams.get('collectiviteId'), r.url.searchParams.get('period')]);
    expect(periods).toEqual(expect.arrayContaining([['c-metz', 'month'], ['c-metz', 'semester']]));
    expect(screen.getByText('Disque C:')).toBeTruthy();
    expect(screen.getByText('Metz · Mairie de Metz')).toBeTruthy();
    expect(screen.getByText('1 h 30 min')).toBeTruthy();
  });

  it('shows an error per gauge with a retry', async () => {
    const user = userEvent.setup();
    let fail = true;
    const h = createFeatureHarness({
      route: ({ url }) => (fail ? { status: 503, body: { error: { code: 'internal', message: 'down' } } } : url.pathname === '/api/v1/availability' ? { body: report(0.98) } : undefined),
    });
    render(<SlaPanel />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate())); // the reports are asked once the live snapshot is in
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(screen.getAllByText('Impossible de charger la disponibilité.')).toHaveLength(2);
    expect(h.requests.every((r) => !r.url.searchParams.has('collectiviteId'))).toBe(true);
    fail = false;
    await user.click(screen.getAllByRole('button', { name: 'Réessayer' })[0]!);
    await waitFor(() => expect(screen.getAllByTestId('availability-value')).toHaveLength(1));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('asks for the reports once the live snapshot is in, so the map paints first', async () => {
    const h = createFeatureHarness({ route: ({ url }) => (url.pathname === '/api/v1/availability' ? { body: report(0.98) } : undefined) });
    render(<SlaPanel />, { wrapper: h.Wrapper });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.requests).toHaveLength(0);
    act(() => h.snapshot(smallEstate()));
    await waitFor(() => expect(h.requests.map((r) => r.url.searchParams.get('period')).sort()).toEqual(['month', 'semester']));
  });

  it('does not wait for a snapshot that never comes more than 5 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = createFeatureHarness({ route: ({ url }) => (url.pathname === '/api/v1/availability' ? { body: report(0.98) } : undefined) });
    render(<SlaPanel />, { wrapper: h.Wrapper });
    act(() => void vi.advanceTimersByTime(4_999));
    expect(h.requests).toHaveLength(0);
    act(() => void vi.advanceTimersByTime(1));
    vi.useRealTimers();
    await waitFor(() => expect(screen.getAllByTestId('availability-value')).toHaveLength(2));
  });
});
