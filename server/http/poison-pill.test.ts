// Regression of issue #11 item 1: a comment holding a NUL character used to answer 500 and then
// block every later operator action of every collectivité (the persist queue retried the same
// refused incident forever). Against the real API and real PGlite: the bad text is a 400 naming
// the field, and the actions that follow are confirmed and on disk.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Incident } from '../../src/domain/model.ts';
import { StorageRefusedError } from '../ports.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

let gw: TestGateway;
let support: string;
let refC2: string;
let c1: Incident;
let c2: Incident;

beforeEach(async () => {
  gw = await startTestGateway();
  gw.source.emit('p-c1-1', 'CRITICAL');
  gw.source.emit('p-c2-1', 'CRITICAL');
  [c1, c2] = ['p-c1-1', 'p-c2-1'].map((probeId) => [...gw.supervision.incidents()].find((i) => i.probeId === probeId)!) as [Incident, Incident];
  support = await gw.login('support');
  refC2 = await gw.login('ref-c2');
});
afterEach(() => gw.close());

const act = (incident: Incident, token: string, body: unknown) =>
  gw.call('POST', `/incidents/${encodeURIComponent(incident.id)}/actions`, token, body);

it.each([
  ['a NUL character', 'a\u0000b'],
  ['a lone high surrogate', 'a\ud800b'],
  ['a lone low surrogate', '\udc00'],
])('refuses a comment holding %s with a 400 naming the field, and later actions persist', async (_, comment) => {
  const bad = await act(c1, support, { action: 'comment', comment });
  expect(bad.statusCode, bad.body).toBe(400);
  expect(bad.json()).toMatchObject({ error: { code: 'bad-request', field: 'comment' } });

  // Other collectivités, other users, other action types: still confirmed.
  const comment2 = await act(c2, refC2, { action: 'comment', comment: 'le prestataire passe demain' });
  expect(comment2.statusCode, comment2.body).toBe(200);
  const ack = await act(c1, support, { action: 'acknowledge', comment: 'pris en charge' });
  expect(ack.statusCode, ack.body).toBe(200);

  const stored = await gw.storage.loadIncidents({});
  const byId = new Map(stored.map((i) => [i.id, i]));
  expect(byId.get(c1.id)?.status).toBe('acknowledged');
  expect(byId.get(c2.id)?.timeline.map((e) => e.comment)).toContain('le prestataire passe demain');
  expect(JSON.stringify(stored)).not.toContain('\\u0000');
});

it('stores a comment in NFC, so the same words compare equal whatever the keyboard sent', async () => {
  const decomposed = 'Cle\u0301ment a ve\u0301rifie\u0301'; // "Clément a vérifié" typed as letter + combining accent
  const res = await act(c1, support, { action: 'comment', comment: decomposed });
  expect(res.statusCode, res.body).toBe(200);
  const stored = await gw.storage.loadIncident!(c1.id);
  expect(stored?.timeline.at(-1)?.comment).toBe('Clément a vérifié');
});

it('refuses a blank comment where one is required with a 400 naming it (not a 409 from the incident rules)', async () => {
  for (const action of ['comment', 'acknowledge']) {
    const res = await act(c1, support, { action, comment: ' \n\t\u00a0\u2028' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'bad-request', field: 'comment' } });
  }
});

it('counts the limit after normalisation and refuses longer comments with the field named', async () => {
  const res = await act(c1, support, { action: 'acknowledge', comment: 'x'.repeat(2001) });
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ error: { code: 'bad-request', field: 'comment' } });
});

it.each([
  ['10,000 NULs (60 KB of JSON)', '\u0000'.repeat(10_000)],
  ['10,000 escaped control characters', '\u0001'.repeat(10_000)],
  ['5,000 emoji', '😀'.repeat(5_000)],
])('answers a 400 naming the field, not a 413, for a 10,000-character comment of %s', async (_, comment) => {
  const res = await act(c1, support, { action: 'comment', comment });
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json()).toMatchObject({ error: { code: 'bad-request', field: 'comment' } });
  const login = await gw.call('POST', '/session', undefined, { login: comment, password: 'x' });
  expect(login.json()).toMatchObject({ error: { code: 'bad-request', field: 'login' } });
});

it.each([
  ['login', { login: 'sup\u0000port', password: 'pw-support' }],
  ['login', { login: '\ud800', password: 'pw-support' }],
  ['password', { login: 'support', password: 'pw\u0000' }],
])('refuses a %s holding NUL or a lone surrogate with a 400 naming it', async (field, body) => {
  const res = await gw.call('POST', '/session', undefined, body);
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json()).toMatchObject({ error: { code: 'bad-request', field } });
});

it('answers a clear error, at once, when the database refuses an action or does not answer, and keeps serving others', async () => {
  const storage = gw.storage;
  const append = storage.appendOperatorAction.bind(storage);
  const saveIncidents = storage.saveIncidents.bind(storage);
  storage.appendOperatorAction = async (row) => {
    if (row.comment === 'refusé') throw new StorageRefusedError('23514 check constraint');
    return append(row);
  };
  const refused = await act(c1, support, { action: 'comment', comment: 'refusé' });
  expect(refused.statusCode).toBe(500);
  expect(refused.json().error.message).toContain('action not recorded');
  expect(await storage.countDeadLetters()).toBe(1);
  await gw.supervision.persist();
  expect((await storage.loadIncident!(c1.id))?.timeline.some((e) => e.comment === 'refusé')).toBe(false);

  let away = true;
  storage.saveIncidents = async (rows) => {
    if (away) throw new Error('Connection terminated unexpectedly');
    return saveIncidents(rows);
  };
  const unanswered = await act(c2, refC2, { action: 'comment', comment: 'en attente' });
  expect(unanswered.statusCode).toBe(500);
  expect(unanswered.json().error.message).toContain('not confirmed');
  away = false;

  const ok = await act(c1, support, { action: 'acknowledge', comment: 'pris en charge' });
  expect(ok.statusCode, ok.body).toBe(200);
  const stored = new Map((await storage.loadIncidents({})).map((i) => [i.id, i]));
  expect(stored.get(c1.id)?.status).toBe('acknowledged');
  expect(stored.get(c1.id)?.timeline.some((e) => e.comment === 'refusé')).toBe(false);
  // The queued comment went in with the next write, as its answer said.
  expect(stored.get(c2.id)?.timeline.some((e) => e.comment === 'en attente')).toBe(true);

  // Support sees the dead letters and engine-text repairs in /health; a référent does not.
  const health = await gw.call('GET', '/health', support);
  expect(health.json()).toMatchObject({ storage: { deadLetters: 1 }, engineText: { repaired: 0 } });
  expect((await gw.call('GET', '/health', refC2)).json()).not.toHaveProperty('storage');
});
