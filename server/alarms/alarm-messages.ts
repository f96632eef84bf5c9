// What an alarm says: one message per recipient and channel, a single alarm or a storm digest, in
// the recipient's language (French first). Mail gets a lock-screen subject ("[Vigie] CRITIQUE Metz
// · École Jules Ferry · Accès Internet"), a text part and an HTML part where every engine or user
// string is escaped; SMS gets one GSM-7-safe text of at most 160 characters. Subjects are made of
// one line: CR, LF and other controls in names become spaces, so no header can be injected.
import type { AlarmEvent, AlarmLanguage, Recipient } from '../../src/domain/alarm-model.ts';
import type { DeliveryRow } from './alarm-store.ts';
import { gsm7Safe } from './gsm7.ts';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

type Item = Pick<DeliveryRow, 'event' | 'flips'>;

const WORDS = {
  fr: {
    CRITICAL: 'CRITIQUE',
    WARNING: 'ALERTE',
    resolved: 'RÉSOLU',
    stable: 'STABLE',
    'gti-at-risk': 'GTI EN RISQUE',
    'gti-breached': 'GTI DÉPASSÉE',
    'maintenance-announced': 'MAINTENANCE PRÉVUE',
    'maintenance-starting': 'MAINTENANCE EN COURS',
    digest: (n: number) => `${n} alarmes`,
    stableAfter: (n: number, state: string) => `stable à nouveau (${state}) après ${n} changements d'état`,
    deadline: 'Échéance GTI',
    window: (from: string, to: string) => `du ${from} au ${to}`,
    more: (n: number) => `… et ${n} autres`,
    footer: 'Message envoyé par Vigie, supervision Moselle Fibre. Ne pas répondre.',
    output: 'Sortie de la sonde',
  },
  en: {
    CRITICAL: 'CRITICAL',
    WARNING: 'WARNING',
    resolved: 'RESOLVED',
    stable: 'STABLE',
    'gti-at-risk': 'GTI AT RISK',
    'gti-breached': 'GTI BREACHED',
    'maintenance-announced': 'MAINTENANCE PLANNED',
    'maintenance-starting': 'MAINTENANCE STARTING',
    digest: (n: number) => `${n} alarms`,
    stableAfter: (n: number, state: string) => `stable again (${state}) after ${n} state changes`,
    deadline: 'GTI deadline',
    window: (from: string, to: string) => `from ${from} to ${to}`,
    more: (n: number) => `… and ${n} more`,
    footer: 'Sent by Vigie, Moselle Fibre supervision. Do not reply.',
    output: 'Probe output',
  },
} as const;

/** Listed one by one in a digest; the rest are counted. */
const DIGEST_LINES = 50;

/** One line, no controls (CR/LF included), collapsed spaces: safe in a header and on a lock screen. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function when(at: number, lang: AlarmLanguage, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(at);
}

/** The tag an item opens with: CRITIQUE, RÉSOLU, GTI DÉPASSÉE… */
function tag(item: Item, lang: AlarmLanguage): string {
  const w = WORDS[lang];
  const e = item.event;
  if (item.flips) return w.stable;
  if (e.kind === 'opened' || e.kind === 'reopened' || e.kind === 'escalated') return w[e.severity ?? 'CRITICAL'];
  if (e.kind === 'resolved') return w.resolved;
  return w[e.kind];
}

/** "Metz · École Jules Ferry · Accès Internet": where it happened, most general first. */
function place(e: AlarmEvent): string {
  return oneLine([e.subject.collectivite, e.subject.site, e.subject.probe].filter((p): p is string => !!p).join(' · '));
}

/** One line about one item, plain text. */
function line(item: Item, lang: AlarmLanguage, timeZone: string): string {
  const w = WORDS[lang];
  const e = item.event;
  const parts = [`${tag(item, lang)} ${place(e)}`];
  if (item.flips) parts.push(w.stableAfter(item.flips, e.kind === 'resolved' ? 'OK' : (e.severity ?? 'CRITICAL')));
  if (e.deadline !== undefined) parts.push(`${w.deadline} ${when(e.deadline, lang, timeZone)}`);
  if (e.maintenance) parts.push(`${oneLine(e.maintenance.nature)}, ${w.window(when(e.maintenance.start, lang, timeZone), when(e.maintenance.end, lang, timeZone))}`);
  return `${when(e.at, lang, timeZone)} ${parts.join(' — ')}`;
}

export function renderMail(recipient: Pick<Recipient, 'language'>, items: readonly Item[], timeZone = 'Europe/Paris'): MailContent {
  const lang = recipient.language;
  const w = WORDS[lang];
  const single = items.length === 1 ? items[0]! : undefined;
  const subject = oneLine(single ? `[Vigie] ${tag(single, lang)} ${place(single.event)}` : `[Vigie] ${w.digest(items.length)} · ${[...new Set(items.map((i) => i.event.subject.collectivite))].slice(0, 3).join(', ')}`).slice(0, 200);
  const shown = items.slice(0, DIGEST_LINES);
  const lines = shown.map((i) => line(i, lang, timeZone));
  const outputs = shown.map((i) => (i.event.subject.output ? oneLine(i.event.subject.output) : ''));
  const more = items.length > shown.length ? [w.more(items.length - shown.length)] : [];
  const text = [
    ...lines.flatMap((l, k) => (single && outputs[k] ? [l, `${w.output} : ${outputs[k]}`] : [l])),
    ...more,
    '',
    w.footer,
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif">`,
    '<ul>',
    ...lines.map((l, k) => `<li>${escapeHtml(l)}${single && outputs[k] ? `<br><small>${escapeHtml(`${w.output} : ${outputs[k]}`)}</small>` : ''}</li>`),
    ...more.map((m) => `<li>${escapeHtml(m)}</li>`),
    '</ul>',
    `<p style="color:#666">${escapeHtml(w.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** At most 160 GSM-7 characters: the single alarm, or a digest's count and first places. */
export function renderSms(recipient: Pick<Recipient, 'language'>, items: readonly Item[], timeZone = 'Europe/Paris'): string {
  const lang = recipient.language;
  const body = items.length === 1 ? `Vigie ${line(items[0]!, lang, timeZone)}` : `Vigie ${WORDS[lang].digest(items.length)}: ${items.map((i) => `${tag(i, lang)} ${place(i.event)}`).join('; ')}`;
  return gsm7Safe(oneLine(body), 160);
}
