import { describe, expect, it } from 'vitest';
import { deskKey, type DeskKeyHandlers } from './use-desk-keys.ts';

function record() {
  const calls: string[] = [];
  const h: DeskKeyHandlers = {
    search: () => calls.push('search'),
    help: () => calls.push('help'),
    move: (d) => calls.push(`move${d}`),
    select: () => calls.push('select'),
    acknowledge: () => calls.push('acknowledge'),
    intervention: () => calls.push('intervention'),
    escape: () => calls.push('escape'),
  };
  return { h, calls };
}
const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('deskKey', () => {
  it.each([
    ['/', 'search'],
    ['?', 'help'],
    ['j', 'move1'],
    ['k', 'move-1'],
    ['x', 'select'],
    ['a', 'acknowledge'],
    ['i', 'intervention'],
    ['Escape', 'escape'],
  ])('%s → %s', (k, call) => {
    const { h, calls } = record();
    expect(deskKey(key(k), false, h)).toBe(true);
    expect(calls).toEqual([call]);
  });

  it('leaves letters to a field being typed in, but Esc still closes', () => {
    const { h, calls } = record();
    expect(deskKey(key('a'), true, h)).toBe(false);
    expect(deskKey(key('/'), true, h)).toBe(false);
    expect(deskKey(key('Escape'), true, h)).toBe(true);
    expect(calls).toEqual(['escape']);
  });

  it('leaves browser shortcuts and other keys alone', () => {
    const { h, calls } = record();
    expect(deskKey(key('a', { ctrlKey: true }), false, h)).toBe(false);
    expect(deskKey(key('k', { metaKey: true }), false, h)).toBe(false);
    expect(deskKey(key('q'), false, h)).toBe(false);
    expect(calls).toEqual([]);
  });
});
