// The read queries of the Icinga source: the full snapshot (hosts, services, acknowledgement
// comments, declared dependencies, engine start time), the flags of one object and the liveness query.
// Object queries are POST + X-HTTP-Method-Override: GET.
import { fetchDependencies, type DependencyReading } from './dependencies.ts';
import { engineStatusOf, IcingaHttpError, type IcingaClient, type IcingaResponse } from './icinga-client.ts';
import { OBJECT_ATTRS, SERVICE_JOINS } from './icinga-shapes.ts';
import { icingaNameOf, icingaRefOf } from './probe-ids.ts';

export interface IcingaSnapshot {
  hosts: unknown[];
  services: unknown[];
  ackComments: unknown[];
  /**
   * Declared dependencies, or why they could not be read: they only group problems for people, so
   * a user without `objects/query/Dependency` still gets its estate, without them.
   */
  dependencies: DependencyReading | { error: string };
  /** Epoch seconds the engine started at: a change means it restarted. */
  programStart: number | undefined;
}

const HOST_ATTRS = OBJECT_ATTRS.filter((a) => a !== 'host_name');
const STATUS_PATH = '/v1/status/IcingaApplication';

async function query(client: IcingaClient, path: string, body: unknown, timeoutMs: number): Promise<unknown[]> {
  const res = await client.request('POST', path, { body, timeoutMs, readOnly: true });
  return resultsOf(res, path);
}

function resultsOf(res: IcingaResponse, path: string): unknown[] {
  const results = (res.body as { results?: unknown } | null)?.results;
  if (res.status !== 200 || !Array.isArray(results)) throw new IcingaHttpError(res.status, path, engineStatusOf(res.body));
  return results;
}

export async function fetchSnapshot(client: IcingaClient, timeoutMs: number): Promise<IcingaSnapshot> {
  const [hosts, services, ackComments, dependencies, status] = await Promise.all([
    query(client, '/v1/objects/hosts', { attrs: HOST_ATTRS }, timeoutMs),
    query(client, '/v1/objects/services', { attrs: OBJECT_ATTRS, joins: SERVICE_JOINS }, timeoutMs),
    query(client, '/v1/objects/comments', { attrs: ['author', 'text', 'host_name', 'service_name', 'entry_type', 'entry_time'], filter: 'comment.entry_type == 4' }, timeoutMs),
    fetchDependencies(client, timeoutMs).catch((error: Error) => ({ error: error.message })),
    client.request('GET', STATUS_PATH, { timeoutMs }).then((res) => resultsOf(res, STATUS_PATH)),
  ]);
  const programStart = programStartIn(status[0]);
  return { hosts, services, ackComments, dependencies, programStart: typeof programStart === 'number' ? programStart : undefined };
}

/** The liveness query: Icinga's HTTP status and, when 200, the program_start it reports. */
export async function fetchEngineStatus(client: IcingaClient, timeoutMs: number): Promise<{ status: number; programStart?: unknown; engineStatus?: string }> {
  const res = await client.request('GET', STATUS_PATH, { timeoutMs });
  if (res.status !== 200) return { status: res.status, ...(engineStatusOf(res.body) && { engineStatus: engineStatusOf(res.body) }) };
  return { status: 200, programStart: programStartIn((res.body as { results?: unknown[] }).results?.[0]) };
}

function programStartIn(result: unknown): unknown {
  return (result as { status?: { icingaapplication?: { app?: { program_start?: unknown } } } } | undefined)?.status?.icingaapplication?.app?.program_start;
}

/** The acknowledgement comment of one object (who acknowledged, and why), if any. */
export async function fetchAckComment(client: IcingaClient, probeId: string, timeoutMs: number): Promise<unknown | undefined> {
  const ref = icingaRefOf(probeId);
  if (!ref) return undefined;
  const filter = 'comment.entry_type == 4 && comment.host_name == ack_host && comment.service_name == ack_service';
  const results = await query(client, '/v1/objects/comments', { attrs: ['author', 'text', 'host_name', 'service_name', 'entry_type', 'entry_time'], filter, filter_vars: { ack_host: ref.host, ack_service: ref.type === 'Service' ? ref.service : '' } }, timeoutMs);
  return results.at(-1);
}

/** Downtime depth and acknowledgement of one object; undefined when it no longer exists. */
export async function fetchObject(client: IcingaClient, probeId: string, timeoutMs: number): Promise<{ attrs: { downtime_depth: number; acknowledgement: number } } | undefined> {
  const ref = icingaRefOf(probeId);
  if (!ref) return undefined;
  const path = `/v1/objects/${ref.type === 'Host' ? 'hosts' : 'services'}/${encodeURIComponent(icingaNameOf(ref))}`;
  const res = await client.request('POST', path, { body: { attrs: ['downtime_depth', 'acknowledgement'] }, timeoutMs, readOnly: true });
  if (res.status === 404) return undefined;
  const first = resultsOf(res, path)[0] as { attrs?: { downtime_depth?: unknown; acknowledgement?: unknown } } | undefined;
  const depth = first?.attrs?.downtime_depth;
  const ack = first?.attrs?.acknowledgement;
  return typeof depth === 'number' && typeof ack === 'number' ? { attrs: { downtime_depth: depth, acknowledgement: ack } } : undefined;
}

/** Hosts and services checked after `since` (Icinga clock, seconds) or acknowledged or in downtime: the catch-up poll. */
export async function fetchCheckedSince(client: IcingaClient, since: number, timeoutMs: number): Promise<unknown[]> {
  const [hosts, services] = await Promise.all([
    query(client, '/v1/objects/hosts', { attrs: HOST_ATTRS, filter: 'host.last_check > since || host.acknowledgement != 0 || host.downtime_depth > 0', filter_vars: { since } }, timeoutMs),
    query(client, '/v1/objects/services', { attrs: OBJECT_ATTRS, filter: 'service.last_check > since || service.acknowledgement != 0 || service.downtime_depth > 0', filter_vars: { since } }, timeoutMs),
  ]);
  return [...hosts, ...services];
}
