// Horizontal bar chart in pdfkit vectors: one bar per label, a scale from `min` to `max`, an
// optional dashed target line (96 %). A bar below the target is drawn in the "bad" colour, so the
// chart reads without colour too: the value is printed at the bar's end.
import type PDFKit from 'pdfkit';
import { COLORS, FONT } from './theme.ts';

export interface BarChart {
  bars: readonly { label: string; value: number | null }[];
  /** Value range of the axis; values are clamped to it. */
  min: number;
  max: number;
  format: (value: number) => string;
  target?: { value: number; label: string };
  /** Printed for a bar without a value ("non mesuré"). */
  missing?: string;
}

interface Box {
  left: number;
  width: number;
  bottom: number;
}

const BAR = 12;
const GAP = 6;
const LABEL_SHARE = 0.32;

export function drawBarChart(doc: PDFKit.PDFDocument, chart: BarChart, box: Box): void {
  const labelWidth = box.width * LABEL_SHARE;
  const plotLeft = box.left + labelWidth + 6;
  const plotWidth = box.width - labelWidth - 60;
  const xOf = (v: number) => plotLeft + ((Math.min(chart.max, Math.max(chart.min, v)) - chart.min) / (chart.max - chart.min)) * plotWidth;

  const drawAxis = (top: number, bottomY: number) => {
    doc.moveTo(plotLeft, top).lineTo(plotLeft, bottomY).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.font(FONT.regular).fontSize(7).fillColor(COLORS.muted);
    doc.text(chart.format(chart.min), plotLeft - 20, bottomY + 2, { width: 40, align: 'center', lineBreak: false });
    doc.text(chart.format(chart.max), plotLeft + plotWidth - 20, bottomY + 2, { width: 40, align: 'center', lineBreak: false });
    if (chart.target) {
      const x = xOf(chart.target.value);
      doc.moveTo(x, top - 4).lineTo(x, bottomY).dash(3, { space: 2 }).lineWidth(1).strokeColor(COLORS.target).stroke().undash();
      doc.fillColor(COLORS.target).text(chart.target.label, x - 40, top - 14, { width: 80, align: 'center', lineBreak: false });
    }
  };

  let start = doc.y + 16;
  let y = start;
  const flush = () => {
    drawAxis(start, y);
    doc.x = box.left;
    doc.y = y + 14;
  };
  for (const bar of chart.bars) {
    if (y + BAR + 30 > box.bottom) {
      flush();
      doc.addPage();
      start = doc.y + 16;
      y = start;
    }
    doc.font(FONT.regular).fontSize(8).fillColor(COLORS.text).text(bar.label, box.left, y + 2, { width: labelWidth, height: BAR, ellipsis: true, lineBreak: false });
    if (bar.value === null) {
      doc.fillColor(COLORS.muted).text(chart.missing ?? '—', plotLeft + 4, y + 2, { lineBreak: false });
    } else {
      const below = chart.target !== undefined && bar.value < chart.target.value;
      const end = xOf(bar.value);
      doc.rect(plotLeft, y, Math.max(0.5, end - plotLeft), BAR).fill(below ? COLORS.bad : COLORS.good);
      doc.fillColor(COLORS.text).text(chart.format(bar.value), end + 4, y + 2, { lineBreak: false });
    }
    y += BAR + GAP;
  }
  flush();
  doc.font(FONT.regular).fontSize(10).fillColor(COLORS.text);
}
