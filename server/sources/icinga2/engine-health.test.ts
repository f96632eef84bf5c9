import { describe, expect, it } from 'vitest';
import type { SourceHealth } from '../../../src/protocol/schemas.ts';
import { createEngineHealth } from './engine-health.ts';

describe('createEngineHealth', () => {
  it('reports each change once, at the time it happened, with a bounded reason', () => {
    const seen: SourceHealth[] = [];
    let now = 1_000;
    const health = createEngineHealth('icinga2', () => now, (h) => seen.push(h));
    expect(health.state).toBeUndefined();
    health.set('stale', 'x'.repeat(600));
    now = 2_000;
    health.set('stale', 'again');
    health.set('connected');
    expect(health.state).toBe('connected');
    expect(seen).toEqual([
      { state: 'stale', source: 'icinga2', since: 1_000, detail: 'x'.repeat(500) },
      { state: 'connected', source: 'icinga2', since: 2_000 },
    ]);
  });
});
