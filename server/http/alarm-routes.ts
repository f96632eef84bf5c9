// Alarm recipients and deliveries (docs/api.md "Alarms"). Support manages every recipient and reads
// who was told of an incident; a référent reads and saves only the recipient that is themselves
// (their login), in their collectivité, as a référent; the kiosk reads none of it.
import type { Recipient } from '../../src/domain/alarm-model.ts';
import { recipientIdSchema, recipientInputSchema, type DeliveryDto } from '../../src/protocol/alarms.ts';
import { z } from 'zod';
import type { AlarmStore } from '../alarms/alarm-store.ts';
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
    const rows = await store().deliveriesOf(id);
    return rows.map((d): DeliveryDto => {
      const r = recipients.get(d.recipientId);
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
    });
  });

  return api.routes;
}

/** The input without undefined optional fields (exactOptionalPropertyTypes). */
function strip(input: ReturnType<typeof recipientInputSchema.parse>): Omit<Recipient, 'id'> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Omit<Recipient, 'id'>;
}

