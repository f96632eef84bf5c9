// The period report PDF through the real route: what a collectivité receives, read back as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../http/api-gateway.test-kit.ts';
import { periodReportPdf } from './period-report-pdf.ts';
import { pdfPages, pdfText, popplerMissing } from './pdf/pdf-tools.test-kit.ts';

let gw: TestGateway;
let support: string;
let incidentId: string;
const APRIL = Date.UTC(2026, 3, 2, 15); // Thursday 2 April 2026, 17:00 in Paris: Good Friday and Easter Monday follow

beforeAll(async () => {
  gw = await startTestGateway({ clock: APRIL });
  gw.source.emit('p-c1-1', 'CRITICAL');
  incidentId = [...gw.supervision.incidents()].find((i) => i.collectiviteId === 'c1')!.id;
  await gw.supervision.persist();
  support = await gw.login('support');
  await gw.call('POST', '/maintenances', support, { collectiviteId: 'c1', siteIds: ['s-c1'], start: APRIL + 3_600_000, end: APRIL + 7_200_000, nature: 'Remplacement du commutateur de l’école' });
});
afterAll(() => gw.close());

describe.skipIf(popplerMissing)('the period report PDF', () => {
  it('has the cover, availability against 96 %, GTI, incidents, maintenance, managed IT and the calendar footer', async () => {
    const res = await gw.call('GET', '/reports/period.pdf?collectiviteId=c1&period=year', support);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rapport-c1-2026-01-01-2026-12-31\.pdf"$/);
    const text = pdfText(res.rawPayload);
    for (const expected of [
      'Rapport de service',
      'Commune 1',
      'Période : du 01/01/2026 au 31/12/2026',
      'Disponibilité par service',
      'objectif 96 %',
      'Serveurs et disques', // the convention's service of the fixture's disks, as the référent's view names it
      'Garantie de temps d’intervention (GTI)',
      'Incidents',
      'Mairie 1 — Disque 1',
      'critique',
      'Remplacement du commutateur de l’école',
      'Activité d’infogérance',
      'Aucune activité d’infogérance enregistrée',
      'Heures couvertes : lundi–vendredi, 09:00–17:30 (Europe/Paris), hors jours fériés.',
      '03/04/2026', // Good Friday (Alsace-Moselle)
      '26/12/2026',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('Commune 2');
    expect(text).not.toContain('Stockage des serveurs'); // per kind of probe, before the convention's services
  });

  it('gives the same bytes for the same data and reference time', async () => {
    const a = await gw.call('GET', '/reports/period.pdf?collectiviteId=c1&period=month', support);
    const b = await gw.call('GET', '/reports/period.pdf?collectiviteId=c1&period=month', support);
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
  });

  it('lists managed-IT actions when the activity provider has some', async () => {
    const report = (await gw.call('GET', '/reports/period?collectiviteId=c1&period=semester', support)).json();
    const pdf = await periodReportPdf(report, {
      timeZone: 'Europe/Paris',
      managedIt: { unitsUsed: 3, unitsLeft: 97, convention: 'INF-2026-004', actions: [{ at: APRIL, durationMinutes: 31, units: 3, place: 'on-site', nature: 'curative', technician: 'Léa Muller', description: 'Redémarrage du NAS', reference: incidentId }] },
    });
    const text = pdfText(pdf);
    expect(text).toContain('INF-2026-004');
    expect(text).toContain('Léa Muller');
    expect(text).toContain('sur site');
    expect(text).not.toContain('Aucune activité d’infogérance enregistrée');
    const pages = pdfPages(pdf, 70, process.env.VIGIE_PDF_PAGES);
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('asks support for a collectivité (a PDF is per collectivité)', async () => {
    const res = await gw.call('GET', '/reports/period.pdf?period=month', support);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('collectiviteId');
  });
});
