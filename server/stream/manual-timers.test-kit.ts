// Timers driven by hand, for tests of code that takes injected Timers: time only moves on advance().
import type { Timers } from './timers.ts';

interface Pending {
  at: number;
  every?: number;
  callback: () => void;
}

export class ManualTimers implements Timers {
  now = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    this.pending.set(this.nextId, { at: this.now + ms, callback });
    return this.nextId++;
  }

  setInterval(callback: () => void, ms: number): unknown {
    this.pending.set(this.nextId, { at: this.now + ms, every: Math.max(1, ms), callback });
    return this.nextId++;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  clearInterval(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Number of timers still scheduled. */
  get scheduled(): number {
    return this.pending.size;
  }

  /** Move time forward, firing due timers in order (timers set while firing run if due). */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let due: [number, Pending] | undefined;
      for (const entry of this.pending) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      const [id, timer] = due;
      this.now = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.pending.delete(id);
      timer.callback();
    }
    this.now = end;
  }
}
