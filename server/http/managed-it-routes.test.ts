// Managed IT over the real gateway (fastify + PGlite): conventions, actions counted in units with
// the 80 % warning and exhaustion, tickets from a référent linked to actions, and who may write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

let gw: TestGateway;
let support: string;
let referent: string;
const DAY = 86_400_000;

beforeAll(async () => {
  gw = await startTestGateway();
  support = await gw.login('support');
  referent = await gw.login('ref-c1');
});
afterAll(() => gw.close());

const conventionFor = (collectiviteId: string, number: string, unitsBought: number, start = gw.source.clock - 30 * DAY) => ({
  collectiviteId,
  number,
  start,
  end: start + 365 * DAY,
  unitsBought,
  renewal: 'tacit',
});
const actionFor = (collectiviteId: string, durationMinutes: number, extra: object = {}) => ({
  collectiviteId,
  at: gw.source.clock - DAY,
  durationMinutes,
  place: 'remote',
  kind: 'curative',
  technician: 'Camille',
  description: 'Redémarrage du serveur',
  ...extra,
});

describe('managed IT', () => {
  it('counts units per action, warns at 80 %, and ends the convention when they run out', async () => {
    const created = await gw.call('POST', '/managed-it/conventions', support, conventionFor('c1', '2026SUP001', 10));
    expect(created.statusCode).toBe(201);
    expect(created.json().standing).toMatchObject({ used: 0, left: 10, alert: 'ok', state: 'active' });

    const first = await gw.call('POST', '/managed-it/actions', support, actionFor('c1', 20));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ action: { units: 2, durationMs: 20 * 60_000, by: 'support' }, convention: { standing: { used: 2, left: 8, alert: 'ok' } } });

    // 8 units used = 80 %: the warning.
    const second = await gw.call('POST', '/managed-it/actions', support, actionFor('c1', 90, { kind: 'preventive', place: 'on-site', at: gw.source.clock - DAY + 3_600_000 }));
    expect(second.json().convention.standing).toMatchObject({ used: 8, left: 2, alert: 'warning' });

    // 2 left, a 45-minute action engages 3: counted whole, 1 unit of overrun, convention ended.
    const crossing = await gw.call('POST', '/managed-it/actions', support, actionFor('c1', 45, { at: gw.source.clock - DAY + 7_200_000 }));
    expect(crossing.statusCode).toBe(201);
    expect(crossing.json().convention.standing).toMatchObject({ used: 11, left: 0, overrun: 1, exhausted: true, alert: 'exhausted', state: 'exhausted' });

    const refused = await gw.call('POST', '/managed-it/actions', support, actionFor('c1', 5));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict', field: 'at' });
    expect(refused.json().error.message).toContain('renew');

    const listed = (await gw.call('GET', '/managed-it/conventions?collectiviteId=c1', support)).json().items;
    expect(listed).toEqual([expect.objectContaining({ number: '2026SUP001', standing: expect.objectContaining({ used: 11, exhausted: true }) })]);
    expect((await gw.call('GET', '/managed-it/actions?collectiviteId=c1', support)).json().items.map((a: { units: number }) => a.units)).toEqual([2, 6, 3]);
  });

  it('refuses an action with no convention in force, in the future, or on a ticket of another collectivité', async () => {
    expect((await gw.call('POST', '/managed-it/actions', support, actionFor('c2', 15))).statusCode).toBe(409);
    await gw.call('POST', '/managed-it/conventions', support, conventionFor('c2', '2026SUP002', 40));
    const future = await gw.call('POST', '/managed-it/actions', support, actionFor('c2', 15, { at: gw.source.clock + DAY }));
    expect(future.json().error).toMatchObject({ code: 'bad-request', field: 'at' });
    const c1Ticket = (await gw.call('POST', '/managed-it/tickets', referent, { subject: 'Imprimante', description: 'Ne répond plus' })).json().id;
    const wrongTicket = await gw.call('POST', '/managed-it/actions', support, actionFor('c2', 15, { ticketId: c1Ticket }));
    expect(wrongTicket.statusCode).toBe(404);
    expect((await gw.call('POST', '/managed-it/conventions', support, conventionFor('c2', '2026SUP002', 5))).statusCode).toBe(409);
    const tooLong = await gw.call('POST', '/managed-it/conventions', support, { ...conventionFor('c2', 'X1', 5), end: gw.source.clock + 400 * DAY });
    expect(tooLong.json().error).toMatchObject({ code: 'bad-request', field: 'end' });
  });

  it('lets a référent open tickets and read their own, never log actions or edit conventions', async () => {
    expect((await gw.call('POST', '/managed-it/actions', referent, actionFor('c1', 15))).statusCode).toBe(403);
    expect((await gw.call('POST', '/managed-it/conventions', referent, conventionFor('c1', 'R1', 5))).statusCode).toBe(403);

    const html = '<img src=x onerror=alert(1)> Écran <b>noir</b>';
    const ticket = await gw.call('POST', '/managed-it/tickets', referent, { subject: html, description: 'Le poste de l’accueil\nne démarre plus' });
    expect(ticket.statusCode).toBe(201);
    expect(ticket.json()).toMatchObject({ collectiviteId: 'c1', subject: html, status: 'open', by: 'ref-c1', actionIds: [] });
    const id = ticket.json().id as string;
    expect((await gw.call('POST', `/managed-it/tickets/${id}`, referent, { status: 'closed' })).statusCode).toBe(403);

    const nul = await gw.call('POST', '/managed-it/tickets', referent, { subject: 'a\u0000b', description: 'x' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.field).toBe('subject');

    // Support links an action to it (on a renewed convention, the first one being used up) and moves it on.
    const renewal = await gw.call('POST', '/managed-it/conventions', support, { ...conventionFor('c1', '2026SUP003', 20, gw.source.clock - 2 * DAY), renews: undefined });
    expect(renewal.statusCode).toBe(201);
    const linked = await gw.call('POST', '/managed-it/actions', support, actionFor('c1', 30, { ticketId: id, description: 'Remplacement\u0000' }));
    expect(linked.statusCode).toBe(400);
    const ok = await gw.call('POST', '/managed-it/actions', support, actionFor('c1', 30, { ticketId: id }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().convention).toMatchObject({ number: '2026SUP003', standing: { used: 2, left: 18 } });
    expect((await gw.call('POST', `/managed-it/tickets/${id}`, support, { status: 'resolved' })).json()).toMatchObject({ status: 'resolved', actionIds: [ok.json().action.id], units: 2 });

    const own = (await gw.call('GET', '/managed-it/tickets', referent)).json().items;
    expect(own.map((t: { collectiviteId: string }) => t.collectiviteId)).toEqual(['c1', 'c1']);
    expect(own.find((t: { id: string }) => t.id === id)).toMatchObject({ subject: html, status: 'resolved', units: 2 });
    // A référent reads their collectivité's conventions and actions only.
    expect((await gw.call('GET', '/managed-it/conventions', referent)).json().items.every((c: { collectiviteId: string }) => c.collectiviteId === 'c1')).toBe(true);
    expect((await gw.call('GET', '/managed-it/actions', referent)).json().items.length).toBe(4);
  });
});
