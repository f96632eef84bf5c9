import { describe, expect, it } from 'vitest';
import { csvCell, localDateTime, toCsv } from './csv.ts';

describe('CSV for French spreadsheets', () => {
  it.each([
    ['plain', 'plain'],
    ['Saint-Avold; mairie', '"Saint-Avold; mairie"'],
    ['disque "C:" plein', '"disque ""C:"" plein"'],
    ['ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['-3 dB', "'-3 dB"],
    [0.9612, '0,9612'],
    [-2, '-2'],
    [null, ''],
    [undefined, ''],
  ] as const)('%j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('starts with a BOM and ends every line with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'é']])).toBe('\uFEFFa;b\r\n1;é\r\n');
  });

  it('writes `,`-separated CSV with a decimal point and no BOM when asked, still formula-safe', () => {
    const format = { separator: ',', bom: false } as const;
    expect(toCsv(['a', 'b'], [[0.5, 'Metz, mairie'], ['+33 6', 'x;y']], format)).toBe('a,b\r\n0.5,"Metz, mairie"\r\n\'+33 6,x;y\r\n');
  });

  it('writes local Paris time across DST', () => {
    expect(localDateTime(Date.parse('2026-01-15T08:00:00Z'), 'Europe/Paris')).toBe('2026-01-15 09:00:00');
    expect(localDateTime(Date.parse('2026-07-15T08:00:00Z'), 'Europe/Paris')).toBe('2026-07-15 10:00:00');
    expect(localDateTime(undefined, 'Europe/Paris')).toBe('');
  });

  it("writes each report's own zone, formatters kept per zone", () => {
    const t = Date.parse('2026-10-25T00:30:00Z'); // 02:30 summer time in Paris, the first pass of a repeated hour
    expect(localDateTime(t, 'Europe/Paris')).toBe('2026-10-25 02:30:00');
    expect(localDateTime(t, 'America/Cayenne')).toBe('2026-10-24 21:30:00');
    expect(localDateTime(t + 3_600_000, 'Europe/Paris')).toBe('2026-10-25 02:30:00');
  });
});
