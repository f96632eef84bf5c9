// What the hostile-text test (hostile-text.e2e.ts) sends and expects: a fast-check arbitrary of
// strings an attacker or a careless engine would produce, the text fields they go into, and an
// oracle for each field written from the documented rules (docs/api.md), not from the gateway's code.
import fc from 'fast-check';

/** Pieces that broke, or could break, storage, JSON, HTML, SQL or display somewhere. */
const PIECES = [
  '\u0000', 'a\u0000b', '\ud800', '\udfff', '\udc00\ud800', '😀', '👩‍👩‍👧', '🇫🇷', '\u202e', '\u2066', '\u200b', '\ufeff',
  'e\u0301', '\u0301\u0301', 'ﬁ', 'ǅ', '𝕍', 'İ', 'ß', '字', '\uffff', '\ufffe', '\u2028', '\u00a0',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', "'; DROP TABLE incident; --", "O'Brien", '"', '\\', '\\u0000',
  '\r\n', '\n', '\r', '\t', ' ', '{"a":', '"]}', '\u0007', '\u001b[31m', '\u007f', '\u0085', '%00', '%s%n', '${x}', '=1+1', 'null',
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: codeUnit }));

/** Hostile strings of up to 10,000 UTF-16 code units: mixes of pieces, long runs, texts around the 2,000 limit. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'é', 'e\u0301', '😀', '\u0000', '\ud800', '\u0001', '字', ' '), fc.integer({ min: 100, max: 10_000 }))
      .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
  },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, minLength: 1_990, maxLength: 2_010 }) },
);

/** Where a string goes: an operator action's comment, a login field, or the engine (through the test hooks). */
export type Field =
  | { kind: 'action'; action: 'comment' | 'acknowledge' | 'start-intervention' | 'close'; by: 'support' | 'referent' }
  | { kind: 'login'; field: 'login' | 'password' }
  | { kind: 'kiosk' }
  | { kind: 'engine'; what: 'output' | 'probe-name' | 'site-name' };

export const field: fc.Arbitrary<Field> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom<Field>({ kind: 'action', action: 'comment', by: 'support' }, { kind: 'action', action: 'comment', by: 'referent' }) },
  { weight: 2, arbitrary: fc.constant<Field>({ kind: 'action', action: 'acknowledge', by: 'support' }) },
  { weight: 2, arbitrary: fc.constant<Field>({ kind: 'action', action: 'start-intervention', by: 'support' }) },
  { weight: 2, arbitrary: fc.constant<Field>({ kind: 'action', action: 'close', by: 'support' }) },
  { weight: 2, arbitrary: fc.constantFrom<Field>({ kind: 'login', field: 'login' }, { kind: 'login', field: 'password' }, { kind: 'kiosk' }) },
  { weight: 2, arbitrary: fc.constant<Field>({ kind: 'engine', what: 'output' }) },
  { weight: 1, arbitrary: fc.constantFrom<Field>({ kind: 'engine', what: 'probe-name' }, { kind: 'engine', what: 'site-name' }) },
);

/** Well-formed UTF-16: every surrogate in a high-low pair (written out, not String#isWellFormed). */
export function wellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

/**
 * The documented rule for a person's text: NUL or a lone surrogate → refused; otherwise its NFC
 * form must have [min, max] characters (and not be blank where a comment is required). undefined = accepted.
 */
export function refusalOf(text: string, rule: { min: number; max: number; nonBlank?: boolean; normalise?: boolean }): string | undefined {
  if (text.includes('\u0000')) return 'NUL';
  if (!wellFormed(text)) return 'lone surrogate';
  const stored = rule.normalise === false ? text : text.normalize('NFC');
  const characters = [...stored].length; // limits count Unicode characters (code points), not UTF-16 units
  if (characters < rule.min || characters > rule.max) return 'length';
  if (rule.nonBlank && stored.trim() === '') return 'blank';
  return undefined;
}

/** Engine text as documented: storable (no NUL, well-formed, no controls but tab/CR/LF), NFC, within its limit. */
export function storableEngineText(text: string, max: number): boolean {
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  return !text.includes('\u0000') && wellFormed(text) && !/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(text) && text === text.normalize('NFC') && text.length <= max;
}
