// HTTPS transport to Icinga 2's REST API (node:https, no extra dependency): JSON queries and actions,
// and the long-lived /v1/events stream. TLS is verified against the Icinga CA unless an explicit
// opt-out is given for a loopback URL; the node certificate has no IP SAN, hence `servername`.
import { request as httpsRequest, Agent, type RequestOptions as HttpsOptions } from 'node:https';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';

export interface IcingaConnection {
  /** Base URL of the API, e.g. https://icinga.example.org:5665 */
  url: string;
  user: string;
  password: string;
  /** PEM file of the Icinga CA (e.g. /var/lib/icinga2/certs/ca.crt); system CAs when absent. */
  caPath?: string;
  /** Name to verify the certificate against when the URL uses an IP or another name. */
  servername?: string;
  /** Skip certificate verification. Refused unless the URL is loopback (tests only). */
  insecureLoopback?: boolean;
}

export interface IcingaResponse {
  status: number;
  body: unknown;
}

export interface EventStreamHandlers {
  onChunk(chunk: Buffer): void;
  /** The stream ended or failed; called once. */
  onClose(error?: Error): void;
}

export interface RequestOptions {
  body?: unknown;
  timeoutMs?: number;
  /** Object queries are POSTs read as GET (X-HTTP-Method-Override), so filters fit in a body. */
  readOnly?: boolean;
}

export interface IcingaClient {
  request(method: 'GET' | 'POST', path: string, options?: RequestOptions): Promise<IcingaResponse>;
  /** Resolves once Icinga answered 200 and the stream flows; close() ends it without onClose errors. */
  openEventStream(body: unknown, handlers: EventStreamHandlers, timeoutMs?: number): Promise<{ close(): void }>;
  destroy(): void;
}

export class IcingaConfigError extends Error {
  override readonly name = 'IcingaConfigError';
}

/** Icinga (or whatever listens at the URL) answered, but not with what was asked; see classify-source-problem.ts. */
export class IcingaHttpError extends Error {
  override readonly name = 'IcingaHttpError';
  constructor(
    readonly status: number,
    readonly path: string,
    /** Icinga's own words (`status` of its JSON error body), when it gave some. */
    readonly engineStatus?: string,
  ) {
    super(`Icinga answered HTTP ${status} on ${path}${engineStatus ? `: ${engineStatus.slice(0, 200)}` : ''}`);
  }
}

/** The code of the error when Icinga ends an open event stream (it stopped, restarted or reloaded). */
export const STREAM_CLOSED = 'ICINGA_STREAM_CLOSED';

/** A request that got no answer in time; code ETIMEDOUT like the system's own timeouts. */
export function timeoutError(message: string): Error {
  return Object.assign(new Error(message), { code: 'ETIMEDOUT' });
}

/** Icinga's JSON error body `{"error":401,"status":"…"}`, or the first characters of another body. */
export function engineStatusOf(body: unknown): string | undefined {
  const status = (body as { status?: unknown } | null)?.status;
  if (typeof status === 'string') return status.slice(0, 200);
  const raw = (body as { raw?: unknown } | null)?.raw;
  return typeof raw === 'string' && raw ? raw.slice(0, 200) : undefined;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** TLS options for node:https; throws on an insecure opt-out for a non-loopback URL. */
export function tlsOptionsFor(connection: IcingaConnection, readFile: (path: string) => Buffer = readFileSync): Pick<HttpsOptions, 'ca' | 'servername' | 'rejectUnauthorized'> {
  const url = new URL(connection.url);
  if (url.protocol !== 'https:') throw new IcingaConfigError(`ICINGA_URL must be https:// (got ${url.protocol})`);
  if (connection.insecureLoopback) {
    if (!isLoopbackHost(url.hostname)) throw new IcingaConfigError(`insecure TLS is only allowed for loopback URLs, not ${url.hostname}`);
    return { rejectUnauthorized: false };
  }
  const options: Pick<HttpsOptions, 'ca' | 'servername' | 'rejectUnauthorized'> = { rejectUnauthorized: true };
  if (connection.caPath) options.ca = readFile(connection.caPath);
  if (connection.servername) options.servername = connection.servername;
  return options;
}

export function createIcingaClient(connection: IcingaConnection): IcingaClient {
  const base = new URL(connection.url);
  const tls = tlsOptionsFor(connection);
  const agent = new Agent({ keepAlive: true, maxSockets: 4, ...tls });
  const auth = 'Basic ' + Buffer.from(`${connection.user}:${connection.password}`).toString('base64');
  const open = new Set<ClientRequest>();

  function send(method: string, path: string, body: unknown, useAgent: boolean, readOnly = false): ClientRequest {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpsRequest({
      protocol: 'https:',
      hostname: base.hostname.replace(/^\[|\]$/g, ''),
      port: base.port || 5665,
      path: base.pathname.replace(/\/$/, '') + path,
      method,
      ...tls,
      agent: useAgent ? agent : false,
      headers: {
        Accept: 'application/json',
        Authorization: auth,
        ...(readOnly ? { 'X-HTTP-Method-Override': 'GET' } : {}),
        ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
      },
    });
    open.add(req);
    req.on('close', () => open.delete(req));
    req.end(payload);
    return req;
  }

  return {
    request(method, path, { body, timeoutMs = 10_000, readOnly = false } = {}) {
      return new Promise((resolve, reject) => {
        const req = send(method, path, body, true, readOnly);
        req.setTimeout(timeoutMs, () => req.destroy(timeoutError(`Icinga API timeout after ${timeoutMs} ms on ${path}`)));
        req.on('error', reject);
        req.on('response', (res) => {
          readAll(res)
            .then((text) => resolve({ status: res.statusCode ?? 0, body: parseJson(text) }))
            .catch(reject);
        });
      });
    },

    openEventStream(body, handlers, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        let settled = false;
        let closed = false;
        const req = send('POST', '/v1/events', body, false);
        const finish = (error?: Error) => {
          if (closed) return;
          closed = true;
          if (!settled) {
            settled = true;
            reject(error ?? new Error('event stream closed before it opened'));
          } else handlers.onClose(error);
        };
        const timer = setTimeout(() => req.destroy(timeoutError(`event stream did not open within ${timeoutMs} ms`)), timeoutMs);
        req.on('error', (error) => finish(error));
        req.on('close', () => {
          clearTimeout(timer);
          finish(settled ? Object.assign(new Error('event stream closed'), { code: STREAM_CLOSED }) : undefined);
        });
        req.on('response', (res) => {
          clearTimeout(timer);
          if (res.statusCode !== 200) {
            readAll(res).then((text) => finish(new IcingaHttpError(res.statusCode ?? 0, '/v1/events', engineStatusOf(parseJson(text)))), finish);
            return;
          }
          // Icinga sends nothing until an event happens: keep the socket alive but do not time out.
          res.socket.setKeepAlive(true, 10_000);
          res.on('data', (chunk: Buffer) => handlers.onChunk(chunk));
          res.on('error', (error) => finish(error));
          settled = true;
          resolve({
            close: () => {
              closed = true;
              req.destroy();
            },
          });
        });
      });
    },

    destroy() {
      for (const req of open) req.destroy();
      agent.destroy();
    },
  };
}

function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text.slice(0, 500) };
  }
}
