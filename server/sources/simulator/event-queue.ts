// The simulator's agenda: a binary min-heap of timed callbacks, ordered by time then by insertion,
// so events at the same instant always run in the order they were scheduled (determinism).
import type { Instant } from '../../../src/domain/model.ts';

interface Entry {
  at: Instant;
  seq: number;
  run: () => void;
}

export class EventQueue {
  private heap: Entry[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: Instant, run: () => void): void {
    this.heap.push({ at, seq: this.seq++, run });
    this.up(this.heap.length - 1);
  }

  /** Time of the earliest event, or undefined when the agenda is empty. */
  peekTime(): Instant | undefined {
    return this.heap[0]?.at;
  }

  pop(): Entry | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private before(i: number, j: number): boolean {
    const a = this.heap[i] as Entry;
    const b = this.heap[j] as Entry;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as Entry;
    this.heap[i] = this.heap[j] as Entry;
    this.heap[j] = t;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < this.heap.length && this.before(l, best)) best = l;
      if (r < this.heap.length && this.before(r, best)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }
}
