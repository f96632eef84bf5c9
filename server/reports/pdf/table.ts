// A plain table for pdfkit: fixed column widths (share of the line), cells wrapped, the header
// repeated at the top of each page, rows zebra-striped so a long incident list stays readable.
import type PDFKit from 'pdfkit';
import { COLORS, FONT } from './theme.ts';

export interface TableColumn {
  header: string;
  /** Share of the table's width; the shares of a table are normalised to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Table {
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  /** Printed instead of the table when there are no rows. */
  empty?: string;
}

interface Box {
  left: number;
  width: number;
  bottom: number;
}

const PAD = 3;
const SIZE = 8;

export function drawTable(doc: PDFKit.PDFDocument, table: Table, box: Box): void {
  if (table.rows.length === 0) {
    doc.font(FONT.regular).fontSize(10).fillColor(COLORS.muted).text(table.empty ?? '—', box.left).moveDown(0.4);
    doc.fillColor(COLORS.text);
    return;
  }
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * box.width);
  const heightOf = (cells: readonly string[], font: string) =>
    Math.max(...cells.map((text, i) => doc.font(font).fontSize(SIZE).heightOfString(text, { width: widths[i]! - 2 * PAD }))) + 2 * PAD;

  const drawRow = (cells: readonly string[], font: string, fill?: string) => {
    const height = heightOf(cells, font);
    const y = doc.y;
    if (fill) doc.rect(box.left, y, box.width, height).fill(fill);
    let x = box.left;
    cells.forEach((text, i) => {
      doc.font(font).fontSize(SIZE).fillColor(COLORS.text).text(text, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: table.columns[i]?.align ?? 'left' });
      x += widths[i]!;
    });
    doc.x = box.left;
    doc.y = y + height;
  };
  const header = table.columns.map((c) => c.header);
  const drawHeader = () => {
    drawRow(header, FONT.bold, COLORS.zebra);
    doc.moveTo(box.left, doc.y).lineTo(box.left + box.width, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  };

  if (doc.y + heightOf(header, FONT.bold) * 2 > box.bottom) doc.addPage();
  drawHeader();
  table.rows.forEach((row, i) => {
    if (doc.y + heightOf(row, FONT.regular) > box.bottom) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, FONT.regular, i % 2 === 1 ? COLORS.zebra : undefined);
  });
  doc.font(FONT.regular).fontSize(10).moveDown(0.6);
}
