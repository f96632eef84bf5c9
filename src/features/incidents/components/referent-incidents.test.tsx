// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../domain/model.ts';
import { createFeatureHarness, makeIncident, smallEstate, type FakeRequest } from '../../../test/feature-harness.tsx';
import { ReferentIncidents } from './referent-incidents.tsx';

afterEach(cleanup);

const H = 3_600_000;
const base = Date.UTC(2026, 2, 2, 8);
const ACTIVE = ['open', 'acknowledged', 'in-progress'];

/** Metz: 2 open incidents and 13 resolved ones. */
function fixtures(): Incident[] {
  return [
    makeIncident({ id: 'now-1', collectiviteId: 'c-metz', openedAt: base + 20 * H }),
    makeIncident({ id: 'now-2', collectiviteId: 'c-metz', openedAt: base + 19 * H, status: 'acknowledged', acknowledgedAt: base + 19.5 * H }),
    ...Array.from({ length: 13 }, (_, i) => makeIncident({ id: `old-${i}`, collectiviteId: 'c-metz', openedAt: base - (i + 1) * 24 * H, status: 'resolved', resolvedAt: base - (i + 1) * 24 * H + H })),
  ];
}

/** GET /incidents as the gateway answers it: status (active / ended / one), siteId, pages. */
function gateway(all: Incident[]) {
  return ({ method, url }: FakeRequest) => {
    if (method !== 'GET' || url.pathname !== '/api/v1/incidents') return undefined;
    const q = url.searchParams;
    const status = q.get('status');
    const matching = all.filter(
      (i) =>
        (!q.get('siteId') || i.siteId === q.get('siteId')) &&
        (!status || (status === 'active' ? ACTIVE.includes(i.status) : status === 'ended' ? !ACTIVE.includes(i.status) : i.status === status)),
    );
    const page = Number(q.get('page') ?? 1);
    const pageSize = Number(q.get('pageSize') ?? 50);
    return { body: { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize } };
  };
}

const section = (name: RegExp | string) => screen.getByRole('region', { name });
const rowsIn = (name: RegExp | string) => within(section(name)).queryAllByRole('button', { name: /Détails de l’incident/ });

describe('ReferentIncidents', () => {
  it('shows the open incidents first, then the past 12 months page by page, asked with the history range', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ role: 'referent', collectiviteId: 'c-metz', route: gateway(fixtures()) });
    render(<ReferentIncidents collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));

    await waitFor(() => expect(rowsIn(/^En cours/)).toHaveLength(2));
    expect(section(/^En cours/).textContent).toContain('2 incidents');
    await waitFor(() => expect(rowsIn('Les 12 derniers mois')).toHaveLength(10));
    expect(within(section('Les 12 derniers mois')).getByText('Page 1 sur 2 · 13 incidents')).toBeTruthy();

    const asked = h.requests.map((r) => r.url.searchParams);
    const past = asked.find((q) => q.get('status') === 'ended')!;
    expect(past.get('collectiviteId')).toBe('c-metz');
    const [from, to] = [Number(past.get('from')), Number(past.get('to'))];
    expect(to - from).toBeGreaterThanOrEqual(365 * 24 * H);
    expect(to - from).toBeLessThanOrEqual(367 * 24 * H);
    expect(asked.find((q) => q.get('status') === 'active')?.get('from')).toBeNull();

    await user.click(screen.getByRole('button', { name: /Page suivante/ }));
    await waitFor(() => expect(rowsIn('Les 12 derniers mois')).toHaveLength(3));
    expect(rowsIn(/^En cours/)).toHaveLength(2);
  });

  it('filters by site and by state: a resolved state leaves the open section out', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ role: 'referent', collectiviteId: 'c-metz', route: gateway(fixtures()) });
    render(<ReferentIncidents collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    await waitFor(() => expect(rowsIn(/^En cours/)).toHaveLength(2));

    await user.selectOptions(screen.getByLabelText('Site'), 'Mairie de Metz');
    await waitFor(() => expect(h.requests.at(-1)?.url.searchParams.get('siteId')).toBe('s-c-metz'));

    await user.selectOptions(screen.getByLabelText('État'), 'Résolus');
    await waitFor(() => expect(screen.queryByRole('region', { name: /^En cours/ })).toBeNull());
    await waitFor(() => expect(h.requests.at(-1)?.url.searchParams.get('status')).toBe('resolved'));

    await user.selectOptions(screen.getByLabelText('État'), 'Pris en charge');
    await waitFor(() => expect(rowsIn(/^En cours/)).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'Les 12 derniers mois' })).toBeNull();
    expect(section(/^En cours/).textContent).toMatch(/Pris en charge par la cellule support/);
  });

  it('says so when there is nothing, and offers a retry when the gateway fails', async () => {
    let fail = true;
    const h = createFeatureHarness({
      role: 'referent',
      collectiviteId: 'c-metz',
      route: (request) => (fail && request.url.searchParams.get('status') === 'ended' ? { status: 500, body: { error: { code: 'internal', message: 'down' } } } : gateway([])(request)),
    });
    render(<ReferentIncidents collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    await within(section(/^En cours/)).findByText('Aucun incident en cours pour ces filtres.');
    const alert = await within(section('Les 12 derniers mois')).findByRole('alert');
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await within(section('Les 12 derniers mois')).findByText('Aucun incident résolu sur les 12 derniers mois pour ces filtres.');
  });
});
