// The one way Vigie writes a PDF: an A4 document of sections, paragraphs, tables and bar charts
// in embedded DejaVu Sans (accents, €, em dashes), laid out with pdfkit's vectors. Reports
// (period report, managed-IT semester report, appel à contribution) describe their content with
// this small API and never touch pdfkit. Same content + same `creationDate` → same bytes: pdfkit
// derives the file ID from the info dictionary, fonts are subset in glyph order of first use, and
// nothing here reads the clock. Text is drawn as text, never interpreted (engine text is data).
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { drawBarChart, type BarChart } from './bar-chart.ts';
import { drawTable, type Table } from './table.ts';
import { COLORS, FONT, MARGIN, PAGE } from './theme.ts';

export type { BarChart, Table };
export type { TableColumn } from './table.ts';

export interface ReportPdfOptions {
  /** Document title (PDF metadata and the first page's heading unless `cover` says otherwise). */
  title: string;
  /** Pinned in tests; the route passes its reference time so the same report gives the same file. */
  creationDate: Date;
  author?: string;
  subject?: string;
}

export interface Cover {
  title: string;
  subtitle?: string;
  /** Lines under the title: collectivité, period, date of edition… */
  lines: readonly string[];
}

export interface ReportPdf {
  /** First page: big title, subtitle and lines; the next content starts on a new page. */
  cover(cover: Cover): void;
  /** A numbered-free section heading; starts a new page when less than `minSpace` points are left. */
  section(title: string, minSpace?: number): void;
  paragraph(text: string): void;
  /** Grey text for empty states ("Aucune activité d'infogérance enregistrée"). */
  note(text: string): void;
  /** Label: value lines, labels in bold. */
  keyValues(rows: readonly (readonly [string, string])[]): void;
  /** A table with a repeated header on each page; `empty` is printed when there are no rows. */
  table(table: Table): void;
  /** Horizontal bars with an optional target line (availability against 96 %). */
  barChart(chart: BarChart): void;
  /** Small print at the bottom of every page (rules, holidays; up to ~4 wrapped lines), plus "n / N". */
  footer(lines: readonly string[]): void;
  /** Ends the document and returns its bytes. */
  finish(): Promise<Uint8Array>;
}

const fontFile = (name: string) => readFileSync(new URL(`./fonts/${name}`, import.meta.url));
// Read once per process: 1.4 MB, and pdfkit subsets them per document.
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => (fonts ??= { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') });

export function createReportPdf(options: ReportPdfOptions): ReportPdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 30, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: options.title,
      Author: options.author ?? 'Vigie — Moselle Fibre',
      Subject: options.subject ?? options.title,
      Creator: 'Vigie',
      Producer: 'Vigie (pdfkit)',
      CreationDate: options.creationDate,
      ModDate: options.creationDate,
    },
  });
  const { regular, bold } = loadFonts();
  doc.registerFont(FONT.regular, regular);
  doc.registerFont(FONT.bold, bold);
  doc.font(FONT.regular).fontSize(10).fillColor(COLORS.text);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  let footerLines: readonly string[] = [];
  const bottom = () => PAGE.height - MARGIN - 30;
  const ensure = (space: number) => {
    if (doc.y + space > bottom()) doc.addPage();
  };

  return {
    cover(cover) {
      doc.moveDown(6);
      doc.font(FONT.bold).fontSize(24).fillColor(COLORS.accent).text(cover.title, { align: 'left' });
      if (cover.subtitle) doc.moveDown(0.5).font(FONT.regular).fontSize(14).fillColor(COLORS.text).text(cover.subtitle);
      doc.moveDown(1.5).font(FONT.regular).fontSize(12).fillColor(COLORS.text);
      for (const line of cover.lines) doc.text(line).moveDown(0.3);
      doc.addPage();
    },
    section(title, minSpace = 80) {
      ensure(minSpace);
      if (doc.y > MARGIN + 1) doc.moveDown(1);
      doc.font(FONT.bold).fontSize(14).fillColor(COLORS.accent).text(title, MARGIN);
      const y = doc.y + 2;
      doc.moveTo(MARGIN, y).lineTo(PAGE.width - MARGIN, y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      doc.moveDown(0.6).font(FONT.regular).fontSize(10).fillColor(COLORS.text);
    },
    paragraph(text) {
      doc.font(FONT.regular).fontSize(10).fillColor(COLORS.text).text(text, MARGIN).moveDown(0.4);
    },
    note(text) {
      doc.font(FONT.regular).fontSize(10).fillColor(COLORS.muted).text(text, MARGIN).moveDown(0.4);
      doc.fillColor(COLORS.text);
    },
    keyValues(rows) {
      for (const [label, value] of rows) {
        ensure(14);
        doc.font(FONT.bold).fontSize(10).fillColor(COLORS.text).text(`${label} : `, MARGIN, doc.y, { continued: true });
        doc.font(FONT.regular).text(value);
      }
      doc.moveDown(0.4);
    },
    table(table) {
      drawTable(doc, table, { left: MARGIN, width: PAGE.width - 2 * MARGIN, bottom: bottom() });
    },
    barChart(chart) {
      drawBarChart(doc, chart, { left: MARGIN, width: PAGE.width - 2 * MARGIN, bottom: bottom() });
    },
    footer(lines) {
      footerLines = lines;
    },
    finish() {
      const { start, count } = doc.bufferedPageRange();
      for (let i = start; i < start + count; i++) {
        doc.switchToPage(i);
        // Writing below the bottom margin would make pdfkit add a page: lift it while drawing the footer.
        const margin = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        const top = PAGE.height - MARGIN - 26;
        let y = top;
        doc.font(FONT.regular).fontSize(7).fillColor(COLORS.muted);
        const width = PAGE.width - 2 * MARGIN - 50;
        for (const line of footerLines) {
          doc.text(line, MARGIN, y, { width });
          y += doc.heightOfString(line, { width });
        }
        doc.text(`${i + 1} / ${count}`, PAGE.width - MARGIN - 40, top, { width: 40, align: 'right', lineBreak: false });
        doc.page.margins.bottom = margin;
      }
      doc.end();
      return ended;
    },
  };
}
