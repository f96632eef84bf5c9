// The yearly contribution through the real gateway: the finance list with its total as CSV, the
// référent's own row, and the "appel à contribution" PDF read back with pdftotext.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';
import { pdfText, popplerMissing } from '../reports/pdf/pdf-tools.test-kit.ts';
import { yearlyContribution } from '../../src/domain/contribution.ts';

let gw: TestGateway;
let support: string;
let referent: string;

beforeAll(async () => {
  gw = await startTestGateway();
  support = await gw.login('support');
  referent = await gw.login('ref-c1');
});
afterAll(() => gw.close());

describe('contribution', () => {
  it('lists each collectivité with its probes, pack and euros; the CSV adds the total', async () => {
    const rows = (await gw.call('GET', '/contribution', support)).json() as Array<{ collectiviteId: string; probesInUse: number; packSize: number; eurosPerYear: number }>;
    const probes = gw.supervision.estate().probes;
    expect(rows.map((r) => r.collectiviteId)).toEqual(['c1', 'c2']);
    for (const r of rows) {
      const inUse = probes.filter((p) => gw.supervision.collectiviteOf(p.id) === r.collectiviteId).length;
      expect(r).toEqual({ collectiviteId: r.collectiviteId, probesInUse: inUse, ...yearlyContribution(inUse) });
    }
    const csv = await gw.call('GET', '/export/contribution.csv', support);
    expect(csv.headers['content-disposition']).toContain('contribution-2026.csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('annee;collectivite_id;collectivite;sondes_en_service;pack_souscrit;euros_par_an');
    expect(lines[1]).toBe(`2026;c1;Commune 1;${rows[0]!.probesInUse};${rows[0]!.packSize};${rows[0]!.eurosPerYear}`);
    const total = rows.reduce((sum, r) => sum + r.eurosPerYear, 0);
    expect(lines.at(-1)).toBe(`2026;TOTAL;2 collectivités;${rows[0]!.probesInUse + rows[1]!.probesInUse};${rows[0]!.packSize + rows[1]!.packSize};${total}`);
  });

  it('gives a référent their own row and CSV only', async () => {
    expect((await gw.call('GET', '/contribution', referent)).json().map((r: { collectiviteId: string }) => r.collectiviteId)).toEqual(['c1']);
    const csv = (await gw.call('GET', '/export/contribution.csv', referent)).body;
    expect(csv).toContain('Commune 1');
    expect(csv).not.toContain('Commune 2');
    expect((await gw.call('GET', '/contribution/appel.pdf?collectiviteId=c2', referent)).statusCode).toBe(403);
    expect((await gw.call('GET', '/contribution/appel.pdf', support)).json().error.field).toBe('collectiviteId');
  });

  it.skipIf(popplerMissing)('writes the appel à contribution of the second semester', async () => {
    const res = await gw.call('GET', '/contribution/appel.pdf', referent);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('appel-contribution-c1-2026.pdf');
    const text = pdfText(res.rawPayload);
    const inUse = (await gw.call('GET', '/contribution', referent)).json()[0].probesInUse as number;
    expect(text).toContain('Appel à contribution 2026');
    expect(text).toContain('Commune 1');
    expect(text).toContain('appel du second semestre 2026');
    expect(text).toContain(`Sondes en service : ${inUse}`);
    expect(text).toContain(`Pack souscrit : ${yearlyContribution(inUse).packSize} sondes`);
    expect(text).toContain(`Montant de la contribution : ${yearlyContribution(inUse).eurosPerYear},00 €`);
    expect(Buffer.compare(res.rawPayload, (await gw.call('GET', '/contribution/appel.pdf?collectiviteId=c1', support)).rawPayload)).toBe(0);
  });
});
