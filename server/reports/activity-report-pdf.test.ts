// The managed-IT semester activity report (art. 7) through the real gateway: support logs actions
// and a référent a request; both download the PDF, read back with pdftotext; pages rendered.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../http/api-gateway.test-kit.ts';
import { pdfPages, pdfText, popplerMissing } from './pdf/pdf-tools.test-kit.ts';

let gw: TestGateway;
let support: string;
let referent: string;
const DAY = 86_400_000;
// The test gateway's clock: 2 March 2026, in the first semester.

beforeAll(async () => {
  gw = await startTestGateway();
  support = await gw.login('support');
  referent = await gw.login('ref-c1');
  const start = gw.source.clock - 40 * DAY;
  await gw.call('POST', '/managed-it/conventions', support, { collectiviteId: 'c1', number: '2026SUP007', start, end: start + 365 * DAY, unitsBought: 12 });
  const ticket = (await gw.call('POST', '/managed-it/tickets', referent, { subject: 'Écran noir à l’accueil <b>urgent</b>', description: 'Le poste ne démarre plus' })).json().id;
  const action = (minutes: number, kind: string, place: string, at: number, extra: object = {}) =>
    gw.call('POST', '/managed-it/actions', support, { collectiviteId: 'c1', at, durationMinutes: minutes, kind, place, technician: 'Camille Müller', description: `Intervention ${minutes} min — œuvre`, ...extra });
  expect((await action(20, 'preventive', 'remote', gw.source.clock - 10 * DAY)).statusCode).toBe(201);
  expect((await action(50, 'curative', 'on-site', gw.source.clock - 2 * DAY, { ticketId: ticket })).statusCode).toBe(201);
  // Last semester's action (before the convention): refused, so it cannot appear.
  expect((await action(15, 'curative', 'remote', gw.source.clock - 100 * DAY)).statusCode).toBe(409);
});
afterAll(() => gw.close());

describe.skipIf(popplerMissing)('the managed-IT semester activity report', () => {
  it('prints the units, preventive against curative, every action, the requests and the availability summary', async () => {
    const res = await gw.call('GET', '/managed-it/report.pdf', referent);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('activite-infogerance-c1-2026-01.pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toMatch(/Rapport d’activité semestriel\s+d’infogérance/);
    expect(text).toContain('Commune 1');
    expect(text).toContain('1er semestre 2026 (du 01/01/2026 au 30/06/2026)');
    expect(text).toContain('Convention n° 2026SUP007');
    expect(text).toMatch(/Unités souscrites : 12/);
    // 20 min → 2 units, 50 min → 4 units: 6 used, 6 left.
    expect(text).toMatch(/Unités utilisées sur le semestre : 6/);
    expect(text).toMatch(/Unités restantes : 6/);
    expect(text).toMatch(/Maintenance préventive : 1 action\(s\), 2 unités/);
    expect(text).toMatch(/Maintenance curative : 1 action\(s\), 4 unités/);
    expect(text).toContain('Camille Müller');
    expect(text).toContain('demande « Écran noir');
    expect(text).toContain('Intervention 50 min — œuvre');
    expect(text).toContain('Écran noir à l’accueil <b>urgent</b>');
    expect(text).toContain('Disponibilité des services supervisés');
    expect(text).toContain('1 unité par tranche de 15 minutes');

    const pages = pdfPages(res.rawPayload, 50);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    if (process.env.VIGIE_PDF_PAGES) {
      mkdirSync(process.env.VIGIE_PDF_PAGES, { recursive: true });
      pages.forEach((p, i) => copyFileSync(p, join(process.env.VIGIE_PDF_PAGES!, `activity-report-${i + 1}.png`)));
    }
  });

  it('gives the same bytes twice, support and référent alike, and refuses other collectivités', async () => {
    const a = await gw.call('GET', '/managed-it/report.pdf?collectiviteId=c1', support);
    const b = await gw.call('GET', '/managed-it/report.pdf', referent);
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    expect((await gw.call('GET', '/managed-it/report.pdf?collectiviteId=c2', referent)).statusCode).toBe(403);
    expect((await gw.call('GET', '/managed-it/report.pdf', support)).json().error.field).toBe('collectiviteId');
  });

  it('says so when a semester had no activity', async () => {
    const res = await gw.call('GET', `/managed-it/report.pdf?collectiviteId=c2`, support);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Aucune convention d’infogérance sur la période');
    expect(text).toContain('Aucune activité d’infogérance enregistrée');
    expect(text).toContain('Aucune demande d’assistance sur la période.');
  });
});
