// The source's health as every stream reader may see it: connected or stale, since when. Why it is
// stale (the engine's words, the classified problem naming hosts, certificate names and settings)
// is for the support cell only, through GET /health: référents and the wall kiosk share streams
// (a collectivité's, or 'all') with no support-only channel, so the stream never carries it.
import type { SourceHealth } from '../../src/protocol/schemas.ts';

export function publicSourceHealth(health: SourceHealth): SourceHealth {
  return { state: health.state, source: health.source, since: health.since };
}
