// The SMS channel: one HTTP POST per message to the provider's endpoint (SMS_URL), in Vigie's
// documented generic JSON shape (docs/alarms.md):
//   { "to": "+33612345678", "text": "…", "reference": "<id@vigie.alarms>" }
// with `Authorization: Bearer SMS_TOKEN` (or Basic with SMS_USER/SMS_PASSWORD) and an
// `Idempotency-Key` header equal to the reference. A 2xx answer means accepted; anything else, a
// network error or a timeout is a failure the worker retries. A provider with another shape gets
// its own `toRequest` here; the worker only sees `send`.
import type { AlarmSenders, SmsMessage } from './alarm-channels.ts';

export interface SmsSettings {
  url: string;
  token?: string;
  user?: string;
  password?: string;
  /** Sender name shown on the phone, when the provider allows one. */
  sender?: string;
  timeoutMs?: number;
}

export function smsRequest(settings: SmsSettings, message: SmsMessage): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': message.idempotencyKey };
  if (settings.token) headers.authorization = `Bearer ${settings.token}`;
  else if (settings.user !== undefined) headers.authorization = `Basic ${btoa(`${settings.user}:${settings.password ?? ''}`)}`;
  const body = JSON.stringify({ to: message.to, text: message.text, reference: message.idempotencyKey, ...(settings.sender ? { sender: settings.sender } : {}) });
  return { headers, body };
}

export function createSmsHttpSender(settings: SmsSettings): NonNullable<AlarmSenders['sms']> {
  const url = new URL(settings.url);
  return {
    describe: `${url.protocol}//${url.host}${url.pathname}`,
    async send(message: SmsMessage) {
      const { headers, body } = smsRequest(settings, message);
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000) });
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 200);
        throw new Error(`SMS provider answered ${response.status}${detail ? `: ${detail}` : ''}`);
      }
      await response.body?.cancel().catch(() => undefined);
    },
  };
}
