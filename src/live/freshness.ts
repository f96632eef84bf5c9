// How much to trust what is on screen. Pure: the caller passes the store's view and the time, so the
// wall's stale banner can be tested without waiting.
import type { SourceHealth } from '../protocol/schemas.ts';
import type { ConnectionState } from './live-store.ts';

/** Heartbeats come every few seconds; this much silence means the picture is out of date. */
export const DEFAULT_STALE_AFTER_MS = 30_000;

export type FreshnessLevel = 'live' | 'stale' | 'offline' | 'connecting';
export type StaleReason = 'stream-down' | 'source-stale' | 'too-old';

export interface Freshness {
  level: FreshnessLevel;
  /** Time since the last message, null before the first one. */
  ageMs: number | null;
  reason?: StaleReason;
}

export interface FreshnessInput {
  connection: ConnectionState;
  source: SourceHealth | undefined;
  lastMessageAt: number | undefined;
}

export function dataFreshness(input: FreshnessInput, now: number, staleAfterMs = DEFAULT_STALE_AFTER_MS): Freshness {
  const ageMs = input.lastMessageAt === undefined ? null : Math.max(0, now - input.lastMessageAt);
  if (input.lastMessageAt === undefined) {
    return input.connection === 'offline' ? { level: 'offline', ageMs, reason: 'stream-down' } : { level: 'connecting', ageMs };
  }
  if (input.connection === 'offline' || input.connection === 'idle') return { level: 'offline', ageMs, reason: 'stream-down' };
  if (ageMs !== null && ageMs > staleAfterMs) return { level: 'stale', ageMs, reason: 'too-old' };
  if (input.source?.state === 'stale') return { level: 'stale', ageMs, reason: 'source-stale' };
  if (input.connection !== 'live') return { level: 'connecting', ageMs };
  return { level: 'live', ageMs };
}
