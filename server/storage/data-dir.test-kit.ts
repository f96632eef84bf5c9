// Test support: a fresh embedded data folder in milliseconds. PGlite's first open runs initdb in
// WASM (seconds, tens of seconds on a loaded CI box); copying an already migrated folder is fast.
// The template is shared by test processes through the temp folder, keyed by schema and version.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from './data-dir-lock.ts';
import { MIGRATIONS } from './migrations.ts';
import { openStorage } from './open-storage.ts';

const pglitePackage = join(import.meta.dirname, '..', '..', 'node_modules', '@electric-sql', 'pglite', 'package.json');
const pgliteVersion = (JSON.parse(readFileSync(pglitePackage, 'utf8')) as { version: string }).version;
const key = createHash('sha256').update(pgliteVersion).update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 16);
const templateDir = join(tmpdir(), `vigie-pglite-template-${key}`);
let building: Promise<void> | undefined;

async function ensureTemplate(): Promise<void> {
  if (existsSync(templateDir)) return;
  const staging = mkdtempSync(join(tmpdir(), 'vigie-pglite-staging-'));
  const storage = await openStorage({ dataDir: staging });
  await storage.close();
  try {
    renameSync(staging, templateDir); // atomic; another process may have won the race
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A new temp folder holding a migrated, empty embedded database. The caller removes it. */
export async function freshDataDir(prefix = 'vigie-test-'): Promise<string> {
  building ??= ensureTemplate();
  await building;
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(templateDir, dir, { recursive: true, filter: (src) => !src.endsWith(LOCK_FILE) });
  return dir;
}
