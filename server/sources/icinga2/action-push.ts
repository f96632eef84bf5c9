// An operator action made in Vigie, written back to Icinga. The acknowledgement it makes will come
// back through the stream as an echo, which is not recorded a second time; once Icinga confirms it,
// the probe shows it at once rather than when the stream gets round to it.
import type { SourceAction } from '../../../src/protocol/source.ts';
import { pushActionToIcinga } from './icinga-actions.ts';
import type { SourceContext } from './source-context.ts';

export function createActionPush(ctx: SourceContext): (action: SourceAction) => Promise<void> {
  const { client, timeoutMs, clock, tracked, acks, report } = ctx;
  return async (action) => {
    if (!tracked.bindings.has(action.probeId)) throw new Error(`unknown Icinga probe ${action.probeId}`);
    if (action.type !== 'comment') acks.expectEcho(action);
    try {
      const outcome = await pushActionToIcinga(client, action, timeoutMs);
      if (outcome === 'commented') acks.cancelEcho(action.probeId);
      const current = tracked.statuses.get(action.probeId);
      if (outcome === 'acknowledged' && current && !current.acknowledged) {
        acks.markReported(action.probeId);
        tracked.record({ ...current, acknowledged: true });
        report.status({ ...current, acknowledged: true }, clock());
      }
    } catch (error) {
      acks.cancelEcho(action.probeId);
      throw error;
    }
  };
}
