// The worker's first step, pure: from the outbox's unplanned events, which to fan out now (to which
// recipients and channels), which to fold into a flapping burst, which to leave for later. Flap
// suppression runs per probe over incident transitions (alarm-flaps.ts); GTI and maintenance
// events go straight to the rules (alarm-rules.ts).
import type { AlarmChannel, AlarmEvent, Recipient } from '../../src/domain/alarm-model.ts';
import { isTransition } from '../../src/domain/alarm-model.ts';
import { planFlaps, DEFAULT_FLAP_POLICY, type FlapPolicy } from '../../src/domain/alarm-flaps.ts';
import { planRecipients } from '../../src/domain/alarm-rules.ts';
import type { Instant } from '../../src/domain/model.ts';
import type { DeliveryRow } from './alarm-store.ts';

export interface PlanInput {
  events: readonly AlarmEvent[];
  recipients: readonly Recipient[];
  now: Instant;
  isCovered(at: Instant): boolean;
  /** Channels that have a sender; a delivery on another is recorded 'no-channel' at once. */
  channels: readonly AlarmChannel[];
  flaps?: FlapPolicy;
}

export interface Plan {
  /** Events settled now (released or folded into a burst): marked planned. */
  plannedKeys: string[];
  deliveries: DeliveryRow[];
}

export function deliveryId(eventKey: string, recipientId: string, channel: AlarmChannel): string {
  return `${eventKey}|${recipientId}|${channel}`;
}

export function planEvents(input: PlanInput): Plan {
  const released: { event: AlarmEvent; flips?: number }[] = [];
  const plannedKeys = new Set<string>();
  const byProbe = new Map<string, AlarmEvent[]>();
  for (const event of input.events) {
    if (isTransition(event.kind) && event.probeId !== undefined) {
      const list = byProbe.get(event.probeId) ?? [];
      list.push(event);
      byProbe.set(event.probeId, list);
    } else released.push({ event });
  }
  for (const list of byProbe.values()) {
    list.sort((a, b) => a.at - b.at);
    const byKey = new Map(list.map((e) => [e.key, e]));
    for (const decision of planFlaps(list, input.now, input.flaps ?? DEFAULT_FLAP_POLICY)) {
      if (decision.action === 'hold') continue;
      plannedKeys.add(decision.key);
      if (decision.action === 'release') released.push({ event: byKey.get(decision.key)!, ...(decision.flips ? { flips: decision.flips } : {}) });
    }
  }
  const deliveries: DeliveryRow[] = [];
  for (const { event, flips } of released) {
    plannedKeys.add(event.key);
    // A "stable again" notice goes to whoever hears of the state the probe settled in.
    for (const { recipient, channel } of planRecipients(input.recipients, event, input.isCovered(event.at))) {
      const noChannel = !input.channels.includes(channel);
      deliveries.push({
        id: deliveryId(event.key, recipient.id, channel),
        eventKey: event.key,
        recipientId: recipient.id,
        channel,
        event,
        ...(flips ? { flips } : {}),
        state: noChannel ? 'no-channel' : 'pending',
        attempts: 0,
        queuedAt: input.now,
        nextAt: input.now,
        ...(noChannel ? { lastError: `no ${channel} channel configured` } : {}),
      });
    }
  }
  return { plannedKeys: [...plannedKeys], deliveries };
}
