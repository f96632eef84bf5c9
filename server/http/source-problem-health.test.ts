// Why the engine is stale (a classified SourceProblem naming hosts, certificate names and settings)
// is the support cell's: GET /health gives it to support only, and no stream carries it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceHealth } from '../../src/protocol/schemas.ts';
import type { StreamMessage } from '../stream/stream-hub.ts';
import { createStreamHub } from '../stream/stream-hub.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

const STALE: SourceHealth = {
  state: 'stale',
  source: 'icinga2',
  since: Date.UTC(2026, 2, 2, 8),
  detail: "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ",
  problem: {
    kind: 'certificate-name',
    message: 'The Icinga certificate at 127.0.0.1:5665 is issued to "icinga-master", not to "127.0.0.1" (the name Vigie checked).',
    fix: 'Set ICINGA_SERVERNAME to the name in the Icinga certificate, e.g. ICINGA_SERVERNAME=icinga-master.',
    setting: 'ICINGA_SERVERNAME',
    value: 'icinga-master',
  },
};

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
  gw.source.events!.health(STALE);
});
afterAll(() => gw.close());

describe('the source problem in GET /health', () => {
  it('is given to the support cell with the fix', async () => {
    const body = (await gw.call('GET', '/health', await gw.login('support'))).json();
    expect(body.source).toEqual(STALE);
  });

  it('is withheld from a référent, who learns only that the source is stale', async () => {
    const res = await gw.call('GET', '/health', await gw.login('ref-c1'));
    expect(res.json().source).toEqual({ state: 'stale', source: 'icinga2', since: STALE.since });
    expect(res.body).not.toContain('ICINGA_SERVERNAME');
    expect(res.body).not.toContain('altnames');
  });

  it('never travels on a stream, whatever its scope', () => {
    const hub = createStreamHub({ view: gw.supervision, epoch: 'e1' });
    const seen: StreamMessage[] = [];
    for (const scope of ['all', 'c:c1'] as const) hub.subscribe(scope, (message) => seen.push(message));
    hub.publish({ statuses: [], incidents: [], source: STALE });
    hub.stop();
    const sources = seen.map((m) => (m.event === 'snapshot' ? m.payload.source : m.event === 'source' ? m.payload : undefined)).filter(Boolean);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const source of sources) expect(source).toEqual({ state: 'stale', source: 'icinga2', since: STALE.since });
  });
});
