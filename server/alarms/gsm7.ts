// SMS text in the GSM 03.38 basic alphabet, so that one message is 160 characters and no phone shows
// boxes. Accented letters outside it lose their accent (â → a), typographic signs get their plain
// form (’ → ', « » → "), the alphabet's extension characters ([ ] { } € ~ ^ | \), which count
// double, are replaced, and anything else becomes '?'. Longer texts end with '…' replaced by '...'.
const BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const PLAIN: Record<string, string> = {
  '’': "'",
  '‘': "'",
  '«': '"',
  '»': '"',
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '·': '-',
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '€': 'EUR',
  '~': '-',
  '^': ' ',
  '|': '/',
  '\\': '/',
  'Œ': 'OE',
  'œ': 'oe',
};

function gsmChar(c: string): string {
  if (BASIC.has(c)) return c;
  if (PLAIN[c] !== undefined) return PLAIN[c];
  const base = c.normalize('NFD').replace(/\p{M}/gu, '');
  if (base.length > 0 && [...base].every((b) => BASIC.has(b))) return base;
  return '?';
}

/** The text in GSM-7 basic characters, at most `max` of them. */
export function gsm7Safe(text: string, max = 160): string {
  const out = [...text].map(gsmChar).join('');
  return out.length <= max ? out : `${out.slice(0, max - 3)}...`;
}
