// The alarm service's vocabulary (Annex 2 art. 1: "envoyer des alarmes par mail/SMS"): what can
// happen (events), who may hear of it (recipients with their rules), through which channel and
// when. Pure types and constants shared by the rules, the planner, the renderer, the gateway's
// outbox and the SPA's settings screens.
import type { DeliveryAudience, DeliveryChannel, Instant, ProbeKind } from './model.ts';

export type AlarmChannel = DeliveryChannel;
export type Audience = DeliveryAudience;

/** The classes of event a recipient subscribes to (the list, in display order). */
export const ALARM_EVENT_CLASSES = [
  'incident-critical',
  'incident-warning',
  'gti-at-risk',
  'gti-breached',
  'incident-resolved',
  'maintenance-announced',
  'maintenance-starting',
] as const;
export type AlarmEventClass = (typeof ALARM_EVENT_CLASSES)[number];

/**
 * When SMS may go out: only in covered hours, at any hour, or at any hour for CRITICAL incidents
 * and in covered hours for the rest. Mail is never held back by the hour.
 */
export const SMS_WINDOWS = ['covered-hours', 'always', 'critical-always'] as const;
export type SmsWindow = (typeof SMS_WINDOWS)[number];

export const ALARM_LANGUAGES = ['fr', 'en'] as const;
export type AlarmLanguage = (typeof ALARM_LANGUAGES)[number];

export interface AlarmRules {
  /** Channels per event class; a class absent or with no channel is not sent to this recipient. */
  events: Partial<Record<AlarmEventClass, AlarmChannel[]>>;
  smsWindow: SmsWindow;
}

/**
 * Someone who receives alarms. A référent belongs to one collectivité; a support recipient (the
 * cell's on-call address or number) hears of every collectivité unless `collectiviteId` narrows it.
 */
export interface Recipient {
  id: string;
  audience: Audience;
  collectiviteId?: string;
  name: string;
  email?: string;
  /** E.164 (+33612345678). */
  mobile?: string;
  language: AlarmLanguage;
  rules: AlarmRules;
  /** The Vigie login this recipient is (a référent edits only the recipient with their login). */
  login?: string;
  enabled: boolean;
}

/** What happened, as the outbox stores it: the incident transitions, GTI clocks and maintenance. */
export const ALARM_EVENT_KINDS = [
  'opened',
  'reopened',
  'escalated',
  'resolved',
  'gti-at-risk',
  'gti-breached',
  'maintenance-announced',
  'maintenance-starting',
] as const;
export type AlarmEventKind = (typeof ALARM_EVENT_KINDS)[number];

/** Names of the things an alarm is about, taken from the estate when the event is written. */
export interface AlarmSubject {
  collectivite: string;
  site?: string;
  equipment?: string;
  probe?: string;
  probeKind?: ProbeKind;
  /** First line of the plugin output (engine text: data, never markup). */
  output?: string;
}

export interface MaintenanceFacts {
  windowId: string;
  start: Instant;
  end: Instant;
  nature: string;
  /** Names of the sites concerned (empty: the whole collectivité). */
  sites: string[];
}

export interface AlarmEvent {
  /** Idempotency key: the same fact always gets the same key, so writing it twice stores it once. */
  key: string;
  kind: AlarmEventKind;
  at: Instant;
  collectiviteId: string;
  probeId?: string;
  incidentId?: string;
  severity?: 'WARNING' | 'CRITICAL';
  subject: AlarmSubject;
  /** GTI deadline (gti-at-risk, gti-breached). */
  deadline?: Instant;
  maintenance?: MaintenanceFacts;
}

/** The class a recipient's rules are matched against. */
export function eventClass(event: Pick<AlarmEvent, 'kind' | 'severity'>): AlarmEventClass {
  switch (event.kind) {
    case 'opened':
    case 'reopened':
    case 'escalated':
      return event.severity === 'CRITICAL' ? 'incident-critical' : 'incident-warning';
    case 'resolved':
      return 'incident-resolved';
    case 'gti-at-risk':
    case 'gti-breached':
    case 'maintenance-announced':
    case 'maintenance-starting':
      return event.kind;
  }
}

/** Incident state transitions: the events flap suppression looks at. */
export function isTransition(kind: AlarmEventKind): kind is 'opened' | 'reopened' | 'escalated' | 'resolved' {
  return kind === 'opened' || kind === 'reopened' || kind === 'escalated' || kind === 'resolved';
}
