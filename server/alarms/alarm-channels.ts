// The boundary between the alarm worker and whatever carries a message: an SMTP server, an SMS
// provider's HTTP API. A sender resolves once the channel accepted the message and throws
// otherwise (the worker retries); `idempotencyKey` is the same on every attempt of one message,
// so a provider that honours it (or a mailbox that dedupes on Message-ID) never shows it twice.
import type { AlarmChannel } from '../../src/domain/alarm-model.ts';
import type { MailContent } from './alarm-messages.ts';

export interface MailMessage extends MailContent {
  to: string;
  toName: string;
  /** `<…@vigie>`: the Message-ID header, stable across attempts. */
  messageId: string;
}

export interface SmsMessage {
  /** E.164. */
  to: string;
  text: string;
  idempotencyKey: string;
}

export interface AlarmSenders {
  mail?: { send(message: MailMessage): Promise<void>; close?(): Promise<void> | void; describe: string };
  sms?: { send(message: SmsMessage): Promise<void>; close?(): Promise<void> | void; describe: string };
}

export function configuredChannels(senders: AlarmSenders): AlarmChannel[] {
  return (['mail', 'sms'] as const).filter((c) => senders[c] !== undefined);
}
