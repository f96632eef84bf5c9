// The embedded database can be open in one process only, so while the gateway runs the accounts
// CLI hands its command to the gateway over a Unix socket in the data folder (owner-only, 0600):
// the command then runs in-process and revocations cut live sockets at once.
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';

export const ADMIN_SOCKET = 'accounts.sock';
const MAX_REQUEST = 16_384;

export function adminSocketPath(dataDir: string, socketName = ADMIN_SOCKET): string {
  return join(dataDir, socketName);
}

type Reply = { ok: true; output: string } | { ok: false; error: string };

/** Serve `run(argv)` on the data folder's socket; returns the close function. The test hooks reuse it under another name (and size). */
export async function startAccountsAdmin(
  dataDir: string,
  run: (argv: string[]) => Promise<string>,
  socketName = ADMIN_SOCKET,
  maxRequest = MAX_REQUEST,
): Promise<() => Promise<void>> {
  const path = adminSocketPath(dataDir, socketName);
  rmSync(path, { force: true }); // left by a killed gateway; we hold the data-folder lock
  const server: Server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (input.length > maxRequest) return socket.destroy();
      const end = input.indexOf('\n');
      if (end < 0) return;
      const reply = (r: Reply) => socket.end(`${JSON.stringify(r)}\n`);
      let argv: unknown;
      try {
        argv = JSON.parse(input.slice(0, end));
      } catch {
        return reply({ ok: false, error: 'bad request' });
      }
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) return reply({ ok: false, error: 'bad request' });
      run(argv).then(
        (output) => reply({ ok: true, output }),
        (error: unknown) => reply({ ok: false, error: (error as Error).message }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(path, { force: true });
    });
}

/** Send argv to the gateway holding `dataDir`; resolves with its output, rejects with its error. */
export function sendAccountsCommand(dataDir: string, argv: string[], timeoutMs = 15_000, socketName = ADMIN_SOCKET): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(adminSocketPath(dataDir, socketName));
    let answer = '';
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('the gateway did not answer')));
    socket.on('connect', () => socket.write(`${JSON.stringify(argv)}\n`));
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      try {
        const reply = JSON.parse(answer) as Reply;
        if (reply.ok) resolve(reply.output);
        else reject(new Error(reply.error));
      } catch {
        reject(new Error('unreadable answer from the gateway'));
      }
    });
  });
}
