// Writes the settings tables of docs/configuration.md from the configuration schema (names and
// defaults, server/config.ts) and server/config-catalog.ts (meaning, example). Each table sits
// between `<!-- settings:<section> -->` and `<!-- /settings:<section> -->`; the prose around them is
// hand-written. `npm run docs:config` rewrites the file; scripts/config-doc.test.ts checks it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../server/config.ts';
import { EXTRA_SETTINGS_DOC, SETTINGS_DOC, type ConfigSection, type SettingDoc } from '../server/config-catalog.ts';

export const CONFIG_DOC_PATH = join(import.meta.dirname, '..', 'docs', 'configuration.md');

/** The default the schema gives when the variable is unset, as the doc shows it. */
export function defaultOf(name: keyof typeof SETTINGS_DOC): string {
  const parsed = configSchema.shape[name].safeParse(undefined);
  if (!parsed.success || parsed.data === undefined) return '—';
  const value: unknown = parsed.data;
  if (Array.isArray(value)) return value.length ? `\`${value.join(',')}\`` : '*(none)*';
  if (value === '') return '*(empty)*';
  return `\`${String(value)}\``;
}

function rows(section: ConfigSection): string[] {
  const schemaRows = (Object.entries(SETTINGS_DOC) as Array<[keyof typeof SETTINGS_DOC, SettingDoc]>)
    .filter(([, doc]) => doc.section === section)
    .map(([name, doc]) => [name, defaultOf(name), doc] as const);
  const extraRows = Object.entries(EXTRA_SETTINGS_DOC)
    .filter(([, doc]) => doc.section === section)
    .map(([name, doc]) => [name, `\`${doc.default}\``, doc] as const);
  return [...schemaRows, ...extraRows].map(([name, def, doc]) => `| \`${name}\` | ${def} | \`${name}=${doc.example}\` | ${doc.meaning.replace(/\|/g, '\\|')} |`);
}

export function settingsTable(section: ConfigSection): string {
  return ['| variable | default | example | meaning |', '| --- | --- | --- | --- |', ...rows(section)].join('\n');
}

/** The doc with every marked table regenerated; throws on a section marker missing from the doc. */
export function renderConfigDoc(doc: string): string {
  const sections = new Set(Object.values(SETTINGS_DOC).map((d) => d.section));
  let out = doc;
  for (const section of sections) {
    const open = `<!-- settings:${section} -->`;
    const close = `<!-- /settings:${section} -->`;
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`docs/configuration.md has no ${open} … ${close} block`);
    out = `${out.slice(0, start + open.length)}\n${settingsTable(section)}\n${out.slice(end)}`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const before = readFileSync(CONFIG_DOC_PATH, 'utf8');
  const after = renderConfigDoc(before);
  writeFileSync(CONFIG_DOC_PATH, after);
  console.log(after === before ? 'docs/configuration.md: up to date' : 'docs/configuration.md: settings tables rewritten');
}
