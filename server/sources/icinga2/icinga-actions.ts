// Operator actions made in Vigie, written back into Icinga so both consoles agree: an
// acknowledgement or an intervention becomes acknowledge-problem, a comment becomes add-comment.
import type { SourceAction } from '../../../src/protocol/source.ts';
import type { IcingaClient } from './icinga-client.ts';
import { icingaNameOf, icingaRefOf } from './probe-ids.ts';

export interface IcingaActionCall {
  path: '/v1/actions/acknowledge-problem' | '/v1/actions/add-comment';
  body: Record<string, unknown>;
}

/** The comment Icinga shows for a Vigie action (Icinga requires one). */
export function icingaCommentFor(action: SourceAction): string {
  const comment = action.comment?.trim();
  switch (action.type) {
    case 'acknowledge':
      return comment || 'Acquitté dans Vigie';
    case 'start-intervention':
      return comment ? `Intervention démarrée dans Vigie : ${comment}` : 'Intervention démarrée dans Vigie';
    case 'comment':
      return comment || '(commentaire vide)';
  }
}

/** The API call for an action; undefined for a probe id that is not an Icinga object name. */
export function icingaCallFor(action: SourceAction): IcingaActionCall | undefined {
  const ref = icingaRefOf(action.probeId);
  if (!ref) return undefined;
  const target = ref.type === 'Host' ? { type: 'Host', host: icingaNameOf(ref) } : { type: 'Service', service: icingaNameOf(ref) };
  const body = { ...target, author: action.by, comment: icingaCommentFor(action) };
  if (action.type === 'comment') return { path: '/v1/actions/add-comment', body };
  // Sticky: like a Vigie acknowledgement, it holds until the probe is OK again.
  return { path: '/v1/actions/acknowledge-problem', body: { ...body, sticky: true } };
}

/**
 * Send the action. When Icinga refuses an acknowledgement (409: already acknowledged, or the
 * problem is gone) the text is still recorded there as a comment. Resolves to what Icinga did.
 */
export async function pushActionToIcinga(client: IcingaClient, action: SourceAction, timeoutMs: number): Promise<'acknowledged' | 'commented'> {
  const call = icingaCallFor(action);
  if (!call) throw new Error(`probe ${action.probeId} is not an Icinga object`);
  const res = await client.request('POST', call.path, { body: call.body, timeoutMs });
  if (res.status >= 200 && res.status < 300) return call.path.endsWith('acknowledge-problem') ? 'acknowledged' : 'commented';
  if (res.status === 409 && call.path.endsWith('acknowledge-problem')) {
    const { sticky: _sticky, ...commentBody } = call.body;
    const fallback = await client.request('POST', '/v1/actions/add-comment', { body: commentBody, timeoutMs });
    if (fallback.status >= 200 && fallback.status < 300) return 'commented';
    throw new Error(`Icinga refused add-comment on ${action.probeId}: HTTP ${fallback.status} ${describe(fallback.body)}`);
  }
  throw new Error(`Icinga refused ${call.path.slice('/v1/actions/'.length)} on ${action.probeId}: HTTP ${res.status} ${describe(res.body)}`);
}

function describe(body: unknown): string {
  const b = body as { status?: unknown; results?: Array<{ status?: unknown }> } | null;
  return String(b?.results?.[0]?.status ?? b?.status ?? '').slice(0, 200);
}
