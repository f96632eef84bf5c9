// docs/protocol.md cannot rot: every JSON example there names its schema in an HTML comment
// (`<!-- schema: deltaBatchSchema -->`, or `…, invalid at changes.0.state` for a refused one),
// and this test parses each example with that schema.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { parseMessage } from './parse.ts';
import * as rest from './rest.ts';
import * as wire from './schemas.ts';
import * as columns from './wire-snapshot.ts';

const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');

const schemas = new Map<string, z.ZodType>();
for (const [name, value] of Object.entries<unknown>({ ...wire, ...columns, ...rest })) if (value instanceof z.ZodType) schemas.set(name, value);

const TAGGED = /<!-- schema: (\w+)(?:, invalid at ([\w.]+))? -->\s*```json\n([\s\S]*?)```/g;
const examples = [...doc.matchAll(TAGGED)].map(([, schema = '', invalidAt, json = ''], index) => ({
  name: `#${index + 1} ${schema}${invalidAt ? ` (invalid at ${invalidAt})` : ''}`,
  schema,
  invalidAt,
  json,
}));

describe('docs/protocol.md examples', () => {
  test('every json block is tagged with a schema', () => {
    const blocks = doc.match(/```json\n/g) ?? [];
    expect(examples.length).toBeGreaterThan(0);
    expect(examples).toHaveLength(blocks.length);
  });

  test('every live-stream message has a valid example', () => {
    const valid = new Set(examples.filter((e) => !e.invalidAt).map((e) => e.schema));
    for (const name of ['subscribeRequestSchema', 'wireSnapshotSchema', 'deltaBatchSchema', 'incidentUpdateSchema', 'sourceHealthSchema', 'heartbeatSchema', 'protocolErrorSchema']) {
      expect(valid, name).toContain(name);
    }
  });

  test.each(examples)('$name', ({ schema, invalidAt, json }) => {
    const zodSchema = schemas.get(schema);
    expect(zodSchema, `no exported schema named ${schema}`).toBeDefined();
    if (!zodSchema) return;
    const parsed = parseMessage(zodSchema, JSON.parse(json));
    if (invalidAt === undefined) {
      expect(parsed.ok ? 'valid' : parsed.error.message).toBe('valid');
      // A snapshot's columns must also fit together, as clients read them.
      if (schema === 'wireSnapshotSchema') expect(columns.readSnapshot(JSON.parse(json)).ok).toBe(true);
    } else {
      expect(parsed.ok ? 'valid' : parsed.error.field).toBe(invalidAt);
    }
  });
});
