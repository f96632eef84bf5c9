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
  const lineHeight = doc.font(FONT.regular).fontSize(SIZE).currentLineHeight(true);
  // A cell that fits on one line (most) is measured by its width, without laying out lines.
  const heightOf = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(SIZE);
    let height = lineHeight;
    cells.forEach((text, i) => {
      const width = widths[i]! - 2 * PAD;
      if (!text.includes('\n') && doc.widthOfString(text) <= width) return;
      height = Math.max(height, doc.heightOfString(text, { width }));
    });
    return height + 2 * PAD;
  };

  const drawRow = (cells: readonly string[], font: string, height: number, fill?: string) => {
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
  const headerHeight = heightOf(header, FONT.bold);
  const drawHeader = () => {
    drawRow(header, FONT.bold, headerHeight, COLORS.zebra);
    doc.moveTo(box.left, doc.y).lineTo(box.left + box.width, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  };

  if (doc.y + headerHeight * 2 > box.bottom) doc.addPage();
  drawHeader();
  table.rows.forEach((row, i) => {
    // Measured once: text layout is most of a long table's cost.
    const height = heightOf(row, FONT.regular);
    if (doc.y + height > box.bottom) {
      doc.addPage();
      drawHeader();
    }
    drawRow(row, FONT.regular, height, i % 2 === 1 ? COLORS.zebra : undefined);
  });
  doc.font(FONT.regular).fontSize(10).moveDown(0.6);
}
