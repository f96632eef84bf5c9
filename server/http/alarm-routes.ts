// Alarm recipients and deliveries (docs/api.md "Alarms"). Support manages every recipient and reads
// who was told of an incident; a référent reads and saves only the recipient that is themselves
// (their login), in their collectivité, as a référent; the kiosk reads none of it.
import type { Recipient } from '../../src/domain/alarm-model.ts';
import { recipientIdSchema, recipientInputSchema, retryDeadLettersSchema, type DeadLetterDto, type DeliveryDto } from '../../src/protocol/alarms.ts';
import { z } from 'zod';
import type { AlarmStore, DeliveryRow } from '../alarms/alarm-store.ts';
import type { Principal } from '../ports.ts';
import { ApiError, forbidden, notFound, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, type ApiRoute } from './api-route.ts';
import { principalOf, requireScope } from './auth.ts';
import { idParamsSchema } from './estate-routes.ts';
import { findIncident } from './incident-source.ts';

const recipientParams = z.object({ id: recipientIdSchema });

function mayEdit(principal: Principal, recipient: Pick<Recipient, 'login'>): boolean {
  return principal.role === 'support' || (principal.role === 'referent' && recipient.login === principal.login);
}

export function alarmRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();
  const store = (): AlarmStore => {
    if (!deps.storage.alarms) throw new ApiError('not-found', 'the alarm service is not available');
    return deps.storage.alarms;
  };
  const caller = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    if (principal.role === 'kiosk') throw forbidden();
    return principal;
  };

  api.get('/alarms/recipients', async (request) => {
    const principal = caller(request);
    return (await store().listRecipients()).filter((r) => mayEdit(principal, r));
  });

  api.post('/alarms/recipients/:id', {}, async (request) => {
    const principal = caller(request);
    const { id } = validate(recipientParams, request.params, 'params');
    const input = validate(recipientInputSchema, request.body, 'body');
    const existing = (await store().listRecipients()).find((r) => r.id === id);
    if (existing && !mayEdit(principal, existing)) throw forbidden();
    let recipient: Recipient;
    if (principal.role === 'referent') {
      // A référent is one recipient: themselves, in their collectivité.
      if (input.audience !== 'referent' || (input.collectiviteId !== undefined && input.collectiviteId !== principal.collectiviteId)) throw forbidden();
      if (principal.collectiviteId === undefined) throw forbidden();
      recipient = { ...strip(input), id, audience: 'referent', collectiviteId: principal.collectiviteId, login: principal.login };
    } else {
      recipient = { ...strip(input), id };
      if (input.audience === 'referent' && input.collectiviteId === undefined) throw new ApiError('bad-request', 'collectiviteId: required for a référent', 'collectiviteId');
    }
    if (recipient.collectiviteId !== undefined && !deps.state.estate().collectivites.some((c) => c.id === recipient.collectiviteId)) throw notFound('collectivité');
    await store().saveRecipient(recipient);
    return recipient;
  });

  api.route('DELETE', '/alarms/recipients/:id', async (request) => {
    const principal = caller(request);
    const { id } = validate(recipientParams, request.params, 'params');
    const existing = (await store().listRecipients()).find((r) => r.id === id);
    if (!existing) throw notFound('recipient');
    if (!mayEdit(principal, existing)) throw forbidden();
    await store().removeRecipient(id);
    return { status: 204 };
  });

  api.get('/incidents/:id/deliveries', async (request) => {
    const principal = principalOf(request);
    const { id } = validate(idParamsSchema, request.params, 'params');
    const incident = await findIncident(deps.storage, deps.state, id);
    requireScope(principal, incident?.collectiviteId, 'incident');
    // Addresses and numbers are support's: a référent reads the counts on the timeline.
    if (principal.role !== 'support') throw forbidden();
    const recipients = new Map((await store().listRecipients()).map((r) => [r.id, r]));
    return (await store().deliveriesOf(id)).map((d) => deliveryDto(d, recipients.get(d.recipientId)));
  });

  // Dead letters: deliveries given up after their last attempt, for support to read and retry.
  const supportOnly = (request: Parameters<typeof principalOf>[0]) => {
    if (caller(request).role !== 'support') throw forbidden();
  };

  api.get('/alarms/dead-letters', async (request) => {
    supportOnly(request);
    const [rows, stats] = await Promise.all([store().deadDeliveries(DEAD_LETTERS_SHOWN), store().stats()]);
    const recipients = new Map((await store().listRecipients()).map((r) => [r.id, r]));
    const items = rows.map((d): DeadLetterDto => {
      const { collectivite, site, probe } = d.event.subject;
      return {
        ...deliveryDto(d, recipients.get(d.recipientId)),
        id: d.id,
        collectiviteId: d.event.collectiviteId,
        ...(d.event.incidentId !== undefined && { incidentId: d.event.incidentId }),
        subject: [collectivite, site, probe].filter(Boolean).join(' · '),
      };
    });
    return { items, total: stats.dead };
  });

  api.post('/alarms/dead-letters/retry', {}, async (request) => {
    supportOnly(request);
    const { ids } = validate(retryDeadLettersSchema, request.body, 'body');
    // Only deliveries that are dead now: a retry never resends what went out or waits already.
    const dead = new Set((await store().deadDeliveries(Number.MAX_SAFE_INTEGER)).map((d) => d.id));
    const retried = ids.filter((id) => dead.has(id));
    await store().patchDeliveries(retried, { state: 'failed', attempts: 0, nextAt: deps.now() });
    return { retried: retried.length };
  });

  return api.routes;
}

const DEAD_LETTERS_SHOWN = 200;

function deliveryDto(d: DeliveryRow, r: Recipient | undefined): DeliveryDto {
  const address = d.channel === 'mail' ? r?.email : r?.mobile;
  return {
    recipientId: d.recipientId,
    ...(r && { recipientName: r.name }),
    ...(address && { address }),
    channel: d.channel,
    state: d.state,
    attempts: d.attempts,
    kind: d.event.kind,
    queuedAt: d.queuedAt,
    nextAt: d.nextAt,
    ...(d.sentAt !== undefined && { sentAt: d.sentAt }),
    ...(d.lastError !== undefined && { lastError: d.lastError }),
  };
}

/** The input without undefined optional fields (exactOptionalPropertyTypes). */
function strip(input: ReturnType<typeof recipientInputSchema.parse>): Omit<Recipient, 'id'> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Omit<Recipient, 'id'>;
}

