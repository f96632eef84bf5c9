import { describe, expect, it } from 'vitest';
import type { ProbeState } from '../../../domain/model.ts';
import { firstTarget, nearestInDirection, type Direction, type KeyTarget } from './site-keyboard.ts';

const at = (id: string, x: number, y: number, worst: ProbeState = 'OK'): KeyTarget => ({ x, y, r: 8, ids: [id], worst });
//      n
//   w  c    e   far-e
//      s
const targets = [at('c', 100, 100), at('e', 160, 104), at('far-e', 300, 100), at('w', 40, 96), at('n', 102, 40), at('s', 98, 170), at('ne', 150, 60)];

describe('nearestInDirection', () => {
  it.each<[Direction, string | undefined]>([
    ['right', 'e'],
    ['left', 'w'],
    ['up', 'n'],
    ['down', 's'],
  ])('from the centre, %s → %s', (direction, expected) => {
    expect(nearestInDirection(targets, targets[0]!, direction)?.ids[0]).toBe(expected);
  });

  it('prefers straight ahead to a nearer target off to the side', () => {
    expect(nearestInDirection([at('ahead', 200, 100), at('aside', 130, 160)], { x: 100, y: 100 }, 'right')?.ids[0]).toBe('ahead');
  });

  it('finds nothing past the last target (the map pans instead)', () => {
    expect(nearestInDirection(targets, targets[2]!, 'right')).toBeUndefined();
  });
});

describe('firstTarget', () => {
  it('lands on the worst state first, then the nearest to the centre', () => {
    const list = [at('ok-centre', 100, 100), at('warn-far', 300, 300, 'WARNING'), at('crit-far', 0, 0, 'CRITICAL'), at('crit-near', 120, 120, 'CRITICAL')];
    expect(firstTarget(list, { x: 100, y: 100 })?.ids[0]).toBe('crit-near');
    expect(firstTarget([], { x: 0, y: 0 })).toBeUndefined();
  });
});
