// docs/api.md lists each query parameter's allowed values (a guessed `status=all` was refused
// without a word on what is allowed): this test keeps that table equal to the schemas.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { incidentQuerySchema, MAX_INSTANT, MIN_INSTANT, periodQuerySchema } from './rest.ts';

const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
const row = (param: string) => doc.split('\n').find((line) => line.startsWith(`| \`${param}\``)) ?? '';
const valuesIn = (line: string) => (line.split('|')[3] ?? '').match(/`[^`]+`/g)?.map((v) => v.slice(1, -1)) ?? [];

describe('docs/api.md query parameters', () => {
  it.each([
    ['period', periodQuerySchema.shape.period.unwrap().options],
    ['status', incidentQuerySchema.shape.status.unwrap().options],
  ])('lists exactly the values %s accepts', (param, options) => {
    expect(valuesIn(row(param)).sort()).toEqual([...options].sort());
  });

  it('gives the bounds and defaults the schemas enforce', () => {
    expect(row('from')).toContain(`\`${MIN_INSTANT}\``);
    expect(row('from')).toContain(`\`${MAX_INSTANT}\``);
    expect(incidentQuerySchema.parse({})).toMatchObject({ page: 1, pageSize: 50 });
    expect(row('page')).toMatch(/1 … 100000 \| `1` \|$/);
    expect(row('pageSize')).toMatch(/1 … 500 \| `50` \|$/);
    expect(incidentQuerySchema.safeParse({ pageSize: 501 }).success).toBe(false);
    expect(incidentQuerySchema.safeParse({ page: 100_001 }).success).toBe(false);
    expect(incidentQuerySchema.safeParse({ status: 'all' }).success).toBe(false);
  });
});
