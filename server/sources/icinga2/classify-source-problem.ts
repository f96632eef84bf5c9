// Why the gateway cannot use Icinga, in words an administrator can act on: one failure (a TLS or
// network error from node:https, or an IcingaHttpError) becomes a SourceProblem naming the setting
// to change. Shapes recorded from Icinga 2.13.6 (tmp probes, Dec 2026): a missing permission on a
// whole object type answers 404 "No objects found.", not 403; a missing events/* answers 404 on
// /v1/events; bad credentials answer 401. Pure: no I/O.
import type { SourceProblem } from '../../../src/protocol/source-problem.ts';
import { IcingaHttpError, STREAM_CLOSED } from './icinga-client.ts';

export interface ProblemContext {
  url: string;
  user: string;
  servername?: string;
  caPath?: string;
}

const PERMISSIONS = 'objects/query/*, events/*, actions/*, status/query';

/** The permission an API path needs, for the paths the source reads. */
export function permissionFor(path: string): string | undefined {
  const object = /^\/v1\/objects\/(hosts|services|comments|downtimes)\b/.exec(path)?.[1];
  if (object) return `objects/query/${{ hosts: 'Host', services: 'Service', comments: 'Comment', downtimes: 'Downtime' }[object]}`;
  if (path.startsWith('/v1/status')) return 'status/query';
  if (path.startsWith('/v1/events')) return 'events/*';
  return undefined;
}

const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the host name is unknown',
  EAI_AGAIN: 'the host name could not be resolved',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ETIMEDOUT: 'no answer in time',
  ECONNRESET: 'the connection was dropped',
  EPIPE: 'the connection was dropped',
};

interface TlsError {
  code?: unknown;
  message?: unknown;
  cert?: { subject?: { CN?: unknown }; subjectaltname?: unknown };
}

/** The names a certificate answers to: its CN and DNS subject alternative names. */
export function certificateNamesOf(cert: TlsError['cert']): string[] {
  const names = new Set<string>();
  if (typeof cert?.subject?.CN === 'string') names.add(cert.subject.CN);
  if (typeof cert?.subjectaltname === 'string') {
    for (const part of cert.subjectaltname.split(',')) {
      const match = /^\s*DNS:(.+)$/.exec(part);
      if (match) names.add(match[1]!.trim());
    }
  }
  return [...names].slice(0, 8);
}

function target(ctx: ProblemContext): string {
  const url = new URL(ctx.url);
  return `${url.hostname}:${url.port || '5665'}`;
}

export function classifySourceProblem(failure: unknown, ctx: ProblemContext): SourceProblem {
  const problem = failure instanceof IcingaHttpError ? httpProblem(failure, ctx) : networkProblem(failure, ctx);
  // Engine words and paths are bounded here so the problem always fits the wire schema.
  return { ...problem, message: problem.message.slice(0, 500), fix: problem.fix.slice(0, 500), ...(problem.target && { target: problem.target.slice(0, 300) }) };
}

function networkProblem(failure: unknown, ctx: ProblemContext): SourceProblem {
  const error = (failure ?? {}) as TlsError;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const detail = typeof error.message === 'string' ? error.message : String(failure);
  const where = target(ctx);

  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = certificateNamesOf(error.cert);
    const checked = ctx.servername ?? new URL(ctx.url).hostname.replace(/^\[|\]$/g, '');
    const name = names[0];
    return {
      kind: 'certificate-name',
      message: `The Icinga certificate at ${where} is issued to ${names.length ? names.map((n) => `"${n}"`).join(', ') : 'another name'}, not to "${checked}" (the name Vigie checked).`,
      fix: `Set ICINGA_SERVERNAME to the name in the Icinga certificate, e.g. ICINGA_SERVERNAME=${name ?? 'icinga-master'}.`,
      setting: 'ICINGA_SERVERNAME',
      ...(name && { value: name }),
      checkedName: checked,
      ...(names.length && { certificateNames: names }),
      code,
      target: where,
    };
  }
  if (code && (UNTRUSTED.has(code) || EXPIRED.has(code))) {
    const expired = EXPIRED.has(code);
    return {
      kind: 'certificate-untrusted',
      message: expired
        ? `The Icinga certificate at ${where} is outside its validity period (${code}).`
        : `The Icinga certificate at ${where} is not signed by ${ctx.caPath ? `the CA in ICINGA_CA (${ctx.caPath})` : 'a CA this machine trusts'} (${code}).`,
      fix: expired
        ? 'Renew the Icinga node certificate (icinga2 pki), or fix the clock of the Icinga or Vigie machine.'
        : `${ctx.caPath ? 'Point ICINGA_CA at the CA of this Icinga' : 'Set ICINGA_CA to the CA of this Icinga'}: /var/lib/icinga2/certs/ca.crt on the master.`,
      setting: expired ? 'Icinga certificate' : 'ICINGA_CA',
      code,
      target: where,
    };
  }
  if (code === STREAM_CLOSED) {
    return {
      kind: 'unreachable',
      message: `Icinga at ${where} closed its event stream: it stopped, restarted or reloaded its configuration.`,
      fix: 'Nothing to change if Icinga is restarting; otherwise check that Icinga 2 is running. The gateway reconnects by itself.',
      setting: 'ICINGA_URL',
      code,
      target: where,
    };
  }
  if ((code && code in UNREACHABLE) || /timeout|did not open within/i.test(detail)) {
    const why = (code && UNREACHABLE[code]) ?? 'no answer in time';
    return {
      kind: 'unreachable',
      message: `Nothing answers as Icinga at ${where}: ${why}${code ? ` (${code})` : ''}.`,
      fix: 'Check ICINGA_URL (host and port, 5665 by default), that Icinga 2 is running with its api feature enabled (icinga2 feature enable api) and that no firewall stands between.',
      setting: 'ICINGA_URL',
      ...(code && { code }),
      target: where,
    };
  }
  if (code === 'EPROTO' || code?.startsWith('ERR_SSL') || /wrong version number|packet length too long/i.test(detail)) {
    return badResponse(`Something at ${where} does not speak HTTPS as Icinga's API does (${code ?? 'TLS'}).`, where, code);
  }
  return {
    kind: 'unreachable',
    message: `The connection to Icinga at ${where} failed: ${detail.slice(0, 200)}.`,
    fix: 'Check ICINGA_URL and that Icinga 2 is running; the gateway retries by itself.',
    setting: 'ICINGA_URL',
    ...(code && { code }),
    target: where,
  };
}

function httpProblem(failure: IcingaHttpError, ctx: ProblemContext): SourceProblem {
  const { status, path } = failure;
  const engineStatus = failure.engineStatus?.slice(0, 200);
  const said = engineStatus ? ` "${engineStatus}"` : '';
  if (status === 401) {
    return {
      kind: 'authentication',
      message: `Icinga refused the credentials of API user "${ctx.user}" (HTTP 401${said}).`,
      fix: 'Check ICINGA_USER and ICINGA_PASSWORD against the ApiUser object in Icinga (e.g. /etc/icinga2/conf.d/api-users.conf).',
      setting: 'ICINGA_USER / ICINGA_PASSWORD',
      code: '401',
      target: path,
    };
  }
  const permission = permissionFor(path);
  // Icinga 2.13 hides what a user may not read: 404 "No objects found." on a whole collection, or
  // 404 on /v1/events; a collection Vigie may read answers 200 with an empty list instead.
  const hidden = status === 404 && permission !== undefined && (path === '/v1/events' || /no objects found/i.test(engineStatus ?? ''));
  if (status === 403 || hidden) {
    return {
      kind: 'permission',
      message: `API user "${ctx.user}" may not ${permission ? `use ${permission}` : 'do this'}: Icinga answered HTTP ${status}${said} on ${path}.`,
      fix: `Add ${permission ? `"${permission}"` : 'the missing permission'} to the permissions of ApiUser "${ctx.user}" (Vigie needs ${PERMISSIONS}), then reload Icinga.`,
      setting: 'ApiUser permissions',
      ...(permission && { permission }),
      code: String(status),
      target: path,
    };
  }
  return badResponse(`Icinga at ${target(ctx)} answered HTTP ${status}${said} on ${path}, not what its API answers.`, path, String(status));
}

function badResponse(message: string, where: string, code: string | undefined): SourceProblem {
  return {
    kind: 'bad-response',
    message,
    fix: "Check that ICINGA_URL points at Icinga 2's API (https, port 5665 by default), not at a proxy or Icinga Web.",
    setting: 'ICINGA_URL',
    ...(code && { code }),
    target: where,
  };
}
