// docs/configuration.md cannot drift from the configuration schema: its settings tables are what
// the generator writes from configSchema and the catalog, every setting is documented, and every
// documented example is a value the gateway accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../server/config.ts';
import { SETTINGS_DOC } from '../server/config-catalog.ts';
import { CONFIG_DOC_PATH, defaultOf, renderConfigDoc } from './config-doc.ts';

const doc = readFileSync(CONFIG_DOC_PATH, 'utf8');

describe('docs/configuration.md', () => {
  it('holds exactly the tables generated from the schema (run `npm run docs:config` after changing a setting)', () => {
    expect(renderConfigDoc(doc)).toBe(doc);
  });

  it('documents every setting of the schema, with its default', () => {
    expect(Object.keys(SETTINGS_DOC).sort()).toEqual(Object.keys(configSchema.shape).sort());
    for (const name of Object.keys(configSchema.shape) as Array<keyof typeof SETTINGS_DOC>) {
      expect(doc, name).toContain(`| \`${name}\` | ${defaultOf(name)} |`);
    }
  });

  it.each(Object.entries(SETTINGS_DOC))('the example of %s is accepted by the gateway', (name, { example }) => {
    // An Icinga setting is checked as the Icinga source reads it (SOURCE=icinga2 needs a URL).
    const base = name.startsWith('ICINGA_') || name === 'SOURCE' ? { SOURCE: 'icinga2', ICINGA_URL: 'https://icinga.example.org:5665' } : {};
    const parsed = configSchema.safeParse({ ...base, [name]: example });
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(() => loadConfig({ ...base, [name]: example })).not.toThrow();
  });

  it('shows the defaults the schema really has', () => {
    expect(defaultOf('PORT')).toBe('`8080`');
    expect(defaultOf('ICINGA_SERVERNAME')).toBe('—');
    expect(defaultOf('CLOSED_DATES')).toBe('*(none)*');
    expect(defaultOf('COVERED_DAYS')).toBe('`1,2,3,4,5`');
  });
});
