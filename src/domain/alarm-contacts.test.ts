import { describe, expect, test } from 'vitest';
import { emailProblem, normaliseMobile } from './alarm-contacts.ts';

describe('emailProblem', () => {
  test.each<[string, string | undefined]>([
    ['referent@mairie-metz.fr', undefined],
    ['astreinte.noc+vigie@moselle-fibre.fr', undefined],
    ['a@b.co', undefined],
    ['jean.dupont@xn--mairie-sainte-croix-9ob.fr', undefined],
    ['', 'email-invalid'],
    ['sans-arobase.fr', 'email-invalid'],
    ['deux@@a.fr', 'email-invalid'],
    ['a@b@c.fr', 'email-invalid'],
    ['espace @a.fr', 'email-invalid'],
    ['a@domaine', 'email-invalid'],
    ['a@-tiret.fr', 'email-invalid'],
    ['.point@a.fr', 'email-invalid'],
    ['a..b@a.fr', 'email-invalid'],
    ['"quoted"@a.fr', 'email-invalid'],
    ['a@b.fr\r\nBcc: victim@evil.example', 'email-invalid'],
    ['a@b.fr,autre@c.fr', 'email-invalid'],
    ['Jean <jean@a.fr>', 'email-invalid'],
    [`${'x'.repeat(65)}@a.fr`, 'email-invalid'],
    [`a@${'b'.repeat(250)}.fr`, 'email-too-long'],
  ])('%j → %s', (email, problem) => {
    expect(emailProblem(email)).toBe(problem);
  });
});

describe('normaliseMobile', () => {
  test.each<[string, string | undefined]>([
    ['06 12 34 56 78', '+33612345678'],
    ['07.12.34.56.78', '+33712345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['+352 621 123 456', '+352621123456'],
    ['03 87 00 00 00', undefined], // a French landline cannot receive SMS
    ['+33387000000', undefined],
    ['0612', undefined],
    ['06 12 34 56 78 90', undefined],
    ['+0612345678', undefined],
    ['abc', undefined],
    ['06 12 34 56 78\r\n', '+33612345678'],
    ['06\n12 34 56 78;+33699999999', undefined],
  ])('%j → %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected);
  });
});
