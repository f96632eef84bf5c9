// Issue #11 item 1: 1,000 hostile strings (fast-check, fixed seed) through every text field — the
// comment of each operator action (support and référent), the login fields, the kiosk token, and
// the engine's plugin outputs, probe and site names (simulator test hooks) — against the real
// gateway process. Each answer must follow the documented rules (2xx, or a 400 naming the field);
// then the gateway is killed with SIGKILL: every accepted action, the last names and outputs are on
// disk, nothing went to the dead letters, and the restarted gateway serves them and keeps writing.
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import type { Incident, TimelineKind } from '../src/domain/model.ts';
import { ENGINE_TEXT_LIMITS } from '../src/protocol/engine-text.ts';
import { cleanEngineText } from '../src/protocol/text.ts';
import { openStorage } from '../server/storage/open-storage.ts';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { sendTestHook } from '../server/test-hooks/test-hooks.ts';
import { killGateway, startGateway, stopGateway, type Gateway } from './gateway-process.ts';
import { demoAccounts, stillEstateEnv } from './gateway-session.ts';
import { field as fieldArbitrary, hostileText, refusalOf, storableEngineText, type Field } from './hostile-text.ts';
import { IncidentPool, type Api } from './incident-pool.ts';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 1_000);
const SEED = Number(process.env.HOSTILE_SEED ?? 1_102_026);
const ENV = { ...stillEstateEnv(), SIM_SEED: '57', PERSIST_MS: '200' };
const KIND: Record<string, TimelineKind> = { comment: 'commented', acknowledge: 'acknowledged', 'start-intervention': 'intervention-started', close: 'closed' };

const estate = generateEstate({ seed: 57, scale: 'small' });
const probesOf = (collectiviteId: string) => {
  const sites = new Set(estate.sites.filter((s) => s.collectiviteId === collectiviteId).map((s) => s.id));
  const equipment = new Set(estate.equipment.filter((e) => sites.has(e.siteId)).map((e) => e.id));
  return estate.probes.filter((p) => equipment.has(p.equipmentId)).map((p) => p.id);
};

let dataDir: string;
let gateway: Gateway;
const tokens = { support: '', referent: '' };
const logins = { support: '', referent: '' };

const api: Api = async (method, path, token, body) => {
  const res = await fetch(`${gateway.url}/api/v1${path}`, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};
const hook = (argv: string[]) => sendTestHook(dataDir, argv);

beforeAll(async () => {
  dataDir = await freshDataDir('vigie-hostile-');
  gateway = await startGateway({ dataDir, env: ENV });
  const accounts = await demoAccounts(gateway);
  for (const role of ['support', 'referent'] as const) {
    const account = accounts.find((a) => a.role === role)!;
    logins[role] = account.login;
    tokens[role] = (await api('POST', '/session', undefined, { login: account.login, password: account.password })).body.token;
  }
});
afterAll(async () => {
  if (gateway) await stopGateway(gateway);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Accepted {
  incidentId: string;
  kind: TimelineKind;
  by: string;
  comment: string | undefined;
}
const hasEntry = (incident: Incident | undefined, a: Accepted) =>
  incident?.timeline.some((e) => e.kind === a.kind && e.by === a.by && (e.comment ?? undefined) === a.comment) ?? false;

test(`${RUNS} hostile strings through every text field, then kill -9: what was accepted is on disk`, { timeout: 900_000 }, async () => {
  const me = await api('GET', '/me', tokens.referent);
  const referentProbes = probesOf(me.body.collectiviteId);
  const others = estate.probes.map((p) => p.id).filter((id) => !referentProbes.includes(id));
  const outputProbes = others.slice(0, 40);
  const namedProbes = others.slice(40, 80);
  const namedSites = estate.sites.slice(0, 40).map((s) => s.id);
  const pool = new IncidentPool(api, hook, tokens.support, others.slice(80), referentProbes);
  const accepted: Accepted[] = [];
  const lastOutput = new Map<string, string>();
  const lastProbeName = new Map<string, string>();
  const lastSiteName = new Map<string, string>();
  let run = 0;
  const tally = { accepted: 0, refused: 0, loginRefused: 0, loginAnswered: 0, engine: 0, engineRepaired: 0 };

  async function action(f: Extract<Field, { kind: 'action' }>, text: string): Promise<void> {
    const tracked = await pool.take(f.action, f.by);
    const res = await api('POST', `/incidents/${encodeURIComponent(tracked.incident.id)}/actions`, tokens[f.by], { action: f.action, comment: text });
    const required = f.action === 'comment' || f.action === 'acknowledge';
    const refusal = refusalOf(text, { min: required ? 1 : 0, max: 2_000, nonBlank: required });
    if (refusal) {
      expect(res.status, `${refusal}: ${res.status} ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'bad-request', field: 'comment' });
      tally.refused++;
      return pool.giveBack(tracked);
    }
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const comment = text.normalize('NFC').trim() || undefined;
    const entry: Accepted = { incidentId: tracked.incident.id, kind: KIND[f.action]!, by: logins[f.by], comment };
    expect(hasEntry(res.body, entry)).toBe(true);
    accepted.push(entry);
    tally.accepted++;
    pool.acted(tracked, res.body);
  }

  async function login(f: Extract<Field, { kind: 'login' | 'kiosk' }>, text: string): Promise<void> {
    type Case = [path: string, body: object, name: string, rule: Parameters<typeof refusalOf>[1]];
    const [path, body, name, rule]: Case =
      f.kind === 'kiosk'
        ? ['/session/kiosk', { token: text }, 'token', { min: 16, max: 200, normalise: false }]
        : f.field === 'login'
          ? ['/session', { login: text, password: 'un-mot-de-passe' }, 'login', { min: 1, max: 100 }]
          : ['/session', { login: 'personne.inconnue', password: text }, 'password', { min: 1, max: 200, normalise: false }];
    const res = await api('POST', path, undefined, body);
    if (refusalOf(text, rule)) {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'bad-request', field: name });
      tally.loginRefused++;
    } else {
      expect([401, 429], JSON.stringify(res.body)).toContain(res.status);
      tally.loginAnswered++;
    }
  }

  async function engine(what: Extract<Field, { kind: 'engine' }>['what'], text: string): Promise<void> {
    tally.engine++;
    if (!storableEngineText(text, what === 'output' ? ENGINE_TEXT_LIMITS.output : ENGINE_TEXT_LIMITS.name)) tally.engineRepaired++;
    if (what === 'output') {
      const probeId = outputProbes[run % outputProbes.length]!;
      await hook(['inject', probeId, (['WARNING', 'CRITICAL', 'UNKNOWN'] as const)[run % 3]!, text]);
      const shown = (await api('GET', `/probes/${encodeURIComponent(probeId)}`, tokens.support)).body.status.output as string;
      expect(storableEngineText(shown, ENGINE_TEXT_LIMITS.output)).toBe(true);
      expect(shown).toBe(cleanEngineText(text, ENGINE_TEXT_LIMITS.output));
      return void lastOutput.set(probeId, shown);
    }
    const probe = what === 'probe-name';
    const id = (probe ? namedProbes : namedSites)[run % 40]!;
    await hook([probe ? 'rename-probe' : 'rename-site', id, text]);
    const max = probe ? ENGINE_TEXT_LIMITS.probeName : ENGINE_TEXT_LIMITS.name;
    const shown = (await api('GET', `/${probe ? 'probes' : 'sites'}/${encodeURIComponent(id)}`, tokens.support)).body.name as string;
    expect(storableEngineText(shown, max)).toBe(true);
    expect(shown).toBe(cleanEngineText(text, max));
    (probe ? lastProbeName : lastSiteName).set(id, shown);
  }

  await fc.assert(
    fc.asyncProperty(fieldArbitrary, hostileText, async (f, text) => {
      run++;
      if (f.kind === 'action') await action(f, text);
      else if (f.kind === 'engine') await engine(f.what, text);
      else await login(f, text);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.info(`hostile text, seed ${SEED}:`, tally);
  const fields = new Set(accepted.map((a) => a.kind));
  expect([...fields].sort(), 'every action type had accepted comments').toEqual(['acknowledged', 'closed', 'commented', 'intervention-started']);
  const health = (await api('GET', '/health', tokens.support)).body;
  expect(health.storage.deadLetters).toBe(0);
  expect(health.engineText.repaired).toBeGreaterThan(0);

  // Still writing after all that; then SIGKILL once the persistence window has passed.
  const last = await pool.take('comment', 'support');
  expect((await api('POST', `/incidents/${encodeURIComponent(last.incident.id)}/actions`, tokens.support, { action: 'comment', comment: 'fin de la rafale' })).status).toBe(200);
  accepted.push({ incidentId: last.incident.id, kind: 'commented', by: logins.support, comment: 'fin de la rafale' });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await killGateway(gateway);

  const storage = await openStorage({ dataDir });
  try {
    for (const a of accepted) expect(hasEntry(await storage.loadIncident!(a.incidentId), a), JSON.stringify(a)).toBe(true);
    const stored = (await storage.loadEstate())!;
    for (const [id, name] of lastProbeName) expect(stored.probes.find((p) => p.id === id)?.name).toBe(name);
    for (const [id, name] of lastSiteName) expect(stored.sites.find((s) => s.id === id)?.name).toBe(name);
    const statuses = new Map((await storage.loadStatuses()).map((s) => [s.probeId, s.output]));
    for (const [id, output] of lastOutput) expect(statuses.get(id)).toBe(output);
    expect(await storage.countDeadLetters()).toBe(0);
  } finally {
    await storage.close();
  }

  // The restarted gateway serves every accepted action and keeps writing (sessions survive a restart).
  gateway = await startGateway({ dataDir, env: ENV });
  for (const a of accepted) {
    const res = await api('GET', `/incidents/${encodeURIComponent(a.incidentId)}`, tokens.support);
    expect(hasEntry(res.body, a), JSON.stringify(a)).toBe(true);
  }
  const after = { incidentId: last.incident.id, kind: 'commented' as const, by: logins.support, comment: 'Reprise ✓ <b>é</b> \u202e' };
  expect((await api('POST', `/incidents/${encodeURIComponent(after.incidentId)}/actions`, tokens.support, { action: 'comment', comment: 'Reprise ✓ <b>e\u0301</b> \u202e' })).status).toBe(200);
  await hook(['inject', outputProbes[0]!, 'CRITICAL', 'après \u0000 redémarrage']);
  await stopGateway(gateway);
  const reopened = await openStorage({ dataDir });
  try {
    expect(hasEntry(await reopened.loadIncident!(after.incidentId), after)).toBe(true);
    expect((await reopened.loadStatuses()).find((s) => s.probeId === outputProbes[0])?.output).toBe('après \uFFFD redémarrage');
  } finally {
    await reopened.close();
  }
});
