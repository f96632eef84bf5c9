// An in-memory stand-in for Icinga's API behind the IcingaClient seam: serves recorded objects,
// lets a test push stream lines, close the stream, take the engine down, and see every call.
import type { EventStreamHandlers, IcingaClient, IcingaResponse, RequestOptions } from './icinga-client.ts';
import { recordedHosts, recordedServices } from './recorded.test-kit.ts';

export interface FakeCall {
  method: string;
  path: string;
  body: unknown;
}

export class FakeIcinga implements IcingaClient {
  up = true;
  hosts: unknown[] = structuredClone(recordedHosts);
  services: unknown[] = structuredClone(recordedServices);
  ackComments: unknown[] = [];
  /** Dependency objects; undefined: the API user may not read them (Icinga answers 404). */
  dependencies: unknown[] | undefined = [];
  programStart = 1_795_445_892.9;
  calls: FakeCall[] = [];
  streamsOpened = 0;
  /** Answers for action paths; 200 by default. */
  actionStatus = new Map<string, number>();
  /** Downtimes as /v1/objects/downtimes returns them (see `scheduleDowntime` for how they are made). */
  downtimes: Array<{ name: string; type: 'Downtime'; attrs: Record<string, unknown> }> = [];
  /** Runs while the snapshot queries are in flight, to inject events that race with them. */
  duringSnapshot?: () => void;
  private stream?: EventStreamHandlers;

  async request(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<IcingaResponse> {
    this.calls.push({ method, path, body: options.body });
    if (!this.up) throw new Error('connect ECONNREFUSED 127.0.0.1:5665');
    const vars = (options.body as { filter_vars?: { since?: number; ack_host?: string; ack_service?: string } } | undefined)?.filter_vars;
    const since = vars?.since;
    type Attrs = { last_check: number; acknowledgement: number; downtime_depth: number };
    const checkedSince = (objects: unknown[]) =>
      since === undefined ? objects : objects.filter((o) => ((a: Attrs) => a.last_check > since || a.acknowledgement !== 0 || a.downtime_depth > 0)((o as { attrs: Attrs }).attrs));
    if (path === '/v1/objects/hosts') {
      if (since === undefined) this.duringSnapshot?.();
      return { status: 200, body: { results: checkedSince(this.hosts) } };
    }
    if (path === '/v1/objects/services') return { status: 200, body: { results: checkedSince(this.services) } };
    if (path === '/v1/objects/comments') {
      type Comment = { attrs: { host_name: string; service_name: string } };
      const mine = vars?.ack_host === undefined ? this.ackComments : this.ackComments.filter((c) => (c as Comment).attrs.host_name === vars.ack_host && (c as Comment).attrs.service_name === vars.ack_service);
      return { status: 200, body: { results: mine } };
    }
    if (path === '/v1/objects/dependencies') return this.dependencies ? { status: 200, body: { results: this.dependencies } } : { status: 404, body: { error: 404, status: 'No objects found.' } };
    if (path === '/v1/status/IcingaApplication') return { status: 200, body: { results: [{ status: { icingaapplication: { app: { program_start: this.programStart } } } }] } };
    if (path === '/v1/objects/downtimes') return { status: 200, body: { results: structuredClone(this.downtimes) } };
    if (path === '/v1/actions/schedule-downtime' && !this.actionStatus.has(path)) return this.scheduleDowntime(options.body as Record<string, unknown>);
    if (path === '/v1/actions/remove-downtime' && !this.actionStatus.has(path)) return this.removeDowntimes(options.body as Record<string, unknown>);
    if (path.startsWith('/v1/objects/')) {
      const name = decodeURIComponent(path.split('/')[4] ?? '');
      const found = [...this.hosts, ...this.services].find((o) => (o as { name: string }).name === name);
      return found ? { status: 200, body: { results: [found] } } : { status: 404, body: { error: 404, status: 'No objects found.' } };
    }
    if (path.startsWith('/v1/actions/')) {
      const status = this.actionStatus.get(path) ?? 200;
      return { status, body: { results: [{ code: status, status: status === 200 ? 'ok' : 'refused' }] } };
    }
    return { status: 404, body: {} };
  }

  async openEventStream(body: unknown, handlers: EventStreamHandlers): Promise<{ close(): void }> {
    this.calls.push({ method: 'POST', path: '/v1/events', body });
    if (!this.up) throw new Error('connect ECONNREFUSED 127.0.0.1:5665');
    this.streamsOpened++;
    this.stream = handlers;
    return { close: () => (this.stream === handlers ? (this.stream = undefined) : undefined) };
  }

  destroy(): void {
    this.stream = undefined;
  }

  get streaming(): boolean {
    return this.stream !== undefined;
  }

  /** Send one event object (or raw text) down the open stream. */
  emit(event: object | string): void {
    const text = typeof event === 'string' ? event : JSON.stringify(event) + '\n';
    this.stream?.onChunk(Buffer.from(text, 'utf8'));
  }

  /** The engine stops: the stream closes and nothing answers until `up` is true again. */
  crash(): void {
    this.up = false;
    const stream = this.stream;
    this.stream = undefined;
    stream?.onClose(new Error('socket hang up'));
  }

  /** As Icinga 2.13 does: a host downtime with all_services gets one child per service (`parent`). */
  scheduleDowntime(body: Record<string, unknown>): IcingaResponse {
    const { author, comment, start_time, end_time, fixed } = body;
    const host = String(body.type === 'Host' ? body.host : String(body.service).split('!')[0]);
    const service = body.type === 'Service' ? String(body.service).split('!')[1]! : '';
    const add = (serviceName: string, parent: string) => {
      const short = `dt-${++this.downtimeCount}`;
      const name = [host, serviceName, short].filter(Boolean).join('!');
      this.downtimes.push({ name, type: 'Downtime', attrs: { name: short, host_name: host, service_name: serviceName, author, comment, start_time, end_time, entry_time: start_time, fixed, parent } });
      return name;
    };
    const name = add(service, '');
    if (body.type === 'Host' && body.all_services) {
      for (const s of this.services) if ((s as { name: string }).name.startsWith(`${host}!`)) add((s as { name: string }).name.slice(host.length + 1), name);
    }
    return { status: 200, body: { results: [{ code: 200, name, status: `Successfully scheduled downtime '${name}'` }] } };
  }

  /** By full name (`downtime`), or by the filter Vigie uses (the comment contains a marker); children go too. */
  removeDowntimes(body: Record<string, unknown>): IcingaResponse {
    const marker = (body.filter_vars as { marker?: string } | undefined)?.marker;
    const doomed = new Set(this.downtimes.filter((d) => (marker !== undefined ? String(d.attrs.comment).includes(marker) : d.name === body.downtime)).map((d) => d.name));
    if (doomed.size === 0) return { status: 404, body: { error: 404, status: 'No objects found.' } };
    this.downtimes = this.downtimes.filter((d) => !doomed.has(d.name) && !doomed.has(String(d.attrs.parent)));
    return { status: 200, body: { results: [...doomed].map((name) => ({ code: 200, status: `Successfully removed downtime '${name}'` })) } };
  }

  private downtimeCount = 0;

  setObjectAttrs(name: string, attrs: Record<string, unknown>): void {
    const found = [...this.hosts, ...this.services].find((o) => (o as { name: string }).name === name) as { attrs: Record<string, unknown> };
    Object.assign(found.attrs, attrs);
  }
}

/** A CheckResult (and, with `change`, its StateChange twin) as Icinga 2.13 sends them. */
export function checkEvent(host: string, service: string | undefined, state: number, output: string, at: number, change = false): object {
  return {
    type: change ? 'StateChange' : 'CheckResult',
    timestamp: at + 0.0001,
    host,
    ...(service === undefined ? {} : { service }),
    acknowledgement: false,
    downtime_depth: 0,
    ...(change ? { state: service === undefined ? (state >= 2 ? 1 : 0) : state, state_type: 1 } : {}),
    check_result: { state, exit_status: 0, output, execution_end: at, schedule_end: at, vars_after: { state, state_type: 1 } },
  };
}
