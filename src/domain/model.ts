// The supervision model: collectivité → site → equipment → probe, and the states a probe can be in.
// States follow the monitoring-plugin convention (exit codes 0–3) plus PENDING for never-checked
// probes, so any Nagios/Icinga-style engine maps onto Vigie without translation tables.

/** Instants are epoch milliseconds (UTC). Calendar logic converts to Europe/Paris itself. */
export type Instant = number;

export const PROBE_STATES = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN', 'PENDING'] as const;
export type ProbeState = (typeof PROBE_STATES)[number];

export const STATE_TYPES = ['SOFT', 'HARD'] as const;
export type StateType = (typeof STATE_TYPES)[number];

export const PROBE_KINDS = ['disk', 'camera', 'internet', 'link', 'host', 'http', 'service'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

/** What a camera probe reports beyond OK/CRITICAL (the contract names "floutée"). */
export const CAMERA_CONDITIONS = ['online', 'offline', 'blurred'] as const;
export type CameraCondition = (typeof CAMERA_CONDITIONS)[number];

export const EQUIPMENT_KINDS = ['server', 'nas', 'switch', 'router', 'firewall', 'camera', 'wifi-ap'] as const;
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];

export const SITE_KINDS = ['mairie', 'ecole', 'atelier', 'salle-sports', 'mediatheque', 'periscolaire', 'autre'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export interface Collectivite {
  id: string;
  /** INSEE code for communes, SIREN for inter-municipal bodies. */
  insee: string;
  name: string;
  /** Inter-municipal body (EPCI) this collectivité belongs to, if any. */
  epci?: string;
  lat: number;
  lng: number;
}

export interface Site {
  id: string;
  collectiviteId: string;
  name: string;
  kind: SiteKind;
  lat: number;
  lng: number;
}

export interface Equipment {
  id: string;
  siteId: string;
  name: string;
  kind: EquipmentKind;
}

export interface Probe {
  id: string;
  equipmentId: string;
  name: string;
  kind: ProbeKind;
  /** Seconds between checks. */
  interval: number;
}

/** Everything supervised, as the source describes it: collectivités → sites → equipment → probes. */
export interface Estate {
  collectivites: Collectivite[];
  sites: Site[];
  equipment: Equipment[];
  probes: Probe[];
  /**
   * Declared dependencies (Icinga 2 `Dependency` objects): the child probe only works through the
   * parent probe, so a child failing with its parent is folded under it (root-cause.ts rule 3).
   * Both ends are probes of this estate. Absent when the source declares none.
   */
  dependencies?: ProbeDependency[];
}

/** One declared dependency between two probes of the estate: parent → child. */
export interface ProbeDependency {
  parent: string;
  child: string;
}

/** The live condition of one probe: what the engine last said about it. */
export interface ProbeStatus {
  probeId: string;
  state: ProbeState;
  stateType: StateType;
  /** First line of plugin output. Data, never markup. */
  output: string;
  lastCheck: Instant | null;
  /** When the current state started. */
  since: Instant;
  acknowledged: boolean;
  inDowntime: boolean;
  camera?: CameraCondition;
}

/** Two statuses say the same thing (every field compared), so a repeat is not a change. */
export function sameStatus(a: ProbeStatus, b: ProbeStatus): boolean {
  return (
    a.state === b.state &&
    a.stateType === b.stateType &&
    a.output === b.output &&
    a.lastCheck === b.lastCheck &&
    a.since === b.since &&
    a.acknowledged === b.acknowledged &&
    a.inDowntime === b.inDowntime &&
    a.camera === b.camera
  );
}

// ---- State rules: what a state means, in one place for the gateway, the SPA and the sources ----
// Decision — declared maintenance (downtime): a probe in maintenance is not "trouble", whatever its
// state. It is not in the problem list, not counted among the wall's failing probes, and does not
// colour its site; the screens that show it say "en maintenance" instead (the site panel, the wall's
// count). Availability counts its time as maintenance (sla-rules.ts). DOMAIN.md also says it opens
// no incident; the incident reducer does not see maintenance yet (left to the maintenance work).

const SEVERITY: Record<ProbeState, number> = { OK: 0, PENDING: 1, UNKNOWN: 2, WARNING: 3, CRITICAL: 4 };

/** Order states from best to worst: CRITICAL > WARNING > UNKNOWN > PENDING > OK. */
export function stateSeverity(state: ProbeState): number {
  return SEVERITY[state];
}

export function worstState(states: Iterable<ProbeState>): ProbeState {
  let worst: ProbeState = 'OK';
  for (const s of states) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** A problem worth an incident: WARNING or CRITICAL. UNKNOWN is "unmeasured", not a failure. */
export function isProblem(state: ProbeState): boolean {
  return state === 'WARNING' || state === 'CRITICAL';
}

/** In trouble: WARNING, CRITICAL or UNKNOWN (a check that cannot tell), and not in declared maintenance. */
export function isTroubled(status: ProbeStatus): boolean {
  return status.state !== 'OK' && status.state !== 'PENDING' && !status.inDowntime;
}

/** The state a probe gives its site's colour: OK while in maintenance, PENDING when never heard of. */
export function siteColourState(status: ProbeStatus | undefined): ProbeState {
  return status === undefined ? 'PENDING' : status.inDowntime ? 'OK' : status.state;
}

/** Plugin exit code → state. Anything outside 0–3 is UNKNOWN, as in Nagios (Icinga's service states too). */
export function stateFromExitCode(code: number): ProbeState {
  return code === 0 ? 'OK' : code === 1 ? 'WARNING' : code === 2 ? 'CRITICAL' : 'UNKNOWN';
}

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'in-progress', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const TIMELINE_KINDS = [
  'opened',
  'notified',
  'state-changed',
  'acknowledged',
  'commented',
  'intervention-started',
  'resolved',
  'reopened',
  'closed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  at: Instant;
  kind: TimelineKind;
  /** Who did it (operator login) for operator actions; absent for engine events. */
  by?: string;
  comment?: string;
  /** Probe state carried by opened / state-changed / reopened entries. */
  state?: ProbeState;
  /** On 'notified' entries: an alarm delivery that happened (alarm-model.ts); never written before it did. */
  delivery?: DeliveryNote;
}

export const DELIVERY_CHANNELS = ['mail', 'sms'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_AUDIENCES = ['referent', 'support'] as const;
export type DeliveryAudience = (typeof DELIVERY_AUDIENCES)[number];
/** sent: accepted by the channel; failed: will be retried at retryAt; dead: given up; no-channel: nothing configured. */
export const DELIVERY_OUTCOMES = ['sent', 'failed', 'dead', 'no-channel'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * What an incident's timeline says about one delivery attempt: a channel, how many recipients and
 * of which audiences, the outcome. Never the addresses: référents read this timeline too.
 */
export interface DeliveryNote {
  channel: DeliveryChannel;
  audiences: DeliveryAudience[];
  recipients: number;
  outcome: DeliveryOutcome;
  /** Next attempt, on 'failed'. */
  retryAt?: Instant;
  /** Set when the message was a digest: how many incidents it covered. */
  digestOf?: number;
}

/** How a root cause explains its dependents (domain/root-cause.ts rules 1–4). */
export const CAUSE_KINDS = ['site-cut', 'link-cut', 'dependency', 'area-cut'] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

/**
 * The cause a dependent incident is attached to (domain/incident-cause.ts): the cause probe's
 * incident. Only `kind` is left when the reader may not see the cause (another collectivité's).
 */
export interface IncidentCause {
  kind: CauseKind;
  incidentId?: string;
  probeId?: string;
  collectiviteId?: string;
  /** Attached when it opened: its alarms are the cause's (docs/alarms.md). */
  atOpening?: boolean;
}

/** An incident: one probe's problem, from its first hard problem state to closure. */
export interface Incident {
  id: string;
  probeId: string;
  siteId: string;
  collectiviteId: string;
  status: IncidentStatus;
  /** Worst state reached while open. */
  severity: 'WARNING' | 'CRITICAL';
  openedAt: Instant;
  acknowledgedAt?: Instant;
  interventionAt?: Instant;
  resolvedAt?: Instant;
  closedAt?: Instant;
  timeline: TimelineEntry[];
  /**
   * 1 when opened, bumped by the incident reducer on every change (incidents.ts): of two copies of
   * an incident, the higher version is the newer (incident-version.ts).
   */
  version: number;
  /** Set on a dependent incident: the root cause it is attached to (GTI still runs per incident). */
  cause?: IncidentCause;
}
