// The embedded mail catcher of `npm start` without SMTP_URL (docs/alarms.md): a real SMTP server
// on 127.0.0.1 (smtp-server) that accepts every mail and keeps it as an .eml file in
// DATA_DIR/mail-catcher/, so a newcomer sees the alarms Vigie really sent, the way a real server
// would have received them. Not for production: nothing leaves the machine.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  url: string;
  dir: string;
  close(): Promise<void>;
}

/** Keep at most this many mails; the oldest file names sort first. */
const MAX_FILES = 2_000;

export async function startMailCatcher(dataDir: string, port = 0): Promise<MailCatcher> {
  const dir = join(dataDir, 'mail-catcher');
  mkdirSync(dir, { recursive: true });
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 2 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        try {
          const files = readdirSync(dir);
          if (files.length >= MAX_FILES) return callback(Object.assign(new Error('mail catcher full'), { responseCode: 452 }));
          const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++seq).padStart(5, '0')}.eml`;
          writeFileSync(join(dir, name), Buffer.concat(chunks));
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${actual}`, dir, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
