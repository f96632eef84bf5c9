// The /v1/events stream is newline-delimited JSON, and network chunks split lines (and UTF-8
// characters) anywhere: this reassembles whole lines before anyone parses them.
import { StringDecoder } from 'node:string_decoder';

export interface LineSplitter {
  push(chunk: Buffer | string): void;
  /** Flush a last line that had no trailing newline. */
  end(): void;
}

/** Calls onLine for each complete non-empty line; a line longer than maxLineChars is dropped whole. */
export function createLineSplitter(onLine: (line: string) => void, options: { maxLineChars?: number; onOversized?: (chars: number) => void } = {}): LineSplitter {
  const { maxLineChars = 1_000_000, onOversized } = options;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let dropping = false;

  const emit = (line: string) => {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (trimmed.trim() !== '') onLine(trimmed);
  };

  const take = (text: string) => {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      if (dropping) dropping = false;
      else emit(pending + text.slice(start, nl));
      pending = '';
      start = nl + 1;
    }
    if (dropping) return;
    pending += text.slice(start);
    if (pending.length > maxLineChars) {
      onOversized?.(pending.length);
      pending = '';
      dropping = true;
    }
  };

  return {
    push: (chunk) => take(typeof chunk === 'string' ? chunk : decoder.write(chunk)),
    end: () => {
      take(decoder.end());
      if (!dropping) emit(pending);
      pending = '';
      dropping = false;
    },
  };
}
