import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createReportPdf } from './report-pdf.ts';
import { pdfFonts, pdfPages, pdfText, popplerMissing } from './pdf-tools.test-kit.ts';

const at = new Date(Date.UTC(2026, 6, 1, 8, 0, 0));

async function sample(creationDate = at, rows = 3) {
  const pdf = createReportPdf({ title: 'Rapport de disponibilité', creationDate });
  pdf.cover({ title: 'Rapport de disponibilité', subtitle: 'Communauté de communes de l’Arc mosellan', lines: ['Période : 1er semestre 2026', 'Édité le 1er juillet 2026'] });
  pdf.section('Disponibilité par service');
  pdf.barChart({
    bars: [
      { label: 'Mairie — accès Internet', value: 0.991 },
      { label: 'École élémentaire — caméra', value: 0.93 },
      { label: 'Atelier — NAS', value: null },
    ],
    min: 0.8,
    max: 1,
    format: (v) => `${(v * 100).toFixed(1).replace('.', ',')} %`,
    target: { value: 0.96, label: 'objectif 96 %' },
    missing: 'non mesuré',
  });
  pdf.section('Incidents');
  pdf.table({
    columns: [{ header: 'Sonde', width: 3 }, { header: 'Ouvert', width: 2 }, { header: 'Durée', width: 1, align: 'right' }],
    rows: Array.from({ length: rows }, (_, i) => [`Caméra n° ${i + 1} floutée =HYPERLINK("x")`, '2026-03-02 10:00', '1 h 05']),
  });
  pdf.section('Infogérance');
  pdf.note('Aucune activité d’infogérance enregistrée');
  pdf.keyValues([['Unités utilisées', '12'], ['Solde', '88 €']]);
  pdf.footer(['Heures couvertes : lundi–vendredi 9:00–17:30, Europe/Paris, hors jours fériés.', 'Jours fériés : 3 avril (Vendredi saint), 26 décembre.']);
  return pdf.finish();
}

describe.skipIf(popplerMissing)('createReportPdf', () => {
  it('writes accented text, tables, charts and footers that pdftotext reads back', async () => {
    const text = pdfText(await sample());
    for (const expected of ['Rapport de disponibilité', 'Communauté de communes de l’Arc mosellan', 'Édité le 1er juillet 2026', 'objectif 96 %', '99,1 %', 'non mesuré', 'Caméra n° 1 floutée =HYPERLINK("x")', 'Aucune activité d’infogérance enregistrée', 'Solde : 88 €', 'lundi–vendredi 9:00–17:30']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/1\s*\/\s*2/);
    expect(text).toMatch(/2\s*\/\s*2/);
  });

  it('embeds its fonts (subset DejaVu Sans), no standard font', async () => {
    const fonts = pdfFonts(await sample());
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+DejaVuSans(-Bold)? emb=yes$/);
  });

  it('gives the same bytes for the same content and creation date, other bytes for another date', async () => {
    const a = await sample();
    const b = await sample();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await sample(new Date(at.getTime() + 1000));
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('repeats table headers on the pages a long table runs over', async () => {
    const pdf = await sample(at, 120);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(3);
    const text = pdfText(pdf);
    expect(text.match(/Sonde\s+Ouvert\s+Durée/g)!.length).toBeGreaterThanOrEqual(pages.length - 2);
    expect(text).toContain('Caméra n° 120 floutée');
    for (const page of pages) expect(statSync(page).size).toBeGreaterThan(1000);
  });
});
