// The wall is configured by its URL (a kiosk has no settings screen):
//   ?rotate=20  seconds per collectivité (5–600)
//   ?sound=1    beep on a new critical incident (off by default)
//   ?stale=30   seconds without data before the screen says it is stale (10–3600)
import { DEFAULT_STALE_AFTER_MS } from '../../live/freshness.ts';

export interface WallOptions {
  rotateMs: number;
  sound: boolean;
  staleAfterMs: number;
}

export const DEFAULT_ROTATE_MS = 20_000;

function seconds(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) return undefined;
  return Math.min(max, Math.max(min, value)) * 1000;
}

export function parseWallOptions(search: string): WallOptions {
  const params = new URLSearchParams(search);
  return {
    rotateMs: seconds(params.get('rotate'), 5, 600) ?? DEFAULT_ROTATE_MS,
    sound: params.get('sound') === '1' || params.get('sound') === 'true',
    staleAfterMs: seconds(params.get('stale'), 10, 3600) ?? DEFAULT_STALE_AFTER_MS,
  };
}
