// @vitest-environment jsdom
// Support's alarm settings against a fake gateway: the collectivité is found by typing, a refused
// save says why in French and never "Enregistré.", an accepted one does; a dead letter is retried
// and said to be queued again only after the gateway's answer.
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { createFeatureHarness, smallEstate, type FakeRequest } from '../../../test/feature-harness.tsx';
import { SupportAlarmSettings } from './support-alarm-settings.tsx';

afterEach(cleanup);

const deadLetter = {
  id: 'p1@1:opened|ref-metz|mail',
  collectiviteId: 'c-metz',
  incidentId: 'p1@1',
  subject: 'Metz · Mairie de Metz · Accès Internet',
  recipientId: 'ref-metz',
  recipientName: 'Référente Metz',
  address: 'ref@metz.fr',
  channel: 'mail',
  state: 'dead',
  attempts: 5,
  kind: 'opened',
  queuedAt: 1,
  nextAt: Date.UTC(2026, 2, 2, 9),
  lastError: '550 mailbox unavailable',
};

function gateway() {
  let saves = 0;
  let dead = [deadLetter];
  const saved: unknown[] = [];
  const route = (r: FakeRequest) => {
    const path = r.url.pathname.replace('/api/v1', '');
    if (r.method === 'GET' && path === '/alarms/recipients') return { body: saved };
    if (r.method === 'GET' && path === '/alarms/dead-letters') return { body: { items: dead, total: dead.length } };
    if (r.method === 'POST' && path === '/alarms/dead-letters/retry') {
      dead = [];
      return { body: { retried: 1 } };
    }
    if (r.method === 'POST' && path.startsWith('/alarms/recipients/')) {
      // The first save is refused as the gateway refuses a bad address; the second is stored.
      if (saves++ === 0) return { status: 400, body: { error: { code: 'bad-request', message: 'email: not a usable mail address', field: 'email' } } };
      const recipient = { ...(r.body as object), id: decodeURIComponent(path.split('/').at(-1)!) };
      saved.push(recipient);
      return { body: recipient };
    }
    return undefined;
  };
  return route;
}

it('finds a collectivité by typing, refuses a bad address in French, saves only what the gateway stored', async () => {
  const user = userEvent.setup();
  const h = createFeatureHarness({ route: gateway() });
  render(<SupportAlarmSettings />, { wrapper: h.Wrapper });
  act(() => h.snapshot(smallEstate()));

  await user.type(screen.getByRole('combobox', { name: 'Collectivité' }), 'thion');
  expect(screen.queryByRole('option', { name: 'Metz' })).toBeNull();
  expect(screen.getByRole('option', { name: 'Thionville' })).toBeTruthy();
  await user.keyboard('{Enter}');
  await screen.findByRole('heading', { name: 'Destinataires — Thionville' });
  expect(screen.getByText(/Aucun destinataire ici/)).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Ajouter un destinataire' }));
  await user.type(screen.getByLabelText('Nom'), 'Secrétariat de mairie');
  await user.type(screen.getByLabelText('Adresse mail'), 'mairie@thionville.fr');
  await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
  await screen.findByText(/Non enregistré : adresse mail invalide : attendu nom@domaine\.fr/);
  expect(screen.queryByText('Enregistré.')).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
  await screen.findByText('Enregistré.');
  const posts = h.requests.filter((r) => r.method === 'POST');
  expect(posts.at(-1)!.url.pathname).toMatch(/^\/api\/v1\/alarms\/recipients\/secretariat-de-mairie-[a-z0-9]+$/);
  expect(posts.at(-1)!.body).toMatchObject({ audience: 'referent', collectiviteId: 'c-thionville', name: 'Secrétariat de mairie', email: 'mairie@thionville.fr', rules: { events: { 'incident-critical': ['mail'] } } });
  // The same form now edits what was stored (a second save would update, not create).
  await screen.findByRole('heading', { name: 'Modifier Secrétariat de mairie' });
  expect(await screen.findByRole('listitem', { name: 'Secrétariat de mairie' })).toBeTruthy();
});

it('lists a dead letter with its reason and retries it', async () => {
  const user = userEvent.setup();
  const h = createFeatureHarness({ route: gateway() });
  render(<SupportAlarmSettings />, { wrapper: h.Wrapper });
  act(() => h.snapshot(smallEstate()));
  const retry = await screen.findByRole('button', { name: /^Réessayer Metz · Mairie de Metz · Accès Internet → Référente Metz \(Mail\)$/ });
  expect(screen.getByText(/5 essais, dernier échec : 550 mailbox unavailable/)).toBeTruthy();
  expect(screen.queryByText(/remise en file/)).toBeNull();
  await user.click(retry);
  await screen.findByText('1 alarme remise en file : le prochain passage l’envoie.');
  expect(h.requests.find((r) => r.url.pathname.endsWith('/retry'))!.body).toEqual({ ids: [deadLetter.id] });
  await screen.findByText('Aucune alarme abandonnée.');
});
