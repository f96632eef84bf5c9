// Translations between the three shapes an operator action takes: an action seen in the engine
// (SourceAction), one made in Vigie (OperatorAction), and the incident reducer's event.
import type { IncidentEvent } from '../../src/domain/incidents.ts';
import type { Instant } from '../../src/domain/model.ts';
import type { SourceAction } from '../../src/protocol/source.ts';
import type { OperatorAction } from '../../src/protocol/rest.ts';

/** The engine's action as a reducer event; an acknowledgement without comment gets one saying where it came from. */
export function eventFromSource(action: SourceAction, sourceName: string): IncidentEvent | undefined {
  const comment = action.comment?.trim();
  switch (action.type) {
    case 'acknowledge':
      return { type: 'acknowledge', at: action.at, by: action.by, comment: comment || `acquitté dans ${sourceName}` };
    case 'comment':
      return comment ? { type: 'comment', at: action.at, by: action.by, comment } : undefined;
    case 'start-intervention':
      return comment ? { type: 'start-intervention', at: action.at, by: action.by, comment } : { type: 'start-intervention', at: action.at, by: action.by };
  }
}

export function eventFromOperator(action: OperatorAction, at: Instant, by: string): IncidentEvent {
  switch (action.action) {
    case 'acknowledge':
    case 'comment':
      return { type: action.action, at, by, comment: action.comment };
    case 'start-intervention':
    case 'close':
      return action.comment === undefined ? { type: action.action, at, by } : { type: action.action, at, by, comment: action.comment };
  }
}

/** What to push back to the engine, if the engine has such a notion (closing is Vigie's own). */
export function sourceActionFor(action: OperatorAction, probeId: string, at: Instant, by: string): SourceAction | undefined {
  if (action.action === 'close') return undefined;
  const out: SourceAction = { type: action.action, probeId, at, by };
  if (action.comment) out.comment = action.comment;
  return out;
}

/** Key under which a pushed action is remembered, so its echo from the engine is not applied twice. */
export function echoKey(action: Pick<SourceAction, 'type' | 'probeId' | 'by' | 'comment'>): string {
  return JSON.stringify([action.type, action.probeId, action.by, action.comment?.trim() ?? '']);
}
