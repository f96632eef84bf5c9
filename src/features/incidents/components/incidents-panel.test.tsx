// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../../domain/model.ts';
import { createFeatureHarness, makeIncident, smallEstate, type FakeRequest } from '../../../test/feature-harness.tsx';
import { probeStatus } from '../../../live/live-fixtures.ts';
import { IncidentsPanel } from './incidents-panel.tsx';

afterEach(cleanup);

const H = 3_600_000;
const base = Date.UTC(2026, 2, 2, 8);

/** 30 incidents in Metz (the first 25 active), 5 in Thionville. */
function fixtures(): Incident[] {
  const metz = Array.from({ length: 30 }, (_, i) =>
    makeIncident({ id: `m${i}`, collectiviteId: 'c-metz', openedAt: base + i * H, status: i < 25 ? 'open' : 'resolved' }),
  );
  const thionville = Array.from({ length: 5 }, (_, i) => makeIncident({ id: `t${i}`, collectiviteId: 'c-thionville', openedAt: base + i * H }));
  return [...metz, ...thionville];
}

/** The gateway's GET /incidents and POST /incidents/:id/actions, over an in-memory list. */
function gateway(all: Incident[]) {
  return ({ method, url, body }: FakeRequest) => {
    if (method === 'GET' && url.pathname === '/api/v1/incidents') {
      const q = url.searchParams;
      const status = q.get('status');
      const matching = all.filter(
        (i) =>
          (!q.get('collectiviteId') || i.collectiviteId === q.get('collectiviteId')) &&
          (!status || (status === 'active' ? ['open', 'acknowledged', 'in-progress'].includes(i.status) : i.status === status)),
      );
      const page = Number(q.get('page') ?? 1);
      const pageSize = Number(q.get('pageSize') ?? 50);
      return { body: { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize } };
    }
    const action = /^\/api\/v1\/incidents\/([^/]+)\/actions$/.exec(url.pathname);
    if (method === 'POST' && action) {
      const index = all.findIndex((i) => i.id === action[1]);
      const incident = all[index]!;
      const { action: kind, comment } = body as { action: string; comment?: string };
      const at = base + 100 * H;
      const updated: Incident =
        kind === 'acknowledge'
          ? { ...incident, status: 'acknowledged', acknowledgedAt: at, timeline: [...incident.timeline, { at, kind: 'acknowledged', by: 'alice', comment }], version: incident.version + 1 }
          : { ...incident, status: 'in-progress', interventionAt: at, timeline: [...incident.timeline, { at, kind: 'intervention-started', by: 'alice' }], version: incident.version + 1 };
      all[index] = updated;
      return { body: updated };
    }
    return undefined;
  };
}

function rows() {
  return screen.getAllByRole('button', { name: /Détails de l’incident/ });
}

describe('IncidentsPanel', () => {
  it('pages through the active incidents and filters them by collectivité and state', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ route: gateway(fixtures()) });
    render(<IncidentsPanel />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));

    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(screen.getByText('Page 1 sur 2 · 30 incidents')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Page précédente/ })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: /Page suivante/ }));
    await waitFor(() => expect(screen.getByText('Page 2 sur 2 · 30 incidents')).toBeTruthy());
    expect(rows()).toHaveLength(10);
    expect(h.requests.at(-1)?.url.searchParams.get('page')).toBe('2');

    // The collectivité filter is a combobox: typed without the accent/case, picked with the keyboard.
    const collectivite = screen.getByRole('combobox', { name: 'Collectivité' });
    await user.click(collectivite);
    await user.keyboard('THION');
    expect(within(screen.getByRole('listbox', { name: 'Collectivité' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['Thionville']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect((collectivite as HTMLInputElement).value).toBe('Thionville');
    await waitFor(() => expect(screen.getByText('Page 1 sur 1 · 5 incidents')).toBeTruthy());
    const last = h.requests.at(-1)!.url.searchParams;
    expect(last.get('collectiviteId')).toBe('c-thionville');
    expect(last.get('page')).toBe('1');
    expect(last.get('status')).toBe('active');
    // A single collectivité gets its state timeline.
    expect(screen.getByRole('figure', { name: 'Chronologie des incidents' })).toBeTruthy();

    await user.clear(collectivite);
    await user.type(collectivite, 'metz');
    await user.click(screen.getByRole('option', { name: 'Metz' }));
    await user.selectOptions(screen.getByLabelText('État'), 'Résolus');
    await waitFor(() => expect(screen.getByText('Page 1 sur 1 · 5 incidents')).toBeTruthy());
    expect(h.requests.at(-1)!.url.searchParams.get('status')).toBe('resolved');

    await user.selectOptions(screen.getByLabelText('État'), 'Clos');
    await waitFor(() => expect(screen.getByText('Aucun incident pour ces filtres.')).toBeTruthy());
  });

  it('shows an error with a retry when the gateway fails', async () => {
    const user = userEvent.setup();
    let fail = true;
    const ok = gateway(fixtures());
    const h = createFeatureHarness({ route: (r) => (fail ? { status: 500, body: { error: { code: 'internal', message: 'boom' } } } : ok(r)) });
    render(<IncidentsPanel />, { wrapper: h.Wrapper });
    expect(screen.getByText('Chargement des incidents…')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Impossible de charger les incidents.'));
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(rows()).toHaveLength(20));
  });

  it('acknowledges only with a comment, calls the API and refetches the list', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ route: gateway(fixtures()) });
    render(<IncidentsPanel collectiviteId="c-thionville" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(rows()[0]!);
    const form = screen.getByRole('form', { name: 'Actions' });

    await user.click(within(form).getByRole('button', { name: 'Acquitter' }));
    expect(within(form).getByRole('alert').textContent).toBe('Saisissez un commentaire : il est obligatoire pour cette action.');
    expect(document.activeElement).toBe(within(form).getByLabelText('Commentaire'));
    expect(h.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    const listCalls = h.requests.length;
    await user.type(within(form).getByLabelText('Commentaire'), 'Box redémarrée à distance');
    await user.click(within(form).getByRole('button', { name: 'Acquitter' }));
    await waitFor(() => expect(screen.getByText('Incident acquitté.')).toBeTruthy());
    const post = h.requests.find((r) => r.method === 'POST')!;
    expect(post.url.pathname).toBe('/api/v1/incidents/t0/actions');
    expect(post.body).toEqual({ action: 'acknowledge', comment: 'Box redémarrée à distance' });
    // The list was invalidated and fetched again; the row now says "Acquitté".
    await waitFor(() => expect(h.requests.length).toBeGreaterThan(listCalls + 1));
    await waitFor(() => expect(within(rows()[0]!).getByText('Acquitté')).toBeTruthy());
    expect(screen.getByText('« Box redémarrée à distance »')).toBeTruthy();

    // Acknowledged: the next step is the intervention, which needs no comment.
    const after = screen.getByRole('form', { name: 'Actions' });
    expect(within(after).queryByRole('button', { name: 'Acquitter' })).toBeNull();
    await user.click(within(after).getByRole('button', { name: 'Démarrer l’intervention' }));
    await waitFor(() => expect(h.requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    expect(h.requests.filter((r) => r.method === 'POST')[1]!.body).toEqual({ action: 'start-intervention' });
  });

  it('keeps the incident you acted on, with its detail and confirmation, until you move on (#17)', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ route: gateway(fixtures()) });
    render(<IncidentsPanel collectiviteId="c-thionville" renderGti={(i) => <span data-testid="gti">GTI de {i.id}</span>} />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.selectOptions(screen.getByLabelText('État'), 'open');
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(rows()[1]!);
    expect(screen.getByTestId('gti').textContent).toBe('GTI de t1'); // the detail shows its GTI clock
    const form = screen.getByRole('form', { name: 'Actions' });
    await user.type(within(form).getByLabelText('Commentaire'), 'vu');
    await user.click(within(form).getByRole('button', { name: 'Acquitter' }));
    await waitFor(() => expect(screen.getByText('Incident acquitté.')).toBeTruthy());
    // The refetched "Ouverts" page no longer holds t1; it stays where it was, acknowledged.
    await waitFor(() => expect(h.requests.filter((r) => r.method === 'GET' && r.url.searchParams.get('status') === 'open').length).toBeGreaterThan(1));
    await waitFor(() => expect(within(rows()[1]!).getByText('Acquitté')).toBeTruthy());
    expect(rows()).toHaveLength(5);
    expect(screen.getByText('Incident acquitté.')).toBeTruthy();
    // Moving on (closing the detail) lets the filter apply.
    await user.click(screen.getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
  });

  it('offers "Clore" on a resolved incident to the support cell', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ route: gateway(fixtures()) });
    render(<IncidentsPanel collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    await user.selectOptions(await screen.findByLabelText('État'), 'resolved');
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(rows()[0]!);
    const form = screen.getByRole('form', { name: 'Actions' });
    expect(within(form).getByRole('button', { name: 'Clore' }).getAttribute('type')).toBe('submit');
    expect(within(form).queryByRole('button', { name: 'Acquitter' })).toBeNull();
  });

  it('shows a live incident update on its row at once, without waiting for a refetch', async () => {
    const all = fixtures();
    const h = createFeatureHarness({ route: gateway(all) });
    render(<IncidentsPanel collectiviteId="c-thionville" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [all.find((i) => i.id === 't0')!]));
    await waitFor(() => expect(rows()).toHaveLength(5));
    const gets = h.requests.filter((r) => r.method === 'GET').length;
    const t0 = all.find((i) => i.id === 't0')!;
    const at = base + 50 * H;
    // Only the live stream knows: the REST list still says "open".
    act(() => h.incidents([{ ...t0, status: 'acknowledged', acknowledgedAt: at, timeline: [...t0.timeline, { at, kind: 'acknowledged', by: 'bob', comment: 'vu' }], version: t0.version + 1 }]));
    await waitFor(() => expect(within(rows()[0]!).getByText('Acquitté')).toBeTruthy());
    expect(h.requests.filter((r) => r.method === 'GET').length).toBe(gets);
  });

  it('keeps the newer copy by version: a page fresher than the live store wins its row', async () => {
    const all = fixtures();
    const t0 = all.find((i) => i.id === 't0')!;
    const at = base + 50 * H;
    // The gateway already has version 3 (in progress); the live store still holds version 1.
    all[all.indexOf(t0)] = { ...t0, status: 'in-progress', interventionAt: at, timeline: [...t0.timeline, { at, kind: 'intervention-started', by: 'bob' }], version: 3 };
    const h = createFeatureHarness({ route: gateway(all) });
    render(<IncidentsPanel collectiviteId="c-thionville" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [t0]));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(within(rows()[0]!).getByText('En intervention')).toBeTruthy();
  });

  it('lets a référent comment but never acknowledge or start an intervention', async () => {
    const user = userEvent.setup();
    const h = createFeatureHarness({ role: 'referent', collectiviteId: 'c-metz', route: gateway(fixtures()) });
    render(<IncidentsPanel collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate()));
    await waitFor(() => expect(rows()).toHaveLength(20));
    // No collectivité filter: the scope is fixed.
    expect(screen.queryByLabelText('Collectivité')).toBeNull();
    await user.click(rows()[0]!);
    const form = screen.getByRole('form', { name: 'Actions' });
    expect(within(form).queryByRole('button', { name: 'Acquitter' })).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Démarrer l’intervention' })).toBeNull();
    expect(within(form).getByRole('button', { name: 'Ajouter le commentaire' })).toBeTruthy();

    // Closing the details hands the keyboard focus back to the incident's line.
    await user.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(screen.queryByRole('form', { name: 'Actions' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(rows()[0]));
  });

  it("shows the probe's plugin output in the incident's details, as text", async () => {
    const user = userEvent.setup();
    const all = fixtures();
    const t0 = all.find((i) => i.id === 't0')!;
    const output = 'DISK CRITICAL - free space: C:\\ 1 GB (2 %) <b>not bold</b>';
    const h = createFeatureHarness({ route: gateway(all) });
    render(<IncidentsPanel collectiviteId="c-thionville" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [t0], [probeStatus(t0.probeId, 'CRITICAL', base, output)]));
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(rows()[0]!);
    const shown = screen.getByTestId('probe-output');
    expect(within(shown).getByText('Ce que dit la sonde (Critique)')).toBeTruthy();
    expect(within(shown).getByText(output)).toBeTruthy();
    expect(shown.querySelector('b')).toBeNull();
  });

  it('says the plugin sentence and keeps its perfdata behind "détails"', async () => {
    const user = userEvent.setup();
    const all = fixtures();
    const t0 = all.find((i) => i.id === 't0')!;
    const h = createFeatureHarness({ route: gateway(all) });
    render(<IncidentsPanel collectiviteId="c-thionville" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [t0], [probeStatus(t0.probeId, 'CRITICAL', base, 'DISK CRITICAL - / 95 % used|/=57GB;51;57;0;60')]));
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(rows()[0]!);
    const shown = screen.getByTestId('probe-output');
    expect(within(shown).getByText('DISK CRITICAL - / 95 % used')).toBeTruthy();
    const details = shown.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(within(details).getByText('détails')).toBeTruthy();
    expect(within(details).getByText('/=57GB;51;57;0;60')).toBeTruthy();
  });

  it('shows engine text as text, never as markup', async () => {
    const user = userEvent.setup();
    const estate = smallEstate();
    estate.probes[0]!.name = '<img src=x onerror=alert(1)>';
    const h = createFeatureHarness({ route: gateway(fixtures()) });
    render(<IncidentsPanel collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(estate));
    await waitFor(() => expect(rows()).toHaveLength(20));
    await user.click(rows()[0]!);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText('<img src=x onerror=alert(1)>').length).toBeGreaterThan(0);
  });

  it("draws running incidents up to the gateway's now, even when the browser's clock is behind", async () => {
    const ahead = 2 * H;
    // Opened an hour ago for the gateway: an hour in the future for the browser.
    const incident = makeIncident({ id: 'live', collectiviteId: 'c-metz', openedAt: Date.now() + ahead - H });
    const h = createFeatureHarness({ route: gateway([incident]), serverClock: () => Date.now() + ahead });
    render(<IncidentsPanel collectiviteId="c-metz" />, { wrapper: h.Wrapper });
    act(() => h.snapshot(smallEstate(), [incident]));
    const row = await waitFor(() => {
      const found = document.querySelector('[data-timeline-row="live"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(row.querySelector('[data-phase="open"]')).not.toBeNull();
  });
});
