import { expect, test } from 'vitest';
import type { DeliveryNote } from '../../domain/model.ts';
import { incidentMessages } from './messages.ts';

// The timeline says what happened to each alarm, never more (issue #15 "truthful timeline").
test.each<[DeliveryNote, string | undefined, string, string]>([
  [{ channel: 'mail', audiences: ['referent', 'support'], recipients: 2, outcome: 'sent' }, undefined, 'Mail envoyé à 2 destinataires', 'Mail sent to 2 recipients'],
  [{ channel: 'mail', audiences: ['support'], recipients: 1, outcome: 'sent', digestOf: 12 }, undefined, 'Mail envoyé au support, regroupé avec 11 autres alarmes', 'Mail sent to support, grouped with 11 other alarms'],
  [{ channel: 'sms', audiences: ['support'], recipients: 1, outcome: 'failed', retryAt: 1 }, '10:42', 'SMS au support : échec, nouvel essai à 10:42', 'SMS to support: failed, next attempt at 10:42'],
  [{ channel: 'sms', audiences: ['support'], recipients: 2, outcome: 'dead' }, undefined, 'SMS au support (2 destinataires) : abandonné après plusieurs échecs', 'SMS to support (2 recipients): given up after repeated failures'],
  [{ channel: 'mail', audiences: ['referent'], recipients: 1, outcome: 'no-channel' }, undefined, 'Mail non envoyé au référent : aucun canal configuré', 'Mail not sent to the référent: no channel configured'],
])('%j', (note, retryAt, fr, en) => {
  expect(incidentMessages.fr.delivery(note, retryAt)).toBe(fr);
  expect(incidentMessages.en.delivery(note, retryAt)).toBe(en);
});
