// `npm run accounts -- …` from end-to-end tests, against a test's DATA_DIR: with a gateway running on
// that folder, the CLI hands the command to it over its admin socket (docs/accounts.md).
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export function runAccountsCli(dataDir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(TSX, ['server/accounts/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`accounts ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

/** Adds an account with a generated password (never one typed on a command line) and returns it. */
export async function addAccount(dataDir: string, login: string, role: 'support' | 'referent', collectiviteId?: string): Promise<string> {
  const printed = await runAccountsCli(dataDir, ['add', login, '--role', role, ...(collectiviteId ? ['--collectivite', collectiviteId] : [])]);
  const password = /password: (\S+)/.exec(printed)?.[1];
  if (!password) throw new Error(`accounts add printed no password: ${printed}`);
  return password;
}
