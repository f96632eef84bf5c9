// The steps of docs/icinga2.md, run as written: the private-instance recipe (folders, -D flags,
// PKI, configuration, check) and the mapping's worked example are extracted from the page by their
// `<!-- recipe: … -->` / `<!-- worked-example: … -->` markers, so the test fixture and the doc
// cannot drift apart. The recipe runs in bash with only the variables the doc asks to set.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ICINGA_DOC_PATH = join(import.meta.dirname, '..', 'docs', 'icinga2.md');

/** The fenced block that follows `<!-- <kind>: <name> -->` in the doc (its body, without fences). */
export function docBlock(kind: 'recipe' | 'worked-example', name: string, doc = readFileSync(ICINGA_DOC_PATH, 'utf8')): string {
  const marker = `<!-- ${kind}: ${name} -->`;
  const at = doc.indexOf(marker);
  if (at < 0) throw new Error(`docs/icinga2.md has no ${marker}`);
  const block = /^```[a-z]*\n([\s\S]*?)^```$/m.exec(doc.slice(at + marker.length));
  if (!block) throw new Error(`docs/icinga2.md: no fenced block after ${marker}`);
  return block[1]!;
}

export interface RecipeVariables {
  ICINGA2: string;
  DIR: string;
  NODE: string;
  PORT: string;
  VIGIE_PASSWORD: string;
  OBJECTS: string;
}

/** Runs the private-instance recipe; returns the -D flags it wrote (`$DIR/icinga2.args`). */
export function runPrivateIcingaRecipe(vars: RecipeVariables): string[] {
  const script = docBlock('recipe', 'private-icinga2');
  try {
    execFileSync('bash', ['-euo', 'pipefail', '-c', script], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? vars.DIR, ...vars }, stdio: 'pipe' });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(`the docs/icinga2.md recipe failed: ${e.message}\n${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`, { cause: error });
  }
  return readFileSync(join(vars.DIR, 'icinga2.args'), 'utf8').split('\n').filter(Boolean);
}
