// Which operator action an incident accepts in which status, and the tunable reopen window. Kept
// apart from the reducer so the UI can grey out buttons with the very rules the gateway enforces.
import type { Incident, IncidentStatus } from './model.ts';

export interface IncidentRules {
  /** A hard problem this soon after resolution reopens the incident instead of opening a new one. */
  reopenWindowMs: number;
}

/** DOMAIN.md: "a problem on the same probe within 15 minutes of resolution reopens the incident". */
export const DEFAULT_INCIDENT_RULES: IncidentRules = { reopenWindowMs: 15 * 60_000 };

export const OPERATOR_ACTIONS = ['acknowledge', 'comment', 'start-intervention', 'close'] as const;
export type OperatorActionType = (typeof OPERATOR_ACTIONS)[number];

/** Machine-readable reasons (the UI translates them); never shown raw to users. */
export type IncidentRefusal =
  | 'no-incident'
  | 'wrong-probe'
  | 'predates-incident'
  | 'comment-required'
  | 'already-closed'
  | 'already-acknowledged'
  | 'already-in-progress'
  | 'not-active'
  | 'still-active';

/** Statuses in which the probe is still in trouble (the GTI clock and the wall display care). */
export function isActive(incident: Incident): boolean {
  return incident.status === 'open' || incident.status === 'acknowledged' || incident.status === 'in-progress';
}

/** Whether the support cell is on a group of incidents: every active one acknowledged, or someone on site for all. */
export type Handling = 'acknowledged' | 'in-progress';

/** How a row (a cause and what it explains, or one probe) reads: undefined while one incident is still open. */
export function handlingOf(incidents: readonly Incident[]): Handling | undefined {
  if (incidents.length === 0 || incidents.some((i) => i.status === 'open')) return undefined;
  return incidents.every((i) => i.status === 'in-progress') ? 'in-progress' : 'acknowledged';
}

/** Finished incidents (resolved or closed) stay on the live views this long, then only in the history. */
export const LIVE_RECENT_MS = 24 * 3_600_000;

/**
 * Whether an incident still belongs on the live views at `now`: active, or finished within
 * `recentMs`. The gateway drops the others from memory and the SPA's live store from its own, so a
 * wall that runs for weeks holds one day of finished incidents, not all of them.
 */
export function isLiveRecent(incident: Incident, now: number, recentMs = LIVE_RECENT_MS): boolean {
  if (isActive(incident)) return true;
  const finishedAt = incident.closedAt ?? incident.resolvedAt;
  return finishedAt === undefined || finishedAt >= now - recentMs;
}

const ALLOWED: Record<OperatorActionType, (status: IncidentStatus) => IncidentRefusal | undefined> = {
  // Acknowledging says "we have seen it": only meaningful before anyone took it on.
  acknowledge: (s) =>
    s === 'open' ? undefined : s === 'acknowledged' ? 'already-acknowledged' : s === 'in-progress' ? 'already-in-progress' : refuseInactive(s),
  // Comments stay possible after resolution (post-mortem notes) until the incident is closed.
  comment: (s) => (s === 'closed' ? 'already-closed' : undefined),
  // An intervention may start without a prior acknowledgement: starting work implies having seen it.
  'start-intervention': (s) =>
    s === 'open' || s === 'acknowledged' ? undefined : s === 'in-progress' ? 'already-in-progress' : refuseInactive(s),
  // Closing files a resolved incident away; an active one must resolve first (the probe decides).
  close: (s) => (s === 'resolved' ? undefined : s === 'closed' ? 'already-closed' : 'still-active'),
};

function refuseInactive(status: IncidentStatus): IncidentRefusal {
  return status === 'closed' ? 'already-closed' : 'not-active';
}

/** Why `action` would be refused on `incident` (status rules only), or undefined when allowed. */
export function refusalFor(incident: Incident | undefined, action: OperatorActionType): IncidentRefusal | undefined {
  if (!incident) return 'no-incident';
  return ALLOWED[action](incident.status);
}

/** The actions an operator may take on the incident now, in display order. */
export function allowedActions(incident: Incident | undefined): OperatorActionType[] {
  return OPERATOR_ACTIONS.filter((action) => refusalFor(incident, action) === undefined);
}
