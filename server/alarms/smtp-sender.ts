// The mail channel: nodemailer over SMTP (SMTP_URL: smtp://user:pass@host:587 for STARTTLS,
// smtps://…:465 for implicit TLS). The message carries a stable Message-ID (one per digest, the
// same on every retry, repeated in X-Vigie-Alarm-Id) and Auto-Submitted so that auto-responders stay quiet. Names and subjects
// arrive as one line (alarm-messages.ts); nodemailer encodes them, so CR/LF cannot open a header.
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type { AlarmSenders, MailMessage } from './alarm-channels.ts';
import { oneLine } from './alarm-messages.ts';

export interface SmtpSettings {
  url: string;
  /** "Vigie <vigie@moselle-fibre.fr>" */
  from: string;
  /** false only for a test server with a self-signed certificate. */
  rejectUnauthorized?: boolean;
  /** Give up a connection or a reply after this long. */
  timeoutMs?: number;
}

export function createSmtpSender(settings: SmtpSettings): NonNullable<AlarmSenders['mail']> {
  const timeout = settings.timeoutMs ?? 20_000;
  const options: SMTPPool.Options & { url: string } = {
    url: settings.url,
    // One kept-open connection: the worker sends one message at a time, and a storm's hundreds of
    // digests no longer each pay a TCP + EHLO (+ TLS, AUTH) round trip (bench/storm.ts).
    pool: true,
    maxConnections: 1,
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  };
  const transport = nodemailer.createTransport(options);
  const safeUrl = new URL(settings.url);
  return {
    describe: `${safeUrl.protocol}//${safeUrl.hostname}${safeUrl.port ? `:${safeUrl.port}` : ''}`,
    async send(message: MailMessage) {
      await transport.sendMail({
        from: settings.from,
        to: { name: oneLine(message.toName), address: message.to },
        subject: oneLine(message.subject),
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        // The same key again in a header of our own: some relays rewrite Message-ID; a receiver dedupes on either.
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Vigie-Alarm-Id': message.messageId },
      });
    },
    close: () => transport.close(),
  };
}
