// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../domain/model.ts';
import { createFeatureHarness, makeIncident, smallEstate, type FakeRequest } from '../../../test/feature-harness.tsx';
import { IncidentsPanel } from './incidents-panel.tsx';

afterEach(cleanup);

const base = Date.UTC(2026, 2, 2, 8);
const cause = makeIncident({ id: 'cut', collectiviteId: 'c-metz', openedAt: base });
const link = { kind: 'area-cut', incidentId: 'cut', probeId: cause.probeId, collectiviteId: 'c-metz' } as const;
const attached = [
  makeIncident({ id: 'a1', collectiviteId: 'c-metz', openedAt: base + 1, cause: link }),
  makeIncident({ id: 'a2', collectiviteId: 'c-thionville', openedAt: base + 2, cause: link }),
];
const alone = makeIncident({ id: 'alone', collectiviteId: 'c-thionville', openedAt: base + 3 });

/** GET /incidents grouped by cause (or one cause's attached incidents) and POST /incidents/actions, in memory. */
function gateway(all: Incident[]) {
  return ({ method, url, body }: FakeRequest) => {
    if (method === 'GET' && url.pathname === '/api/v1/incidents') {
      const causeId = url.searchParams.get('causeId');
      if (causeId) {
        const items = all.filter((i) => i.cause?.incidentId === causeId);
        return { body: { items, total: items.length, page: 1, pageSize: 500 } };
      }
      const items = all.filter((i) => !i.cause);
      const grouped = url.searchParams.get('grouping') === 'cause';
      return { body: { items, total: items.length, page: 1, pageSize: 20, ...(grouped ? { attached: { cut: 2 } } : {}) } };
    }
    if (method === 'POST' && url.pathname === '/api/v1/incidents/actions') {
      const { incidentIds, action } = body as { incidentIds: string[]; action: { action: string; comment: string } };
      const results = incidentIds.map((id) => {
        const index = all.findIndex((i) => i.id === id);
        const at = base + 3_600_000;
        all[index] = { ...all[index]!, status: 'acknowledged', acknowledgedAt: at, timeline: [...all[index]!.timeline, { at, kind: 'acknowledged', by: 'alice', comment: action.comment }], version: all[index]!.version + 1 };
        return { incidentId: id, ok: true, incident: all[index] };
      });
      return { body: { results } };
    }
    return undefined;
  };
}

describe('incidents grouped by cause', () => {
  it('shows one row per cause, expands its attached incidents, and acknowledges them with it in one request', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ route: gateway([cause, ...attached, alone]) });
    render(<IncidentsPanel />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));

    const toggle = await screen.findByRole('button', { name: '+2 sondes rattachées' });
    expect(h.requests.find((r) => r.url.pathname === '/api/v1/incidents')?.url.searchParams.get('grouping')).toBe('cause');
    expect(screen.getAllByRole('button', { name: /Détails de l’incident/ })).toHaveLength(2);
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = await screen.findByRole('list', { name: /Incidents rattachés à/ });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(h.requests.at(-1)?.url.searchParams.get('causeId')).toBe('cut');

    const causeRow = toggle.closest('li')!;
    await user.click(within(causeRow).getByRole('button', { name: /Détails de l’incident/ }));
    expect((within(causeRow).getByRole('checkbox', { name: 'Appliquer aussi aux 2 incidents rattachés' }) as HTMLInputElement).checked).toBe(true);
    await user.type(within(causeRow).getByLabelText('Commentaire'), 'Coupure fibre, opérateur prévenu');
    await user.click(within(causeRow).getByRole('button', { name: 'Acquitter' }));
    await within(causeRow).findByText('Acquittés : 3 incidents.');
    const posts = h.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({ incidentIds: ['cut', 'a1', 'a2'], action: { action: 'acknowledge', comment: 'Coupure fibre, opérateur prévenu' } });
    await waitFor(() => expect(within(list).getAllByText('Acquitté')).toHaveLength(2));
  });

  it('unticked, the action is the cause’s alone', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ route: gateway([cause, ...attached, alone]) });
    render(<IncidentsPanel />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    const toggle = await screen.findByRole('button', { name: '+2 sondes rattachées' });
    const causeRow = toggle.closest('li')!;
    await user.click(within(causeRow).getByRole('button', { name: /Détails de l’incident/ }));
    await user.click(within(causeRow).getByRole('checkbox', { name: /Appliquer aussi/ }));
    await user.type(within(causeRow).getByLabelText('Commentaire'), 'vu');
    await user.click(within(causeRow).getByRole('button', { name: 'Acquitter' }));
    await waitFor(() => expect(h.requests.some((r) => r.method === 'POST')).toBe(true));
    expect(h.requests.filter((r) => r.method === 'POST').map((r) => r.url.pathname)).toEqual(['/api/v1/incidents/cut/actions']);
  });
});
