import { describe, expect, test } from 'vitest';
import { repairEstate } from './engine-text.ts';
import { estateSchema, MAX_DEPENDENCIES, type Estate } from './schemas.ts';

const probe = (id: string) => ({ id, equipmentId: 'e1', name: id, kind: 'host' as const, interval: 60 });
const LONG = `${'x'.repeat(140)}!`;
const estate = (dependencies: Estate['dependencies'], extra: string[] = []): Estate => ({
  collectivites: [],
  sites: [],
  equipment: [],
  probes: [probe('fw!'), probe('rtr!'), ...extra.map(probe)],
  dependencies,
});

describe('repairEstate: declared dependencies', () => {
  test('an estate whose dependencies fit the contract comes back as the same object', () => {
    const clean = estate([{ parent: 'fw!', child: 'rtr!' }]);
    expect(repairEstate(clean)).toBe(clean);
  });

  test('edges to unknown probes or to themselves are left out and reported; over-long ids are cut like the probe ids', () => {
    const repaired: string[] = [];
    const out = repairEstate(
      estate([
        { parent: 'fw!', child: 'rtr!' },
        { parent: 'unmapped-host!', child: 'rtr!' },
        { parent: 'rtr!', child: 'rtr!' },
        { parent: 'fw!', child: LONG },
      ], [LONG]),
      (field) => repaired.push(field),
    );
    expect(out.dependencies).toEqual([
      { parent: 'fw!', child: 'rtr!' },
      { parent: 'fw!', child: out.probes[2]!.id },
    ]);
    expect(out.probes[2]!.id).toHaveLength(128);
    expect(repaired).toContain('estate.dependencies');
    expect(estateSchema.safeParse(out).success).toBe(true);
  });

  test(`keeps at most ${MAX_DEPENDENCIES} edges, so the estate stays within the contract`, () => {
    const many = Array.from({ length: MAX_DEPENDENCIES + 5 }, () => ({ parent: 'fw!', child: 'rtr!' }));
    const out = repairEstate(estate(many));
    expect(out.dependencies).toHaveLength(MAX_DEPENDENCIES);
    expect(estateSchema.safeParse(out).success).toBe(true);
  });

  test('an estate left with no usable edge carries none', () => {
    expect(repairEstate(estate([{ parent: 'gone!', child: 'fw!' }])).dependencies).toBeUndefined();
  });
});
