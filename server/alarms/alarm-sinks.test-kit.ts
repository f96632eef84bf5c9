// Real servers for the alarm channels' tests, on 127.0.0.1 with an OS-chosen port: an SMTP server
// (smtp-server) whose mails are parsed back with mailparser, and an HTTP sink standing in for an
// SMS provider. Both can be told to refuse the next N messages, and are closed by the test.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Date.now() when the server had the whole message. */
  receivedAt: number;
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

export async function startSmtpSink(options: { delayMs?: number } = {}): Promise<{ url: string; port: number; mails: ReceivedMail[]; refuseNext(n: number): void; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          const error = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            // Received (as a mailbox would have it) before the client hears "250": a slow server widens that window.
            mails.push({ receivedAt: Date.now(), envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
            setTimeout(() => callback(), options.delayMs ?? 0);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    refuseNext: (n) => void (refuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedSms {
  headers: IncomingMessage['headers'];
  body: { to: string; text: string; reference: string };
}

export async function startSmsSink(): Promise<{ url: string; received: ReceivedSms[]; refuseNext(n: number): void; close(): Promise<void> }> {
  const received: ReceivedSms[] = [];
  let refuse = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (refuse > 0) {
        refuse--;
        res.writeHead(503).end('busy');
        return;
      }
      received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedSms['body'] });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    refuseNext: (n) => void (refuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
