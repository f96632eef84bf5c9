import { describe, expect, test } from 'vitest';
import type { AlarmEvent, AlarmRules, Recipient } from './alarm-model.ts';
import { DEFAULT_RULES, channelsFor, planRecipients, smsAllowed } from './alarm-rules.ts';

const referent = (over: Partial<Recipient> = {}): Recipient => ({
  id: 'r-metz',
  audience: 'referent',
  collectiviteId: 'metz',
  name: 'Référente Metz',
  email: 'referente@mairie-metz.fr',
  mobile: '+33612345678',
  language: 'fr',
  rules: DEFAULT_RULES.referent,
  enabled: true,
  ...over,
});
const support = (over: Partial<Recipient> = {}): Recipient => ({
  id: 's-astreinte',
  audience: 'support',
  name: 'Astreinte NOC',
  email: 'astreinte@moselle-fibre.fr',
  mobile: '+33798765432',
  language: 'fr',
  rules: DEFAULT_RULES.support,
  enabled: true,
  ...over,
});
type Ev = Pick<AlarmEvent, 'kind' | 'severity' | 'collectiviteId'>;
const ev = (kind: AlarmEvent['kind'], severity?: 'WARNING' | 'CRITICAL', collectiviteId = 'metz'): Ev => ({ kind, collectiviteId, ...(severity ? { severity } : {}) });

describe('channelsFor with the default rules', () => {
  test.each<[string, Recipient, Ev, boolean, string[]]>([
    ['référent: CRITICAL opened → mail', referent(), ev('opened', 'CRITICAL'), true, ['mail']],
    ['référent: CRITICAL at night → mail (mail is never held back)', referent(), ev('opened', 'CRITICAL'), false, ['mail']],
    ['référent: WARNING opened → nothing', referent(), ev('opened', 'WARNING'), true, []],
    ['référent: escalation to CRITICAL → mail', referent(), ev('escalated', 'CRITICAL'), true, ['mail']],
    ['référent: reopened CRITICAL → mail', referent(), ev('reopened', 'CRITICAL'), true, ['mail']],
    ['référent: resolved → nothing (not subscribed)', referent(), ev('resolved', 'CRITICAL'), true, []],
    ['référent: maintenance announced → mail', referent(), ev('maintenance-announced'), true, ['mail']],
    ['référent: maintenance starting → nothing', referent(), ev('maintenance-starting'), true, []],
    ['référent: GTI breached → nothing', referent(), ev('gti-breached', 'CRITICAL'), true, []],
    ['référent: another collectivité → nothing', referent(), ev('opened', 'CRITICAL', 'thionville'), true, []],
    ['support: CRITICAL → mail', support(), ev('opened', 'CRITICAL', 'thionville'), true, ['mail']],
    ['support: WARNING → nothing', support(), ev('opened', 'WARNING'), true, []],
    ['support: GTI at risk in covered hours → mail + SMS', support(), ev('gti-at-risk', 'CRITICAL'), true, ['mail', 'sms']],
    ['support: GTI at risk out of hours → mail only (critical-always)', support(), ev('gti-at-risk', 'WARNING'), false, ['mail']],
    ['support: GTI breached → mail + SMS', support(), ev('gti-breached', 'CRITICAL'), true, ['mail', 'sms']],
    ['support narrowed to one collectivité: other → nothing', support({ collectiviteId: 'metz' }), ev('opened', 'CRITICAL', 'thionville'), true, []],
    ['support without mobile: SMS dropped, mail kept', support({ mobile: undefined }), ev('gti-breached', 'CRITICAL'), true, ['mail']],
    ['disabled recipient → nothing', support({ enabled: false }), ev('opened', 'CRITICAL'), true, []],
    ['référent without a collectivité hears nothing', referent({ collectiviteId: undefined }), ev('opened', 'CRITICAL'), true, []],
  ])('%s', (_name, recipient, event, covered, expected) => {
    expect(channelsFor(recipient, event, covered)).toEqual(expected);
  });
});

describe('resolutions go to those who heard of the problem', () => {
  const rules: AlarmRules = { events: { 'incident-critical': ['mail', 'sms'], 'incident-resolved': ['mail', 'sms'] }, smsWindow: 'always' };
  test.each<[string, 'WARNING' | 'CRITICAL', string[]]>([
    ['resolved CRITICAL → mail + SMS', 'CRITICAL', ['mail', 'sms']],
    ['resolved WARNING (never told of it) → nothing', 'WARNING', []],
  ])('%s', (_name, severity, expected) => {
    expect(channelsFor(referent({ rules }), ev('resolved', severity), true)).toEqual(expected);
  });
});

describe('smsAllowed', () => {
  const r = (smsWindow: AlarmRules['smsWindow']): AlarmRules => ({ events: {}, smsWindow });
  test.each<[AlarmRules['smsWindow'], 'incident-critical' | 'gti-breached', boolean, boolean]>([
    ['always', 'gti-breached', false, true],
    ['covered-hours', 'incident-critical', false, false],
    ['covered-hours', 'incident-critical', true, true],
    ['critical-always', 'incident-critical', false, true],
    ['critical-always', 'gti-breached', false, false],
    ['critical-always', 'gti-breached', true, true],
  ])('%s, %s, covered=%s → %s', (window, cls, covered, expected) => {
    expect(smsAllowed(r(window), cls, covered)).toBe(expected);
  });
});

test('planRecipients: an event for Metz reaches Metz\'s référent and the support, not Thionville\'s référent', () => {
  const all = [referent(), referent({ id: 'r-thionville', collectiviteId: 'thionville' }), support()];
  const plan = planRecipients(all, ev('opened', 'CRITICAL'), true).map((p) => `${p.recipient.id}:${p.channel}`);
  expect(plan).toEqual(['r-metz:mail', 's-astreinte:mail']);
});
