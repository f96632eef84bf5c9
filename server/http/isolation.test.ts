// Contract art. 8: a référent never sees another collectivité's data. The référent of c1 tries
// every route with c2's ids and gets refusals; every answer it gets carries no trace of c2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';
import { pdfText, popplerMissing } from '../reports/pdf/pdf-tools.test-kit.ts';
import { REPORT_TABLES } from './report-routes.ts';
import { areaCutEstate } from '../supervision/area-estate.test-kit.ts';

let gw: TestGateway;
let token: string;
let c1Incident: string;
let c2Incident: string;
let c1Window: string;
let c2Window: string;
let c2Ticket: string;

/** Everything that would betray c2: ids and names of the fixture's second collectivité. */
const C2_TRACES = ['c2', 'Commune 2', 'Mairie 2', 'Serveur 2'];

function expectNoC2(body: string) {
  for (const trace of C2_TRACES) expect(body, `leaked "${trace}"`).not.toContain(trace);
}

beforeAll(async () => {
  gw = await startTestGateway();
  gw.source.emit('p-c1-1', 'CRITICAL');
  gw.source.emit('p-c2-1', 'CRITICAL');
  const incidents = [...gw.supervision.incidents()];
  c1Incident = incidents.find((i) => i.collectiviteId === 'c1')!.id;
  c2Incident = incidents.find((i) => i.collectiviteId === 'c2')!.id;
  await gw.supervision.persist();
  const support = await gw.login('support');
  const schedule = async (collectiviteId: string, siteId: string) => {
    const window = { collectiviteId, siteIds: [siteId], start: gw.source.clock + 3_600_000, end: gw.source.clock + 7_200_000, nature: `travaux ${collectiviteId}` };
    return (await gw.call('POST', '/maintenances', support, window)).json().id as string;
  };
  c1Window = await schedule('c1', 's-c1');
  c2Window = await schedule('c2', 's-c2');
  // Alarm recipients of both collectivités (docs/alarms.md): c1's référent may see only its own.
  const rules = { events: { 'incident-critical': ['mail' as const] }, smsWindow: 'always' as const };
  await gw.storage.alarms!.saveRecipient({ id: 'ref-c1', audience: 'referent', collectiviteId: 'c1', name: 'Référent 1', email: 'ref1@commune1.fr', language: 'fr', rules, login: 'ref-c1', enabled: true });
  await gw.storage.alarms!.saveRecipient({ id: 'ref-c2', audience: 'referent', collectiviteId: 'c2', name: 'Référent Commune 2', email: 'ref2@c2.fr', language: 'fr', rules, login: 'ref-c2', enabled: true });
  // Managed IT of both collectivités: conventions, an action each, a ticket each.
  const DAY = 86_400_000;
  for (const c of ['c1', 'c2']) {
    const convention = { collectiviteId: c, number: `CONV-${c}`, start: gw.source.clock - DAY, end: gw.source.clock + 300 * DAY, unitsBought: 10 };
    expect((await gw.call('POST', '/managed-it/conventions', support, convention)).statusCode).toBe(201);
    const action = { collectiviteId: c, at: gw.source.clock - 3_600_000, durationMinutes: 20, place: 'remote', kind: 'curative', technician: 'Tech', description: `action ${c}` };
    expect((await gw.call('POST', '/managed-it/actions', support, action)).statusCode).toBe(201);
  }
  const ticket = await gw.call('POST', '/managed-it/tickets', support, { collectiviteId: 'c2', subject: 'Commune 2 imprimante', description: 'c2' });
  c2Ticket = ticket.json().id;
  token = await gw.login('ref-c1');
  await gw.call('POST', '/managed-it/tickets', token, { subject: 'Poste accueil', description: 'ne démarre plus' });
});
afterAll(() => gw.close());

describe('isolation between collectivités', () => {
  const recipientBody = { audience: 'referent', collectiviteId: 'c2', name: 'x', email: 'x@c2.fr', language: 'fr', rules: { events: {}, smsWindow: 'always' } };
  const forbiddenCalls = (): Array<[method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown]> => [
    ['GET', '/collectivites/c2'],
    ['GET', '/sites/s-c2'],
    ['GET', '/probes/p-c2-1'],
    ['GET', '/incidents?collectiviteId=c2'],
    ['GET', `/incidents/${encodeURIComponent(c2Incident)}`],
    ['POST', `/incidents/${encodeURIComponent(c2Incident)}/actions`, { action: 'comment', comment: 'hello' }],
    ['POST', `/incidents/${encodeURIComponent(c2Incident)}/actions`, { action: 'close' }],
    ['POST', `/incidents/${encodeURIComponent(c2Incident)}/actions`, { bogus: true }],
    ['POST', '/incidents/actions', { incidentIds: [c2Incident], action: { action: 'comment', comment: 'hello' } }],
    ['POST', '/incidents/actions', { incidentIds: [c1Incident, c2Incident], action: { action: 'acknowledge', comment: 'vu' } }],
    ['GET', '/availability?collectiviteId=c2'],
    ['GET', '/availability?collectiviteId=c2&period=year'],
    ['GET', '/gti?collectiviteId=c2'],
    ['GET', '/contribution?collectiviteId=c2'],
    ['GET', '/history?probeId=p-c2-1'],
    ['GET', '/history?siteId=s-c2&period=year'],
    ['GET', '/export/incidents.csv?collectiviteId=c2&period=month'],
    ['GET', '/export/availability.csv?collectiviteId=c2&period=month'],
    ['GET', '/reports/period?collectiviteId=c2'],
    ['GET', '/reports/period?collectiviteId=c2&period=year'],
    ['GET', '/reports/period.pdf?collectiviteId=c2&period=semester'],
    ...REPORT_TABLES.map((t): ['GET', string] => ['GET', `/export/report/${t}.csv?collectiviteId=c2&period=year`]),
    ['GET', '/maintenances?collectiviteId=c2'],
    ['GET', '/maintenances?collectiviteId=c2&phase=all'],
    ['GET', `/maintenances/${c2Window}`],
    ['POST', '/maintenances', { collectiviteId: 'c2', siteIds: ['s-c2'], start: gw.source.clock + 3_600_000, end: gw.source.clock + 7_200_000, nature: 'x' }],
    ['POST', `/maintenances/${c2Window}`, { collectiviteId: 'c2', siteIds: ['s-c2'], start: gw.source.clock + 3_600_000, end: gw.source.clock + 7_200_000, nature: 'x' }],
    ['DELETE', `/maintenances/${c2Window}`],
    ['GET', `/incidents/${encodeURIComponent(c2Incident)}/deliveries`],
    ['POST', '/alarms/recipients/ref-c2', recipientBody],
    ['POST', '/alarms/recipients/new-one', recipientBody],
    ['DELETE', '/alarms/recipients/ref-c2'],
    ['GET', '/alarms/dead-letters'],
    ['POST', '/alarms/dead-letters/retry', { ids: ['x'] }],
    ['GET', '/managed-it/conventions?collectiviteId=c2'],
    ['GET', '/managed-it/actions?collectiviteId=c2'],
    ['GET', '/managed-it/tickets?collectiviteId=c2'],
    ['GET', '/managed-it/report.pdf?collectiviteId=c2'],
    ['GET', '/export/contribution.csv?collectiviteId=c2'],
    ['GET', '/contribution/appel.pdf?collectiviteId=c2'],
    ['POST', '/managed-it/tickets', { collectiviteId: 'c2', subject: 'x', description: 'y' }],
    ['POST', `/managed-it/tickets/${c2Ticket}`, { status: 'closed' }],
    ['POST', '/managed-it/actions', { collectiviteId: 'c2', at: gw.source.clock, durationMinutes: 15, place: 'remote', kind: 'curative', technician: 't', description: 'd' }],
    ['POST', '/managed-it/actions', { collectiviteId: 'c1', at: gw.source.clock, durationMinutes: 15, place: 'remote', kind: 'curative', technician: 't', description: 'd' }],
    ['POST', '/managed-it/conventions', { collectiviteId: 'c2', number: 'X', start: gw.source.clock, end: gw.source.clock + 1000, unitsBought: 1 }],
    ['POST', '/managed-it/conventions', { collectiviteId: 'c1', number: 'X', start: gw.source.clock, end: gw.source.clock + 1000, unitsBought: 1 }],
  ];

  it('refuses every route for c2 ids with 403 and no c2 data', async () => {
    for (const [method, path, body] of forbiddenCalls()) {
      const res = await gw.call(method, path, token, body);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json()).toEqual({ error: expect.objectContaining({ code: 'forbidden' }) });
      expectNoC2(res.body);
    }
    // The refused comment left no trace on c2's incident.
    expect(gw.supervision.incident(c2Incident)?.timeline.some((e) => e.kind === 'commented')).toBe(false);
  });

  it('filters every list and report to c1 without leaking c2', async () => {
    const paths = [
      '/me',
      '/health',
      '/calendar',
      '/collectivites',
      '/collectivites/c1',
      '/sites/s-c1',
      '/probes/p-c1-1',
      '/incidents',
      '/incidents?status=active',
      '/incidents?period=year',
      '/incidents?siteId=s-c1&status=ended&period=year',
      '/incidents?siteId=s-c2',
      `/incidents/${encodeURIComponent(c1Incident)}`,
      '/availability',
      '/gti?period=year',
      '/contribution',
      '/history?probeId=p-c1-1',
      '/history?siteId=s-c1&period=semester',
      '/export/incidents.csv',
      '/export/availability.csv?period=semester',
      '/reports/period',
      '/reports/period?period=year',
      `/reports/period?from=${Date.UTC(2025, 0, 1)}&to=${Date.UTC(2026, 5, 1)}`,
      ...REPORT_TABLES.map((t) => `/export/report/${t}.csv?period=year&separator=comma&bom=0`),
      '/maintenances',
      '/maintenances?phase=all',
      `/maintenances/${c1Window}`,
      '/alarms/recipients',
      '/managed-it/conventions',
      '/managed-it/actions',
      '/managed-it/tickets',
      '/managed-it/report.pdf',
      '/export/contribution.csv',
      '/contribution/appel.pdf',
    ];
    for (const path of paths) {
      const res = await gw.call('GET', path, token);
      expect(res.statusCode, path).toBe(200);
      expectNoC2(res.body);
    }
    // Not vacuous: c1's own data is there.
    expect((await gw.call('GET', '/incidents', token)).json().items.map((i: { id: string }) => i.id)).toEqual([c1Incident]);
    // The référent's availability per service counts only their probes.
    const services = (await gw.call('GET', '/availability', token)).json().services as Array<{ probeCount: number }>;
    expect(services.length).toBeGreaterThan(0);
    expect(services.reduce((sum, s) => sum + s.probeCount, 0)).toBe((await gw.call('GET', '/availability', token)).json().probeCount);
    // Another collectivité's site as a filter finds nothing: the scope applies first.
    expect((await gw.call('GET', '/incidents?siteId=s-c2', token)).json()).toMatchObject({ items: [], total: 0 });
    expect((await gw.call('GET', '/incidents?siteId=s-c1', token)).json().items.map((i: { id: string }) => i.id)).toEqual([c1Incident]);
    expect((await gw.call('GET', '/collectivites', token)).json()).toEqual([expect.objectContaining({ id: 'c1', name: 'Commune 1' })]);
    expect((await gw.call('GET', '/export/incidents.csv', token)).body).toContain(c1Incident);
    const report = (await gw.call('GET', '/reports/period?period=year', token)).json();
    expect(report.collectiviteId).toBe('c1');
    expect(report.incidents.map((i: { id: string }) => i.id)).toEqual([c1Incident]);
    expect((await gw.call('GET', '/export/report/incidents.csv?period=year', token)).body).toContain(c1Incident);
    // The référent's PDF is their own: its text names c1 and nothing of c2.
    const pdf = await gw.call('GET', '/reports/period.pdf?period=year', token);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (!popplerMissing) {
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain('Commune 1');
      expectNoC2(text);
    }
    expect((await gw.call('GET', '/maintenances', token)).json().items.map((w: { id: string }) => w.id)).toEqual([c1Window]);
    // The refused calls changed nothing of c2's window.
    expect(gw.supervision.maintenance.get(c2Window)).toMatchObject({ nature: 'travaux c2' });
    expect(gw.supervision.maintenance.get(c2Window)?.cancelledAt).toBeUndefined();
    expect((await gw.call('GET', '/alarms/recipients', token)).json()).toEqual([expect.objectContaining({ id: 'ref-c1', email: 'ref1@commune1.fr' })]);
    expect((await gw.call('GET', '/managed-it/conventions', token)).json().items).toEqual([expect.objectContaining({ number: 'CONV-c1', standing: expect.objectContaining({ used: 2 }) })]);
    expect((await gw.call('GET', '/managed-it/actions', token)).json().items).toEqual([expect.objectContaining({ description: 'action c1' })]);
    expect((await gw.call('GET', '/managed-it/tickets', token)).json().items).toEqual([expect.objectContaining({ subject: 'Poste accueil' })]);
    // The refused writes changed nothing of c2's managed IT.
    const c2Tickets = (await gw.call('GET', '/managed-it/tickets?collectiviteId=c2', await gw.login('support'))).json().items;
    expect(c2Tickets).toEqual([expect.objectContaining({ id: c2Ticket, status: 'open' })]);
  });

  it('lets a référent comment on its own incidents only, and the kiosk act on none', async () => {
    const own = `/incidents/${encodeURIComponent(c1Incident)}/actions`;
    const ack = await gw.call('POST', own, token, { action: 'acknowledge', comment: 'vu' });
    expect(ack.statusCode).toBe(403);
    expect(ack.json().error.field).toBe('action');
    const comment = await gw.call('POST', own, token, { action: 'comment', comment: 'la mairie est fermée' });
    expect(comment.statusCode).toBe(200);
    expect(comment.json().timeline.at(-1)).toMatchObject({ kind: 'commented', by: 'ref-c1', comment: 'la mairie est fermée' });

    const { ensureKioskToken } = await import('../accounts/gateway-secrets.ts');
    const kiosk = (await gw.call('POST', '/session/kiosk', undefined, { token: (await ensureKioskToken(gw.storage.accounts)).token })).json().token;
    expect((await gw.call('POST', own, kiosk, { action: 'comment', comment: 'x' })).statusCode).toBe(403);
    expect((await gw.call('GET', `/incidents/${encodeURIComponent(c2Incident)}`, kiosk)).statusCode).toBe(200);
  });

  it('answers 404, not someone else’s data, for ids that do not exist', async () => {
    const support = await gw.login('support');
    for (const path of ['/collectivites/c9', '/sites/nope', '/probes/nope', '/incidents/nope', '/maintenances/nope', '/availability?collectiviteId=c9', '/reports/period?collectiviteId=c9', '/reports/period.pdf?collectiviteId=c9', '/export/report/probes.csv?collectiviteId=c9', '/export/report/nope.csv', '/managed-it/tickets?collectiviteId=c9']) {
      const res = await gw.call('GET', path, support);
      expect(res.statusCode, path).toBe(404);
    }
  });
});

// An area cut spans collectivités: c2's access fell first, so c2's incident is the cause of c1's
// dependents. c1's référent sees its own dependents, attached to "an area cut", never c2's cause.
describe('isolation of root causes across collectivités', () => {
  let area: TestGateway;
  let ref: string;
  let cause: string;
  let c1Dependents: string[];
  beforeAll(async () => {
    area = await startTestGateway({ estate: areaCutEstate() });
    area.source.emit('p-c2-net', 'CRITICAL');
    area.source.emit('p-c1-net', 'CRITICAL', { afterMs: 120_000 });
    area.source.emit('p-c3-net', 'CRITICAL', { afterMs: 120_000 });
    area.source.emit('p-c1-cam', 'CRITICAL', { afterMs: 30_000 });
    const incidents = [...area.supervision.incidents()];
    cause = incidents.find((i) => i.probeId === 'p-c2-net')!.id;
    c1Dependents = incidents.filter((i) => i.collectiviteId === 'c1').map((i) => i.id);
    // Not vacuous: c1's incidents are attached to c2's.
    for (const id of c1Dependents) expect(area.supervision.incident(id)?.cause).toMatchObject({ kind: 'area-cut', incidentId: cause, collectiviteId: 'c2' });
    await area.supervision.persist();
    ref = await area.login('ref-c1');
  });
  afterAll(() => area.close());

  it('lists and shows c1’s dependents with the kind of their cause only', async () => {
    for (const path of ['/incidents', '/incidents?grouping=cause', '/incidents?grouping=cause&status=active', ...c1Dependents.map((id) => `/incidents/${encodeURIComponent(id)}`)]) {
      const res = await area.call('GET', path, ref);
      expect(res.statusCode, path).toBe(200);
      expectNoC2(res.body);
      expect(res.body, path).toContain('area-cut');
    }
    // Seen from c1, its dependents of another collectivité's cause each have their own row.
    const grouped = (await area.call('GET', '/incidents?grouping=cause', ref)).json();
    expect(grouped.items.map((i: { id: string }) => i.id).sort()).toEqual([...c1Dependents].sort());
    const comment = await area.call('POST', `/incidents/${encodeURIComponent(c1Dependents[0]!)}/actions`, ref, { action: 'comment', comment: 'coupure chez nous aussi' });
    expect(comment.statusCode).toBe(200);
    expectNoC2(comment.body);
  });

  it('refuses to expand c2’s cause row for c1’s référent', async () => {
    const res = await area.call('GET', `/incidents?causeId=${encodeURIComponent(cause)}`, ref);
    expect(res.statusCode).toBe(403);
    expectNoC2(res.body);
  });

  it('support sees one cause row holding every attached incident, and expands it', async () => {
    const support = await area.login('support');
    const grouped = (await area.call('GET', '/incidents?grouping=cause&status=active', support)).json();
    expect(grouped.items.map((i: { id: string }) => i.id)).toEqual([cause]);
    expect(grouped.attached).toEqual({ [cause]: 3 });
    const attached = (await area.call('GET', `/incidents?causeId=${encodeURIComponent(cause)}`, support)).json();
    expect(attached.items.map((i: { probeId: string }) => i.probeId).sort()).toEqual(['p-c1-cam', 'p-c1-net', 'p-c3-net']);
  });
});
