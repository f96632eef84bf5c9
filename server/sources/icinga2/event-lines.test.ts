import { describe, expect, it } from 'vitest';
import { createLineSplitter } from './event-lines.ts';
import { recordedEventLines } from './recorded.test-kit.ts';

function collect(maxLineChars?: number) {
  const lines: string[] = [];
  const oversized: number[] = [];
  const splitter = createLineSplitter((l) => lines.push(l), { maxLineChars, onOversized: (n) => oversized.push(n) });
  return { lines, oversized, splitter };
}

describe('createLineSplitter', () => {
  it('reassembles recorded events split at every possible byte boundary', () => {
    const stream = Buffer.from(recordedEventLines.join('\n') + '\n', 'utf8');
    for (const size of [1, 2, 3, 7, 64, 1000, stream.length]) {
      const { lines, splitter } = collect();
      for (let i = 0; i < stream.length; i += size) splitter.push(stream.subarray(i, i + size));
      expect(lines, `chunk size ${size}`).toEqual(recordedEventLines);
    }
  });

  it('keeps a UTF-8 character whole when a chunk boundary cuts through it', () => {
    const bytes = Buffer.from('{"output":"Équipement"}\n', 'utf8');
    const { lines, splitter } = collect();
    splitter.push(bytes.subarray(0, 12)); // cuts the two-byte "É"
    splitter.push(bytes.subarray(12));
    expect(lines).toEqual(['{"output":"Équipement"}']);
  });

  it('handles several lines in one chunk, CRLF, blank lines and a last line without newline', () => {
    const { lines, splitter } = collect();
    splitter.push('a\r\n\nb\nc');
    expect(lines).toEqual(['a', 'b']);
    splitter.end();
    expect(lines).toEqual(['a', 'b', 'c']);
  });

  it('drops an oversized line whole and resumes at the next one', () => {
    const { lines, oversized, splitter } = collect(10);
    splitter.push('short\n0123456789');
    splitter.push('abcdef');
    splitter.push('ghi\nnext\n');
    expect(lines).toEqual(['short', 'next']);
    expect(oversized).toHaveLength(1);
  });
});
