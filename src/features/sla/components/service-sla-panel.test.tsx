// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AvailabilityReport } from '../../../protocol/rest.ts';
import { createFeatureHarness, smallEstate, type FakeRequest } from '../../../test/feature-harness.tsx';
import { ServiceSlaPanel } from './service-sla-panel.tsx';

afterEach(cleanup);

const NOW = Date.UTC(2026, 11, 3, 9, 30);
const DEC = { from: Date.UTC(2026, 10, 30, 23), to: Date.UTC(2026, 11, 31, 23) };
const NOV = { from: Date.UTC(2026, 9, 31, 23), to: Date.UTC(2026, 10, 30, 23) };

function report(period: { from: number; to: number }, services: AvailabilityReport['services']): AvailabilityReport {
  return { scope: 'c-metz', ...period, target: 0.96, upSeconds: 1, downSeconds: 0, unmeasuredSeconds: 0, maintenanceSeconds: 0, ratio: 1, coverage: 1, errorBudgetMinutes: 0, probeCount: 2, worst: [], services };
}

function gateway({ method, url }: FakeRequest) {
  if (method !== 'GET' || url.pathname !== '/api/v1/availability') return undefined;
  const past = url.searchParams.get('from') !== null;
  return {
    body: past
      ? report(NOV, [{ service: 'internet', probeCount: 1, ratio: 0.93, downSeconds: 13 * 3600, outcome: 'missed', marginSeconds: -(5 * 3600 + 32 * 60) }])
      : report(DEC, [
          { service: 'internet', probeCount: 1, ratio: 0.9995, downSeconds: 5 * 60, outcome: 'met', marginSeconds: 6 * 3600 + 10 * 60 },
          { service: 'servers', probeCount: 1, ratio: null, downSeconds: 0, outcome: 'unmeasured', marginSeconds: 7 * 3600 },
        ]),
  };
}

describe('ServiceSlaPanel', () => {
  it('says each service’s month in one sentence, then a past month’s when chosen', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ role: 'referent', collectiviteId: 'c-metz', route: gateway, clock: () => NOW });
    render(<ServiceSlaPanel collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));

    const internet = await screen.findByRole('heading', { name: 'Accès à Internet' });
    const card = internet.closest('li')!;
    // 99,95 % reads 99,9 % (rounded down, never up to a figure not reached).
    expect(within(card).getByText('Ce mois-ci : 99,9 % — objectif 96 % tenu ; il reste 6 h 10 d’indisponibilité possible avant de passer sous l’objectif.')).toBeTruthy();
    expect(within(card).getByText('Objectif tenu')).toBeTruthy();
    expect(screen.getByText('Ce mois-ci : aucune mesure pour ce service.')).toBeTruthy();
    expect(screen.getAllByText(/^Comment on compte/)).toHaveLength(1);
    expect(h.requests.at(-1)!.url.searchParams.get('from')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Période'), 'Novembre 2026');
    await screen.findByText('Novembre 2026 : 93 % — objectif 96 % non tenu : 5 h 32 d’indisponibilité de trop.');
    const asked = h.requests.at(-1)!.url.searchParams;
    expect([asked.get('period'), asked.get('from')]).toEqual(['month', String(Date.UTC(2026, 10, 15, 12))]);
    expect(screen.queryByRole('heading', { name: 'Serveurs et disques' })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Période'), '1er semestre 2026');
    await waitFor(() => expect(h.requests.at(-1)!.url.searchParams.get('period')).toBe('semester'));
  });
});
