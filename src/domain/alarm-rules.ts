// Who hears of an event and through which channels: a recipient's scope, their rules, the SMS
// window. Defaults follow the issue (référent: CRITICAL and maintenance announcements by mail;
// support: CRITICAL by mail, GTI at risk/breached by mail and SMS). Pure: the caller says whether
// the event's instant is in covered hours.
import type { AlarmChannel, AlarmEvent, AlarmEventClass, AlarmRules, Audience, Recipient } from './alarm-model.ts';
import { eventClass } from './alarm-model.ts';

export const DEFAULT_RULES: Readonly<Record<Audience, AlarmRules>> = Object.freeze({
  referent: { events: { 'incident-critical': ['mail'], 'maintenance-announced': ['mail'] }, smsWindow: 'critical-always' },
  support: { events: { 'incident-critical': ['mail'], 'gti-at-risk': ['mail', 'sms'], 'gti-breached': ['mail', 'sms'] }, smsWindow: 'critical-always' },
});

/** Whether the recipient is concerned by events of this collectivité at all. */
export function inScope(recipient: Pick<Recipient, 'collectiviteId' | 'audience'>, collectiviteId: string): boolean {
  if (recipient.collectiviteId !== undefined) return recipient.collectiviteId === collectiviteId;
  return recipient.audience === 'support';
}

/** May an SMS go out for this event class at an instant that is (or is not) in covered hours? */
export function smsAllowed(rules: AlarmRules, cls: AlarmEventClass, covered: boolean): boolean {
  switch (rules.smsWindow) {
    case 'always':
      return true;
    case 'covered-hours':
      return covered;
    case 'critical-always':
      return covered || cls === 'incident-critical';
  }
}

/**
 * A resolution is news only to those who heard of the problem: it goes to recipients subscribed to
 * 'incident-resolved' *and* to the incident's severity class, on the channels of both.
 */
function resolvedChannels(rules: AlarmRules, severity: AlarmEvent['severity']): AlarmChannel[] {
  const resolved = rules.events['incident-resolved'] ?? [];
  const problem = rules.events[severity === 'CRITICAL' ? 'incident-critical' : 'incident-warning'] ?? [];
  return resolved.filter((c) => problem.includes(c));
}

/** The channels this recipient gets this event on, in a stable order (mail, then SMS). */
export function channelsFor(recipient: Recipient, event: Pick<AlarmEvent, 'kind' | 'severity' | 'collectiviteId'>, covered: boolean): AlarmChannel[] {
  if (!recipient.enabled || !inScope(recipient, event.collectiviteId)) return [];
  const cls = eventClass(event);
  const wanted = cls === 'incident-resolved' ? resolvedChannels(recipient.rules, event.severity) : (recipient.rules.events[cls] ?? []);
  const out: AlarmChannel[] = [];
  if (wanted.includes('mail') && recipient.email) out.push('mail');
  if (wanted.includes('sms') && recipient.mobile && smsAllowed(recipient.rules, cls, covered)) out.push('sms');
  return out;
}

export interface AlarmItemPlan {
  recipient: Recipient;
  channel: AlarmChannel;
}

/** Every (recipient, channel) an event goes to. */
export function planRecipients(recipients: readonly Recipient[], event: Pick<AlarmEvent, 'kind' | 'severity' | 'collectiviteId'>, covered: boolean): AlarmItemPlan[] {
  return recipients.flatMap((recipient) => channelsFor(recipient, event, covered).map((channel) => ({ recipient, channel })));
}
