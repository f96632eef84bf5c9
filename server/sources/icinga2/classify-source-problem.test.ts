import { describe, expect, it } from 'vitest';
import { sourceProblemSchema } from '../../../src/protocol/source-problem.ts';
import { classifySourceProblem, permissionFor } from './classify-source-problem.ts';
import { IcingaHttpError, STREAM_CLOSED } from './icinga-client.ts';

const ctx = { url: 'https://127.0.0.1:5665', user: 'vigie', caPath: '/etc/vigie/icinga-ca.crt' };
const nodeError = (code: string, message: string, extra: object = {}) => Object.assign(new Error(message), { code }, extra);
// Recorded from node:https against Icinga 2.13.6 with its CA and no servername (Dec 2026).
const altnameError = nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ", {
  cert: { subject: { CN: 'icinga-master' }, subjectaltname: 'DNS:icinga-master, DNS:icinga.moselle-fibre.fr' },
});

describe('classifySourceProblem', () => {
  it('names ICINGA_SERVERNAME and the certificate name on a name mismatch', () => {
    const problem = classifySourceProblem(altnameError, ctx);
    expect(problem).toMatchObject({
      kind: 'certificate-name',
      setting: 'ICINGA_SERVERNAME',
      value: 'icinga-master',
      checkedName: '127.0.0.1',
      certificateNames: ['icinga-master', 'icinga.moselle-fibre.fr'],
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
      target: '127.0.0.1:5665',
    });
    expect(problem.fix).toBe('Set ICINGA_SERVERNAME to the name in the Icinga certificate, e.g. ICINGA_SERVERNAME=icinga-master.');
    expect(problem.message).toContain('issued to "icinga-master", "icinga.moselle-fibre.fr", not to "127.0.0.1"');
  });

  it('reports the servername that was checked when one was set, but is wrong', () => {
    const problem = classifySourceProblem(altnameError, { ...ctx, servername: 'icinga' });
    expect(problem.checkedName).toBe('icinga');
    expect(problem.message).toContain('not to "icinga"');
  });

  it.each([
    // [case, failure, kind, setting, a word the message must carry, a word the fix must carry]
    ['untrusted CA', nodeError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), 'certificate-untrusted', 'ICINGA_CA', 'not signed by the CA in ICINGA_CA', 'ca.crt'],
    ['expired', nodeError('CERT_HAS_EXPIRED', 'certificate has expired'), 'certificate-untrusted', 'Icinga certificate', 'validity period', 'Renew'],
    ['refused', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5665'), 'unreachable', 'ICINGA_URL', 'connection was refused', 'feature enable api'],
    ['unknown host', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND icinga'), 'unreachable', 'ICINGA_URL', 'host name is unknown', 'ICINGA_URL'],
    ['no route', nodeError('EHOSTUNREACH', 'connect EHOSTUNREACH 10.0.0.9:5665'), 'unreachable', 'ICINGA_URL', 'host is unreachable', 'firewall'],
    ['timeout', nodeError('ETIMEDOUT', 'Icinga API timeout after 5000 ms on /v1/objects/hosts'), 'unreachable', 'ICINGA_URL', 'no answer in time', 'ICINGA_URL'],
    ['restart', nodeError(STREAM_CLOSED, 'event stream closed'), 'unreachable', 'ICINGA_URL', 'closed its event stream', 'reconnects by itself'],
    ['plain http port', nodeError('EPROTO', 'ssl3_get_record:wrong version number'), 'bad-response', 'ICINGA_URL', 'does not speak HTTPS', 'port 5665'],
    ['401', new IcingaHttpError(401, '/v1/events', 'Unauthorized. Please check your user credentials.'), 'authentication', 'ICINGA_USER / ICINGA_PASSWORD', 'credentials of API user "vigie"', 'ICINGA_PASSWORD'],
    ['403', new IcingaHttpError(403, '/v1/objects/services'), 'permission', 'ApiUser permissions', 'may not use objects/query/Service', '"objects/query/Service"'],
    // Icinga 2.13 answers 404 "No objects found." when the user may not query a whole type.
    ['404 on a type', new IcingaHttpError(404, '/v1/objects/comments', 'No objects found.'), 'permission', 'ApiUser permissions', 'HTTP 404 "No objects found." on /v1/objects/comments', '"objects/query/Comment"'],
    ['404 on status', new IcingaHttpError(404, '/v1/status/IcingaApplication', 'No objects found.'), 'permission', 'ApiUser permissions', 'status/query', '"status/query"'],
    ['404 on events', new IcingaHttpError(404, '/v1/events', "The requested path 'v1/events' could not be found or the request method is not valid for this path."), 'permission', 'ApiUser permissions', 'events/*', '"events/*"'],
    ['500', new IcingaHttpError(500, '/v1/objects/hosts', 'boom'), 'bad-response', 'ICINGA_URL', 'HTTP 500 "boom"', 'not at a proxy'],
    ['proxy 404', new IcingaHttpError(404, '/v1/objects/hosts', '<html>Not Found</html>'), 'bad-response', 'ICINGA_URL', 'HTTP 404', 'Icinga Web'],
  ])('%s', (_case, failure, kind, setting, inMessage, inFix) => {
    const problem = classifySourceProblem(failure, ctx);
    expect(problem.kind).toBe(kind);
    expect(problem.setting).toBe(setting);
    expect(problem.message).toContain(inMessage);
    expect(problem.fix).toContain(inFix);
    expect(sourceProblemSchema.parse(problem)).toEqual(problem);
  });

  it('stays within the wire limits whatever the engine said', () => {
    const problem = classifySourceProblem(new IcingaHttpError(403, '/v1/objects/hosts', 'x'.repeat(5_000)), ctx);
    expect(() => sourceProblemSchema.parse(problem)).not.toThrow();
    expect(() => sourceProblemSchema.parse(classifySourceProblem(new Error('y'.repeat(5_000)), ctx))).not.toThrow();
  });

  it('tells untrusted apart when no ICINGA_CA is set', () => {
    const problem = classifySourceProblem(nodeError('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'), { url: 'https://icinga:5665', user: 'vigie' });
    expect(problem.message).toContain('not signed by a CA this machine trusts');
    expect(problem.fix).toMatch(/^Set ICINGA_CA/);
  });
});

describe('permissionFor', () => {
  it.each([
    ['/v1/objects/hosts', 'objects/query/Host'],
    ['/v1/objects/services/a!b', 'objects/query/Service'],
    ['/v1/status/IcingaApplication', 'status/query'],
    ['/v1/events', 'events/*'],
    ['/v1/actions/acknowledge-problem', undefined],
  ])('%s → %s', (path, permission) => expect(permissionFor(path)).toBe(permission));
});
