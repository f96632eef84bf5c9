// Exponential backoff between reconnection attempts: each wait doubles up to a cap, and a
// successful connection starts again from the first. No I/O.

export interface RetryBackoff {
  /** The wait before the next attempt (and double it for the one after). */
  next(): number;
  reset(): void;
}

export function createRetryBackoff(initialDelayMs: number, maxDelayMs: number): RetryBackoff {
  let delay = initialDelayMs;
  return {
    next() {
      const wait = delay;
      delay = Math.min(delay * 2, maxDelayMs);
      return wait;
    },
    reset() {
      delay = initialDelayMs;
    },
  };
}
