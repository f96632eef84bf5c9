import { describe, expect, test } from 'vitest';
import { BatchBuffer } from './batch-buffer.ts';

const entry = (seq: number, weight = 1) => ({ seq, weight });
const seqs = (entries: { seq: number }[] | undefined) => entries?.map((e) => e.seq);

describe('BatchBuffer', () => {
  test('returns what came after a seq while it is still held', () => {
    const buffer = new BatchBuffer(3, 100);
    for (let seq = 1; seq <= 5; seq++) buffer.push(entry(seq));
    expect(buffer.length).toBe(3);
    expect(seqs(buffer.since(2))).toEqual([3, 4, 5]);
    expect(seqs(buffer.since(4))).toEqual([5]);
    expect(buffer.since(5)).toEqual([]);
    expect(buffer.since(1)).toBeUndefined(); // seq 2 was dropped
    expect(buffer.since(6)).toBeUndefined(); // from the future
  });

  test('drops the oldest past the weight budget but keeps the newest', () => {
    const buffer = new BatchBuffer(10, 10);
    buffer.push(entry(1, 4));
    buffer.push(entry(2, 4));
    buffer.push(entry(3, 4));
    expect(seqs(buffer.since(1))).toEqual([2, 3]);
    expect(buffer.since(0)).toBeUndefined();
    buffer.push(entry(4, 50));
    expect(seqs(buffer.since(3))).toEqual([4]);
    expect(buffer.length).toBe(1);
  });

  test('refuses a gap in seq and forgets everything on clear', () => {
    const buffer = new BatchBuffer(4, 100);
    buffer.push(entry(7));
    expect(() => buffer.push(entry(9))).toThrow(RangeError);
    buffer.clear();
    expect(buffer.since(6)).toBeUndefined();
    buffer.push(entry(9));
    expect(seqs(buffer.since(8))).toEqual([9]);
  });
});
