import { describe, expect, it } from 'vitest';
import { cleanEngineText, secretText, textProblem, userText } from './text.ts';

describe('textProblem', () => {
  it.each([
    ['plain', 'disque plein', undefined],
    ['emoji (a valid pair)', 'caméra 📷 ok', undefined],
    ['RTL override', 'abc\u202Edef', undefined],
    ['NUL', 'a\u0000b', 'contains a NUL character (U+0000)'],
    ['lone high surrogate', 'a\ud83d', 'contains a lone surrogate (invalid UTF-16)'],
    ['lone low surrogate', '\ude00b', 'contains a lone surrogate (invalid UTF-16)'],
    ['reversed pair', '\ude00\ud83d', 'contains a lone surrogate (invalid UTF-16)'],
  ])('%s', (_, text, problem) => expect(textProblem(text)).toBe(problem));
});

describe('userText', () => {
  const schema = userText({ min: 1, max: 5 });
  it.each([
    ['keeps plain text', 'ok', 'ok'],
    ['normalises to NFC', 'e\u0301te\u0301', 'été'],
    ['counts the limit after NFC (5 composed characters)', 'e\u0301e\u0301e\u0301e\u0301e\u0301', 'ééééé'],
    ['keeps CR/LF and quotes', `a'\r\n"`, `a'\r\n"`],
  ])('%s', (_, input, output) => expect(schema.parse(input)).toBe(output));

  it.each([
    ['NUL', 'a\u0000b', 'NUL'],
    ['lone surrogate', '\ud800', 'lone surrogate'],
    ['too long', 'abcdef', 'Too big'],
    ['empty', '', 'Too small'],
  ])('refuses %s', (_, input, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});

describe('secretText', () => {
  it('refuses NUL and lone surrogates but never changes a secret', () => {
    const schema = secretText({ max: 50 });
    expect(schema.parse('e\u0301')).toBe('e\u0301');
    expect(schema.safeParse('pw\u0000').success).toBe(false);
    expect(schema.safeParse('pw\udfff').success).toBe(false);
  });
});

describe('cleanEngineText', () => {
  it.each([
    ['leaves storable text untouched', 'DISK OK - 42% used', 100, 'DISK OK - 42% used'],
    ['leaves accents and emoji untouched', 'Caméra 📷 floutée', 100, 'Caméra 📷 floutée'],
    ['replaces NUL', 'a\u0000b', 10, 'a\uFFFDb'],
    ['replaces lone surrogates', 'a\ud800b\udc00', 10, 'a\uFFFDb\uFFFD'],
    ['keeps valid pairs', 'a😀b', 10, 'a😀b'],
    ['strips other controls, keeps tab CR LF', 'a\u0007\tb\r\nc\u001b[0m\u0085', 20, 'a\tb\r\nc[0m'],
    ['normalises to NFC', 'e\u0301', 10, 'é'],
    ['cuts with an ellipsis', 'abcdefghij', 5, 'abcd…'],
    ['never splits a surrogate pair', 'abc😀def', 5, 'abc…'],
  ])('%s', (_, input, max, output) => expect(cleanEngineText(input, max)).toBe(output));

  it('always gives text that has no problem and fits', () => {
    for (const input of ['\u0000'.repeat(5000), '\ud800'.repeat(5000), '😀'.repeat(5000), '\u0007'.repeat(10)]) {
      const out = cleanEngineText(input, 4096);
      expect(textProblem(out)).toBeUndefined();
      expect(out.length).toBeLessThanOrEqual(4096);
    }
  });
});
