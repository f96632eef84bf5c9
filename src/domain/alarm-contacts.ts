// Addresses and mobile numbers a recipient may be given, checked when saved so that a typo is
// refused with a reason instead of failing at 3 a.m. Strict on purpose: an address goes into an
// SMTP envelope and a header, so anything beyond plain local@domain (spaces, quotes, CR/LF,
// commas that would add a second recipient) is refused, never "repaired".
export type ContactProblem = 'email-invalid' | 'email-too-long' | 'mobile-invalid';

// Dot-atom local part (RFC 5322 without quoted strings), a domain of LDH labels with a TLD.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const TLD = /^[A-Za-z]{2,63}$|^xn--[A-Za-z0-9-]{1,59}$/;

/** undefined when the address can be used, else why not. */
export function emailProblem(email: string): ContactProblem | undefined {
  if (email.length > 254) return 'email-too-long';
  const at = email.lastIndexOf('@');
  if (at <= 0 || at !== email.indexOf('@')) return 'email-invalid';
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL.test(local)) return 'email-invalid';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels.at(-1)!)) return 'email-invalid';
  return undefined;
}

/**
 * A mobile number in E.164 (+33612345678), from what people type: spaces, dots, dashes and
 * brackets are ignored; a French national number (06…, 07…) becomes +336…/+337…; 00 becomes +.
 * undefined when it is not a plausible number.
 */
export function normaliseMobile(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  let e164: string;
  if (/^0[67]\d{8}$/.test(compact)) e164 = `+33${compact.slice(1)}`;
  else if (/^00\d+$/.test(compact)) e164 = `+${compact.slice(2)}`;
  else e164 = compact;
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) return undefined;
  // French numbers: only mobiles (6, 7) receive SMS.
  if (e164.startsWith('+33') && !/^\+33[67]\d{8}$/.test(e164)) return undefined;
  return e164;
}

export function mobileProblem(input: string): ContactProblem | undefined {
  return normaliseMobile(input) === undefined ? 'mobile-invalid' : undefined;
}
