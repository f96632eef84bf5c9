// `npm start`: build the SPA when it is missing or older than its sources, then start Vigie.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = join(root, 'dist', 'index.html');
const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'index.html')).mtimeMs);
if (stale) {
  console.log('Vigie: building the web app (first start or sources changed)…');
  const r = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// One child running the gateway under tsx; SIGINT/SIGTERM sent to this script reach it, so a
// supervisor stopping `npm start` by PID gets the gateway's graceful shutdown, not an orphan.
const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
