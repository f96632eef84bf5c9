// CSV for spreadsheet users in France: ';' separator, decimal comma, UTF-8 with a BOM so Excel
// reads accents, CRLF line ends (RFC 4180). Cells that a spreadsheet would run as a formula are
// prefixed with an apostrophe: engine text is data, never something to execute.
export type Cell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** French spreadsheets by default; `,` with a decimal point for other tools; the BOM can be left out. */
export interface CsvFormat {
  separator: ';' | ',';
  bom: boolean;
}
export const FRENCH_CSV: CsvFormat = { separator: ';', bom: true };

export function csvCell(value: Cell, separator: CsvFormat['separator'] = ';'): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (separator === ';' ? String(value).replace('.', ',') : String(value)) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>, format: CsvFormat = FRENCH_CSV): string {
  const line = (cells: readonly Cell[]) => cells.map((c) => csvCell(c, format.separator)).join(format.separator);
  const lines = [line(header)];
  for (const row of rows) lines.push(line(row));
  return `${format.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

// One formatter per zone, built once: an export has a dozen date cells per row and thousands of rows.
const isoLocal = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock time 'YYYY-MM-DD HH:MM:SS' in the report's time zone ('' for none). */
export function localDateTime(t: number | undefined, timeZone: string): string {
  if (t === undefined) return '';
  let format = isoLocal.get(timeZone);
  if (!format) {
    // sv-SE formats as ISO-like 'YYYY-MM-DD HH:MM:SS'.
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
    isoLocal.set(timeZone, format);
  }
  return format.format(t);
}
