// Reading a PDF back in tests with Debian's poppler-utils (.ci/run installs them): its text in
// layout order, and its pages as PNG files to look at. Skipped with the reason when absent, except
// under CI=true where a missing tool fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const popplerMissing: string | undefined = has('pdftotext') && has('pdftoppm') ? undefined : 'pdftotext/pdftoppm (poppler-utils) not installed';
if (popplerMissing && process.env.CI === 'true') throw new Error(popplerMissing);

/** The text of a PDF (pdftotext -layout), one string. */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
}

/** Renders every page as PNG at `dpi` into a fresh folder (or `dir`); returns the file paths. */
export function pdfPages(pdf: Uint8Array, dpi = 60, dir = mkdtempSync(join(tmpdir(), 'vigie-pdf-'))): string[] {
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** Fonts listed by pdffonts: each embedded font's name, or [] when the tool is missing. */
export function pdfFonts(pdf: Uint8Array, dir = mkdtempSync(join(tmpdir(), 'vigie-pdf-'))): string[] {
  const file = join(dir, 'fonts.pdf');
  writeFileSync(file, pdf);
  const lines = execFileSync('pdffonts', [file]).toString('utf8').split('\n').slice(2).filter(Boolean);
  return lines.map((l) => `${l.split(/\s+/)[0]} emb=${/\byes\s+yes\s+yes\b|\byes\s+yes\s+no\b/.test(l) ? 'yes' : 'check'}`);
}
