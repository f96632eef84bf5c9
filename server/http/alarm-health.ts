// The alarm service's health as GET /health shows it, beside the source's: whether alarms can go
// out at all (channels), how many wait, how many were given up, the last failure. A failure's
// reason may quote an address or a provider's answer: support sees it, a référent the figures only.
import type { AlarmHealth } from '../alarms/alarm-worker.ts';
import type { AlarmHealthDto } from '../../src/protocol/alarms.ts';

/** A failure older than this no longer makes the service "degraded" by itself. */
const RECENT_FAILURE_MS = 60 * 60_000;

export function alarmHealthFor(health: AlarmHealth & { mailTo?: string }, support: boolean, now = Date.now()): AlarmHealthDto {
  const failing = health.lastFailure !== undefined && now - health.lastFailure.at < RECENT_FAILURE_MS;
  const state = health.channels.length === 0 ? 'off' : health.dead > 0 || failing ? 'degraded' : 'ok';
  return {
    state,
    channels: health.channels,
    queued: health.queued,
    dead: health.dead,
    ...(health.lastFailure && { lastFailure: support ? health.lastFailure : { at: health.lastFailure.at } }),
    ...(support && health.mailTo && { mailTo: health.mailTo }),
  };
}
