// The alarm routes through the real gateway (fastify, PGlite): validation with clear 400s, who may
// save which recipient, and the deliveries of an incident for support only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

let gw: TestGateway;
let support: string;
let ref1: string;
let c1Incident: string;

const body = (over: Record<string, unknown> = {}) => ({
  audience: 'referent',
  collectiviteId: 'c1',
  name: 'Référente Commune 1',
  email: 'referente@commune1.fr',
  mobile: '06 12 34 56 78',
  language: 'fr',
  rules: { events: { 'incident-critical': ['mail', 'sms'], 'maintenance-announced': ['mail'] }, smsWindow: 'covered-hours' },
  ...over,
});

beforeAll(async () => {
  gw = await startTestGateway();
  gw.source.emit('p-c1-1', 'CRITICAL');
  c1Incident = [...gw.supervision.incidents()].find((i) => i.collectiviteId === 'c1')!.id;
  await gw.supervision.persist();
  support = await gw.login('support');
  ref1 = await gw.login('ref-c1');
});
afterAll(() => gw.close());

describe('alarm recipients', () => {
  it('support saves a recipient; the mobile is stored in E.164', async () => {
    const res = await gw.call('POST', '/alarms/recipients/ref-c1', support, body({ login: 'ref-c1' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'ref-c1', mobile: '+33612345678', email: 'referente@commune1.fr', enabled: true });
    expect((await gw.call('GET', '/alarms/recipients', support)).json()).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['an address with a space', { email: 'jean dupont@commune1.fr' }, 'email', /not a usable mail address/],
    ['an address with CR/LF (header injection)', { email: 'a@b.fr\r\nBcc: x@evil.example' }, 'email', /not a usable mail address/],
    ['two addresses', { email: 'a@b.fr,c@d.fr' }, 'email', /not a usable mail address/],
    ['a landline', { mobile: '03 87 00 00 00' }, 'mobile', /not a mobile number/],
    ['letters for a number', { mobile: 'zéro six' }, 'mobile', /not a mobile number/],
    ['a name over two lines', { name: 'Jean\r\nBcc: x@evil.example' }, 'name', /one line/],
    ['an unknown event class', { rules: { events: { everything: ['mail'] }, smsWindow: 'always' } }, 'rules.events', /./],
    ['an unknown channel', { rules: { events: { 'incident-critical': ['pigeon'] }, smsWindow: 'always' } }, 'rules.events.incident-critical.0', /./],
  ])('refuses %s with a 400 naming the field', async (_name, over, field, message) => {
    const res = await gw.call('POST', '/alarms/recipients/someone', support, body(over));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad-request', field });
    expect(res.json().error.message).toMatch(message);
  });

  it('refuses a bad id, an unknown collectivité, a référent without one', async () => {
    expect((await gw.call('POST', '/alarms/recipients/Bad%20Id', support, body())).statusCode).toBe(400);
    expect((await gw.call('POST', '/alarms/recipients/x', support, body({ collectiviteId: 'c9' }))).statusCode).toBe(404);
    expect((await gw.call('POST', '/alarms/recipients/x', support, body({ collectiviteId: undefined }))).json().error.field).toBe('collectiviteId');
  });

  it('a référent edits only themselves: their address and preferences, never their scope', async () => {
    const own = await gw.call('POST', '/alarms/recipients/ref-c1', ref1, body({ email: 'nouvelle@commune1.fr', language: 'en' }));
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ email: 'nouvelle@commune1.fr', language: 'en', collectiviteId: 'c1', login: 'ref-c1', audience: 'referent' });
    await gw.call('POST', '/alarms/recipients/astreinte', support, body({ audience: 'support', collectiviteId: undefined, email: 'noc@moselle-fibre.fr' }));
    expect((await gw.call('POST', '/alarms/recipients/astreinte', ref1, body())).statusCode).toBe(403);
    expect((await gw.call('DELETE', '/alarms/recipients/astreinte', ref1)).statusCode).toBe(403);
    expect((await gw.call('POST', '/alarms/recipients/ref-c1', ref1, body({ audience: 'support' }))).statusCode).toBe(403);
    expect((await gw.call('GET', '/alarms/recipients', ref1)).json().map((r: { id: string }) => r.id)).toEqual(['ref-c1']);
    expect((await gw.call('DELETE', '/alarms/recipients/nobody', support)).statusCode).toBe(404);
    expect((await gw.call('DELETE', '/alarms/recipients/astreinte', support)).statusCode).toBe(204);
  });

  it('deliveries of an incident: support reads the addresses, a référent gets 403 even for its own', async () => {
    const path = `/incidents/${encodeURIComponent(c1Incident)}/deliveries`;
    const event = { key: `${c1Incident}:opened`, kind: 'opened' as const, at: 1, collectiviteId: 'c1', incidentId: c1Incident, severity: 'CRITICAL' as const, subject: { collectivite: 'Commune 1' } };
    await gw.storage.alarms!.plan([], [{ id: `${event.key}|ref-c1|mail`, eventKey: event.key, recipientId: 'ref-c1', channel: 'mail', event, state: 'failed', attempts: 1, queuedAt: 1, nextAt: 2, lastError: '421 busy' }]);
    const res = await gw.call('GET', path, support);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ recipientId: 'ref-c1', recipientName: 'Référente Commune 1', address: 'nouvelle@commune1.fr', channel: 'mail', state: 'failed', attempts: 1, kind: 'opened', queuedAt: 1, nextAt: 2, lastError: '421 busy' }]);
    expect((await gw.call('GET', path, ref1)).statusCode).toBe(403);
    expect((await gw.call('GET', '/incidents/nope/deliveries', support)).statusCode).toBe(404);
  });

  it('dead letters: support lists them and retries one; the retry is due at once with fresh attempts; others get 403', async () => {
    const event = { key: `${c1Incident}:reopened`, kind: 'reopened' as const, at: 1, collectiviteId: 'c1', incidentId: c1Incident, severity: 'CRITICAL' as const, subject: { collectivite: 'Commune 1', site: 'Mairie', probe: 'Accès Internet' } };
    const dead = { eventKey: event.key, channel: 'mail' as const, event, state: 'dead' as const, attempts: 5, queuedAt: 1, lastError: '550 mailbox unavailable' };
    await gw.storage.alarms!.plan([], [
      { ...dead, id: `${event.key}|ref-c1|mail`, recipientId: 'ref-c1', nextAt: 10 },
      { ...dead, id: `${event.key}|gone|mail`, recipientId: 'gone', nextAt: 20 },
    ]);
    const list = await gw.call('GET', '/alarms/dead-letters', support);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      total: 2,
      items: [
        expect.objectContaining({ id: `${event.key}|gone|mail`, recipientId: 'gone', state: 'dead', subject: 'Commune 1 · Mairie · Accès Internet' }),
        expect.objectContaining({ id: `${event.key}|ref-c1|mail`, recipientName: 'Référente Commune 1', address: 'nouvelle@commune1.fr', collectiviteId: 'c1', incidentId: c1Incident, attempts: 5, lastError: '550 mailbox unavailable' }),
      ],
    });
    expect((await gw.call('GET', '/alarms/dead-letters', ref1)).statusCode).toBe(403);
    expect((await gw.call('POST', '/alarms/dead-letters/retry', ref1, { ids: [`${event.key}|ref-c1|mail`] })).statusCode).toBe(403);
    expect((await gw.call('POST', '/alarms/dead-letters/retry', support, { ids: [] })).statusCode).toBe(400);

    // A delivery that is not dead (the failed one above) is not touched; the dead one is due now.
    const retry = await gw.call('POST', '/alarms/dead-letters/retry', support, { ids: [`${event.key}|ref-c1|mail`, `${c1Incident}:opened|ref-c1|mail`, 'nope'] });
    expect(retry.json()).toEqual({ retried: 1 });
    const rows = await gw.storage.alarms!.deliveriesOf(c1Incident);
    expect(rows.find((r) => r.id === `${event.key}|ref-c1|mail`)).toMatchObject({ state: 'failed', attempts: 0 });
    expect(rows.find((r) => r.id === `${c1Incident}:opened|ref-c1|mail`)).toMatchObject({ state: 'failed', attempts: 1, nextAt: 2 });
    expect((await gw.call('GET', '/alarms/dead-letters', support)).json()).toMatchObject({ total: 1, items: [{ recipientId: 'gone' }] });
  });
});
