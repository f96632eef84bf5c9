// The rules for text at Vigie's edges, in one place for the REST schemas, the live socket and the
// sources. PostgreSQL stores neither NUL (U+0000) nor a lone UTF-16 surrogate, in text or jsonb: a
// person's text holding one is refused with the field named; an engine's text (which nobody can
// correct) is repaired instead, visibly (U+FFFD), never dropped. Both end up in NFC so the same
// words compare and search the same whatever keyboard or plugin produced them.
import { z } from 'zod';

/** Written where a character could not be kept: the Unicode replacement character. */
export const REPLACEMENT = '\uFFFD';
/** Written at the end of text cut to its limit. */
export const ELLIPSIS = '…';

// With the u flag a lone surrogate is one code point of category Cs; a valid pair is not.
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;
// C0 and C1 controls except tab, line feed and carriage return; NUL is handled on its own.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Nothing to do for printable ASCII with tab/CR/LF: the common case costs one test.
const PLAIN = /^[\t\n\r\u0020-\u007E]*$/;
// Anything cleanEngineText would change but NFC and length: NUL, other controls, lone surrogates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_REPAIR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

/** Why a string cannot be stored as it is, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (invalid UTF-16)';
  return undefined;
}

/**
 * A person's text: refused (with the field named by the caller's path) when it holds NUL or a lone
 * surrogate, otherwise normalised to NFC; the limits apply to the normalised text.
 */
export function userText(limits: { min?: number; max: number }) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
    })
    .transform((value) => value.normalize('NFC'))
    .pipe(z.string().min(limits.min ?? 0).max(limits.max));
}

/**
 * A secret (password, token): refused like userText, but never normalised, since a changed secret
 * would no longer match the one it was set with.
 */
export function secretText(limits: { min?: number; max: number }) {
  return z
    .string()
    .min(limits.min ?? 0)
    .max(limits.max)
    .superRefine((value, ctx) => {
      const problem = textProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/**
 * An engine's text made storable: NUL and lone surrogates become U+FFFD, other control characters
 * (but tab, CR, LF) are removed, the rest is put in NFC and cut to `max` UTF-16 units with an
 * ellipsis, never inside a surrogate pair. Returns the same string when nothing had to change.
 */
export function cleanEngineText(text: string, max: number): string {
  if (text.length <= max && (PLAIN.test(text) || (!NEEDS_REPAIR.test(text) && text.normalize('NFC') === text))) return text;
  let out = text.replaceAll('\u0000', REPLACEMENT).replace(LONE_SURROGATES, REPLACEMENT).replace(CONTROLS, '').normalize('NFC');
  if (out.length > max) {
    let end = Math.max(0, max - ELLIPSIS.length);
    const last = out.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--; // keep a pair whole
    out = out.slice(0, end) + ELLIPSIS;
  }
  return out;
}
