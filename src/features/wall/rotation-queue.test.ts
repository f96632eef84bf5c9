import { describe, expect, it } from 'vitest';
import { rotationPosition, startRotation, stepRotation, updateRotation, type NewsKeys, type Rotation } from './rotation-queue.ts';

const news = (spec: Record<string, string[]>): NewsKeys => new Map(Object.entries(spec).map(([id, keys]) => [id, new Set(keys)]));
const ORDER = ['a', 'b', 'c', 'd', 'e'];

/** The collectivités shown over `n` steps from `r` (current first). */
function shown(r: Rotation, n: number): string[] {
  const seen = [r.current ?? '-'];
  let s = r;
  for (let i = 1; i < n; i++) {
    s = stepRotation(s);
    seen.push(s.current ?? '-');
  }
  return seen;
}

describe('wall rotation queue', () => {
  it('cycles through the order and wraps', () => {
    expect(shown(startRotation(ORDER, news({})), 7)).toEqual(['a', 'b', 'c', 'd', 'e', 'a', 'b']);
  });

  it('what was already there when the wall opened is not news', () => {
    const r = startRotation(ORDER, news({ e: ['critical'] }));
    expect(updateRotation(r, ORDER, news({ e: ['critical'] })).current).toBe('a');
  });

  it('a newly critical collectivité jumps to the screen at once, then the rotation resumes where it was', () => {
    let r = stepRotation(stepRotation(startRotation(ORDER, news({})))); // on c
    r = updateRotation(r, ORDER, news({ e: ['critical'] }));
    expect(r.current).toBe('e');
    expect(r.highlight).toBe('e');
    expect(shown(r, 4)).toEqual(['e', 'd', 'e', 'a']);
    expect(stepRotation(r).highlight).toBeUndefined();
  });

  it('several news items are shown one per step, in rotation order, before resuming', () => {
    let r = startRotation(ORDER, news({})); // on a
    r = updateRotation(r, ORDER, news({ d: ['critical'], c: ['gti:breached:i1'] }));
    expect(shown(r, 4)).toEqual(['c', 'd', 'b', 'c']);
  });

  it('news arriving while news is on screen queues behind it and keeps the resume point', () => {
    let r = stepRotation(startRotation(ORDER, news({}))); // on b
    r = updateRotation(r, ORDER, news({ d: ['critical'] })); // d now, resume after b
    r = updateRotation(r, ORDER, news({ d: ['critical'], a: ['gti:at-risk:i2'] }));
    expect(r.current).toBe('d');
    expect(shown(r, 3)).toEqual(['d', 'a', 'c']);
  });

  it('a new key on a known collectivité is news again (a second GTI breaching)', () => {
    let r = startRotation(ORDER, news({ c: ['critical', 'gti:breached:i1'] }));
    r = updateRotation(r, ORDER, news({ c: ['critical', 'gti:breached:i1', 'gti:breached:i9'] }));
    expect(r.current).toBe('c');
  });

  it('a newly listed collectivité with news joins the order and jumps the queue', () => {
    let r = startRotation(['a', 'b'], news({}));
    r = updateRotation(r, ['a', 'b', 'z'], news({ z: ['critical'] }));
    expect(r.current).toBe('z');
    expect(rotationPosition(r)).toBe(3);
  });

  it('news for a collectivité that left the order is dropped; a vanished screen moves on', () => {
    let r = startRotation(ORDER, news({}));
    r = updateRotation(r, ORDER, news({ c: ['critical'], d: ['critical'] })); // c on screen, d queued
    r = updateRotation(r, ['a', 'b', 'c', 'e'], news({ c: ['critical'] }));
    expect(shown(r, 3)).toEqual(['c', 'b', 'c']);
    r = updateRotation(startRotation(ORDER, news({})), ['b', 'c'], news({}));
    expect(r.current).toBe('b');
  });

  it('an empty order shows nothing, and the first collectivité once there is one', () => {
    let r = startRotation([], news({}));
    expect(r.current).toBeUndefined();
    expect(rotationPosition(r)).toBe(0);
    r = updateRotation(r, ['a'], news({}));
    expect(r.current).toBe('a');
  });
});
