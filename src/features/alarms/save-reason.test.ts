import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { alarmMessages } from './messages.ts';
import { saveReason } from './save-reason.ts';

const m = alarmMessages.fr;

describe('saveReason', () => {
  it('says the gateway’s refusals in French, by the field it names', () => {
    expect(saveReason(new ApiError(400, 'bad-request', 'mobile: not a mobile number: "03 87"', 'mobile'), m)).toMatch(/^numéro de mobile invalide/);
    expect(saveReason(new ApiError(400, 'bad-request', 'email: not a usable mail address', 'email'), m)).toMatch(/^adresse mail invalide/);
    expect(saveReason(new ApiError(400, 'bad-request', 'rules.events.x: …', 'rules.events.x'), m)).toBe(m.reasons.fields.rules);
    expect(saveReason(new ApiError(403, 'forbidden', 'outside your scope'), m)).toBe('hors de votre périmètre');
    expect(saveReason(new ApiError(0, 'network', 'fetch failed'), m)).toMatch(/rien n’a été enregistré/);
  });
  it('keeps the gateway’s reason when it has no wording, and never claims to know an unknown error', () => {
    expect(saveReason(new ApiError(400, 'bad-request', 'body: too deep', 'body'), m)).toBe('body: too deep');
    expect(saveReason(new Error('boom'), m)).toBe('erreur inattendue');
  });
});
