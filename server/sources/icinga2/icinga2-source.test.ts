import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MaintenanceWindow } from '../../../src/domain/maintenance.ts';
import type { ProbeStatus } from '../../../src/domain/model.ts';
import type { Estate, SourceHealth } from '../../../src/protocol/schemas.ts';
import type { SourceAction } from '../../../src/protocol/source.ts';
import { checkEvent, FakeIcinga } from './fake-icinga.test-kit.ts';
import { createIcinga2Source } from './icinga2-source.ts';

const NOW = 1_795_446_000_000;
const T = NOW / 1000; // Icinga clock, seconds

function harness(fake = new FakeIcinga()) {
  const seen = {
    snapshots: [] as Array<{ estate: Estate; statuses: ProbeStatus[] }>,
    statuses: [] as ProbeStatus[],
    actions: [] as SourceAction[],
    health: [] as SourceHealth[],
    logs: [] as string[],
    maintenance: [] as MaintenanceWindow[][],
  };
  const source = createIcinga2Source({
    url: 'https://icinga.invalid:5665',
    user: 'vigie',
    password: 'x',
    client: fake,
    retry: { initialDelayMs: 500, maxDelayMs: 4_000 },
    pingIntervalMs: 2_000,
    log: (level, message) => seen.logs.push(`${level}: ${message}`),
  });
  const events = {
    snapshot: (estate: Estate, statuses: ProbeStatus[]) => seen.snapshots.push({ estate, statuses }),
    status: (s: ProbeStatus) => seen.statuses.push(s),
    action: (a: SourceAction) => seen.actions.push(a),
    health: (h: SourceHealth) => seen.health.push(h),
    maintenance: (w: MaintenanceWindow[]) => seen.maintenance.push(w),
  };
  return { fake, source, seen, start: () => source.start(events) };
}

const statusOf = (snapshot: { statuses: ProbeStatus[] }, id: string) => snapshot.statuses.find((s) => s.probeId === id);

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('createIcinga2Source: snapshot', () => {
  it('opens the stream before the snapshot, then reports the estate, connected health and unmapped objects', async () => {
    const h = harness();
    await h.start();
    const paths = h.fake.calls.map((c) => c.path);
    expect(paths.indexOf('/v1/events')).toBeLessThan(paths.indexOf('/v1/objects/hosts'));
    expect(h.seen.snapshots).toHaveLength(1);
    expect(h.seen.snapshots[0]!.estate.probes).toHaveLength(12);
    expect(h.seen.health.map((x) => x.state)).toEqual(['connected']);
    expect(h.source.unmapped()).toEqual([{ type: 'Host', name: 'labo-sans-collectivite', reason: 'vars.collectivite is missing' }]);
    expect(h.seen.logs.some((l) => l.includes('not mapped: Host labo-sans-collectivite'))).toBe(true);
    await h.source.stop();
  });

  it('folds events that raced with the snapshot into it: newer ones applied, older ones dropped, none re-sent', async () => {
    const h = harness();
    h.fake.duringSnapshot = () => {
      h.fake.duringSnapshot = undefined;
      h.fake.emit(checkEvent('boulay-mairie-box', 'acces-internet', 2, 'Lien coupé', T)); // newer than the never-checked object
      h.fake.emit(checkEvent('boulay-mairie-srv', 'disque-c', 2, 'stale result', 1_795_445_000)); // older than last_check
    };
    await h.start();
    const snapshot = h.seen.snapshots[0]!;
    expect(statusOf(snapshot, 'boulay-mairie-box!acces-internet')).toMatchObject({ state: 'CRITICAL', output: 'Lien coupé' });
    expect(statusOf(snapshot, 'boulay-mairie-srv!disque-c')).toMatchObject({ state: 'OK', output: 'DISK OK' });
    expect(h.seen.statuses).toEqual([]);
    await h.source.stop();
  });
});

describe('createIcinga2Source: declared dependencies', () => {
  const dependency = (parentHost: string, parentService: string, childHost: string, childService: string) => ({
    name: `${childHost}!${childService}!dep`,
    type: 'Dependency',
    attrs: { parent_host_name: parentHost, parent_service_name: parentService, child_host_name: childHost, child_service_name: childService },
  });

  it('carries the Dependency objects between mapped probes in the estate, and leaves out those naming an unmapped object', async () => {
    const h = harness();
    h.fake.dependencies = [
      dependency('boulay-mairie-box', 'acces-internet', 'boulay-ecole-cam1', 'flux-video'),
      dependency('boulay-mairie-box', '', 'boulay-mairie-srv', ''),
      dependency('labo-sans-collectivite', '', 'boulay-mairie-srv', 'disque-c'),
    ];
    await h.start();
    expect(h.seen.snapshots[0]!.estate.dependencies).toEqual([
      { parent: 'boulay-mairie-box!acces-internet', child: 'boulay-ecole-cam1!flux-video' },
      { parent: 'boulay-mairie-box!', child: 'boulay-mairie-srv!' },
    ]);
    await h.source.stop();
  });

  it('an engine without Dependency objects gives an estate without dependencies', async () => {
    const h = harness();
    await h.start();
    expect(h.seen.snapshots[0]!.estate).not.toHaveProperty('dependencies');
    await h.source.stop();
  });

  it('a user that may not read dependencies still gets its estate, without them, and a warning', async () => {
    const h = harness();
    h.fake.dependencies = undefined;
    await h.start();
    expect(h.seen.snapshots[0]!.estate.probes).toHaveLength(12);
    expect(h.seen.snapshots[0]!.estate).not.toHaveProperty('dependencies');
    expect(h.seen.health.map((x) => x.state)).toEqual(['connected']);
    expect(h.seen.logs.filter((l) => l.startsWith('warn: dependencies not read'))).toEqual(['warn: dependencies not read, problems are not grouped by them: Icinga answered HTTP 404 on /v1/objects/dependencies: No objects found.']);
    await h.source.stop();
  });
});

describe('createIcinga2Source: live events', () => {
  it('turns a check result into one status, even with its StateChange twin and lines split across chunks', async () => {
    const h = harness();
    await h.start();
    const line = JSON.stringify(checkEvent('remilly-mairie-nas', 'disque-nas', 1, 'DISK WARNING - 12% libre', T)) + '\n';
    h.fake.emit(line.slice(0, 50));
    h.fake.emit(line.slice(50));
    h.fake.emit(checkEvent('remilly-mairie-nas', 'disque-nas', 1, 'DISK WARNING - 12% libre', T, true));
    expect(h.seen.statuses).toHaveLength(1);
    expect(h.seen.statuses[0]).toMatchObject({ probeId: 'remilly-mairie-nas!disque-nas', state: 'WARNING', stateType: 'HARD', since: NOW });
    await h.source.stop();
  });

  it('records an acknowledgement made in Icinga as a status and an action with its author', async () => {
    const h = harness();
    await h.start();
    h.fake.emit({ type: 'AcknowledgementSet', timestamp: T, host: 'boulay-ecole-cam1', service: 'flux-video', author: 'jdupont', comment: 'technicien prévenu', state: 1, state_type: 1 });
    expect(h.seen.statuses.at(-1)).toMatchObject({ probeId: 'boulay-ecole-cam1!flux-video', acknowledged: true });
    expect(h.seen.actions).toEqual([{ type: 'acknowledge', probeId: 'boulay-ecole-cam1!flux-video', at: NOW, by: 'jdupont', comment: 'technicien prévenu' }]);
    await h.source.stop();
  });

  it('does not record again an acknowledgement the snapshot already showed, when its event arrives late', async () => {
    const h = harness();
    await h.start();
    expect(statusOf(h.seen.snapshots[0]!, 'remilly-atelier-ap!wifi')?.acknowledged).toBe(true); // as recorded
    h.fake.emit({ type: 'AcknowledgementSet', timestamp: T - 1, host: 'remilly-atelier-ap', service: 'wifi', author: 'jdupont' });
    expect(h.seen.actions).toEqual([]);
    expect(h.seen.statuses).toEqual([]);
    await h.source.stop();
  });

  it('asks Icinga for the downtime depth when a downtime starts or ends', async () => {
    const h = harness();
    await h.start();
    h.fake.setObjectAttrs('remilly-mairie-nas!disque-nas', { downtime_depth: 1 });
    h.fake.emit({ type: 'DowntimeStarted', timestamp: T, downtime: { host_name: 'remilly-mairie-nas', service_name: 'disque-nas', author: 'bob' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.seen.statuses.at(-1)).toMatchObject({ probeId: 'remilly-mairie-nas!disque-nas', inDowntime: true });
    await h.source.stop();
  });

  it('takes a fresh snapshot when an object it never saw reports a check', async () => {
    const h = harness();
    await h.start();
    h.fake.emit(checkEvent('nouvel-hote', undefined, 0, 'UP', T));
    h.fake.emit(checkEvent('vigie-stream-pacer-unknown', undefined, 0, 'UP', T));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.seen.snapshots).toHaveLength(2);
    expect(h.seen.health.map((x) => x.state)).toEqual(['connected']);
    await h.source.stop();
  });

  it('ignores lines it cannot use, logging malformed ones', async () => {
    const h = harness();
    await h.start();
    h.fake.emit('{"type":"CommentAdded","timestamp":1}\n{not json\n');
    expect(h.seen.statuses).toEqual([]);
    expect(h.seen.logs.filter((l) => l.includes('event stream: not JSON'))).toHaveLength(1);
    await h.source.stop();
  });
});

describe('createIcinga2Source: catch-up poll', () => {
  it('finds a result the stream held back within a second, and ignores the late event', async () => {
    const h = harness();
    await h.start();
    const result = { state: 2, output: 'Lien inter-sites coupé', execution_end: T, schedule_end: T, vars_after: { state: 2, state_type: 1 } };
    h.fake.setObjectAttrs('remilly-mairie-fw!lien-atelier', { last_check: T, last_state_change: T, state: 2, state_type: 1, last_check_result: result });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.seen.statuses).toEqual([expect.objectContaining({ probeId: 'remilly-mairie-fw!lien-atelier', state: 'CRITICAL', output: 'Lien inter-sites coupé', lastCheck: NOW })]);
    h.fake.emit(checkEvent('remilly-mairie-fw', 'lien-atelier', 2, 'Lien inter-sites coupé', T, true));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.seen.statuses).toHaveLength(1);
    await h.source.stop();
  });

  it('never lets an older result overwrite a newer one', async () => {
    const h = harness();
    await h.start();
    h.fake.emit(checkEvent('remilly-mairie-fw', 'lien-atelier', 0, 'OK récent', T + 10));
    h.fake.emit(checkEvent('remilly-mairie-fw', 'lien-atelier', 2, 'CRITICAL ancien', T));
    expect(h.seen.statuses.map((s) => s.output)).toEqual(['OK récent']);
    await h.source.stop();
  });
});

describe('createIcinga2Source: acknowledgements seen by the poll first', () => {
  it('reports an Icinga acknowledgement once, with its author, whether the poll or the stream sees it first', async () => {
    const h = harness();
    await h.start();
    h.fake.setObjectAttrs('boulay-ecole-cam1!flux-video', { acknowledgement: 1 });
    h.fake.ackComments = [{ attrs: { author: 'jdupont', text: 'vu', host_name: 'boulay-ecole-cam1', service_name: 'flux-video', entry_type: 4, entry_time: T } }];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.seen.statuses.at(-1)).toMatchObject({ probeId: 'boulay-ecole-cam1!flux-video', acknowledged: true });
    expect(h.seen.actions).toEqual([{ type: 'acknowledge', probeId: 'boulay-ecole-cam1!flux-video', at: NOW, by: 'jdupont', comment: 'vu' }]);
    h.fake.emit({ type: 'AcknowledgementSet', timestamp: T, host: 'boulay-ecole-cam1', service: 'flux-video', author: 'jdupont', comment: 'vu' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.seen.actions).toHaveLength(1);
    await h.source.stop();
  });
});

describe('createIcinga2Source: pushAction', () => {
  it('acknowledges in Icinga with the Vigie login as author, and does not echo the ack back as an action', async () => {
    const h = harness();
    await h.start();
    await h.source.pushAction!({ type: 'acknowledge', probeId: 'boulay-ecole-cam1!flux-video', at: NOW, by: 'marie', comment: 'on y va' });
    const call = h.fake.calls.find((c) => c.path === '/v1/actions/acknowledge-problem');
    expect(call?.body).toEqual({ type: 'Service', service: 'boulay-ecole-cam1!flux-video', author: 'marie', comment: 'on y va', sticky: true });
    h.fake.emit({ type: 'AcknowledgementSet', timestamp: T, host: 'boulay-ecole-cam1', service: 'flux-video', author: 'marie', comment: 'on y va' });
    expect(h.seen.actions).toEqual([]);
    expect(h.seen.statuses.at(-1)?.acknowledged).toBe(true);
    await h.source.stop();
  });

  it('falls back to a comment when Icinga refuses the acknowledgement (409)', async () => {
    const h = harness();
    await h.start();
    h.fake.actionStatus.set('/v1/actions/acknowledge-problem', 409);
    await h.source.pushAction!({ type: 'start-intervention', probeId: 'boulay-mairie-srv!', at: NOW, by: 'marie' });
    expect(h.fake.calls.filter((c) => c.path.startsWith('/v1/actions/')).map((c) => [c.path, c.body])).toEqual([
      ['/v1/actions/acknowledge-problem', { type: 'Host', host: 'boulay-mairie-srv', author: 'marie', comment: 'Intervention démarrée dans Vigie', sticky: true }],
      ['/v1/actions/add-comment', { type: 'Host', host: 'boulay-mairie-srv', author: 'marie', comment: 'Intervention démarrée dans Vigie' }],
    ]);
    await h.source.stop();
  });

  it('rejects actions on probes Icinga does not have, and surfaces other refusals', async () => {
    const h = harness();
    await h.start();
    await expect(h.source.pushAction!({ type: 'comment', probeId: 'ailleurs!x', at: NOW, by: 'marie', comment: 'x' })).rejects.toThrow(/unknown Icinga probe/);
    h.fake.actionStatus.set('/v1/actions/add-comment', 403);
    await expect(h.source.pushAction!({ type: 'comment', probeId: 'boulay-mairie-srv!disque-c', at: NOW, by: 'marie', comment: 'x' })).rejects.toThrow(/HTTP 403/);
    await h.source.stop();
  });
});

describe('createIcinga2Source: engine lost and found', () => {
  it('goes stale at once when the stream closes, retries with exponential backoff, recovers with a fresh snapshot', async () => {
    const h = harness();
    await h.start();
    h.fake.crash();
    expect(h.seen.health.map((x) => x.state)).toEqual(['connected', 'stale']);
    expect(h.seen.health[1]!.detail).toContain('socket hang up');
    const attemptsAfter = async (ms: number) => {
      await vi.advanceTimersByTimeAsync(ms);
      return h.fake.calls.filter((c) => c.path === '/v1/events').length;
    };
    expect(await attemptsAfter(499)).toBe(1);
    expect(await attemptsAfter(1)).toBe(2); // +500 ms
    expect(await attemptsAfter(1_000)).toBe(3); // +1 s
    expect(await attemptsAfter(2_000)).toBe(4); // +2 s
    expect(await attemptsAfter(4_000)).toBe(5); // +4 s, the cap
    expect(await attemptsAfter(4_000)).toBe(6);
    expect(h.seen.health).toHaveLength(2); // stale reported once, not per attempt
    h.fake.up = true;
    h.fake.programStart += 100;
    await vi.advanceTimersByTimeAsync(4_000);
    expect(h.seen.health.map((x) => x.state)).toEqual(['connected', 'stale', 'connected']);
    expect(h.seen.snapshots).toHaveLength(2);
    const ids = h.seen.snapshots[1]!.statuses.map((s) => s.probeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(h.seen.logs.some((l) => l.includes('engine restarted'))).toBe(true);
    await h.source.stop();
  });

  it('goes stale when the engine stops answering although the stream stays open', async () => {
    const h = harness();
    await h.start();
    h.fake.up = false; // a hung engine: the stream socket is still open
    await vi.advanceTimersByTimeAsync(2_000);
    expect(h.seen.health.map((x) => x.state)).toEqual(['connected', 'stale']);
    await h.source.stop();
  });

  it('reports stale on a first connection that fails, and still starts', async () => {
    const fake = new FakeIcinga();
    fake.up = false;
    const h = harness(fake);
    await h.start();
    expect(h.seen.snapshots).toEqual([]);
    expect(h.seen.health.map((x) => x.state)).toEqual(['stale']);
    await h.source.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.calls.filter((c) => c.path === '/v1/events')).toHaveLength(1); // stop() ends the retries
  });

  it('after a reconnect, reports an acknowledgement made in Icinga meanwhile, once', async () => {
    const h = harness();
    await h.start();
    h.fake.crash();
    h.fake.setObjectAttrs('boulay-ecole-cam1!flux-video', { acknowledgement: 1 });
    h.fake.ackComments = [{ attrs: { author: 'jdupont', text: 'vu', host_name: 'boulay-ecole-cam1', service_name: 'flux-video', entry_type: 4, entry_time: T - 5 } }];
    h.fake.up = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(h.seen.snapshots).toHaveLength(2);
    expect(h.seen.actions).toEqual([{ type: 'acknowledge', probeId: 'boulay-ecole-cam1!flux-video', at: NOW - 5_000, by: 'jdupont', comment: 'vu' }]);
    await h.source.stop();
  });
});

describe('createIcinga2Source: maintenance windows and downtimes, both ways', () => {
  const window: MaintenanceWindow = {
    id: 'mw-1', collectiviteId: '57097', siteIds: ['57097:ecole'], equipmentIds: [], probeIds: ['boulay-mairie-srv!disque-c'], start: NOW, end: NOW + 3_600_000,
    nature: 'mise à jour du serveur', by: 'marie', source: 'vigie', createdAt: NOW - 60_000,
  };
  const actions = (fake: FakeIcinga, path: string) => fake.calls.filter((c) => c.path === path);

  it('schedules fixed downtimes with the author and the marked nature, once, even after a reconnect', async () => {
    const h = harness();
    await h.start();
    await h.source.syncMaintenance!([window]);
    expect(actions(h.fake, '/v1/actions/schedule-downtime').map((c) => c.body)).toEqual([
      { type: 'Host', host: 'boulay-ecole-cam1', all_services: true, author: 'marie', comment: 'mise à jour du serveur [vigie:mw-1]', start_time: T, end_time: T + 3600, fixed: true },
      { type: 'Service', service: 'boulay-mairie-srv!disque-c', author: 'marie', comment: 'mise à jour du serveur [vigie:mw-1]', start_time: T, end_time: T + 3600, fixed: true },
    ]);
    // Pushed again, and again after a reconnect: Icinga already holds them.
    await h.source.syncMaintenance!([window]);
    h.fake.crash();
    h.fake.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.seen.snapshots).toHaveLength(2);
    expect(actions(h.fake, '/v1/actions/schedule-downtime')).toHaveLength(2);
    expect(h.fake.downtimes).toHaveLength(3); // the camera host, its video service, the disk
    // Its own downtimes are never reported back as engine windows.
    expect(h.seen.maintenance.flat()).toEqual([]);
    await h.source.stop();
  });

  it('removes the downtimes of a cancelled window, matched by its marker', async () => {
    const h = harness();
    await h.start();
    await h.source.syncMaintenance!([window]);
    await h.source.syncMaintenance!([]);
    expect(actions(h.fake, '/v1/actions/remove-downtime').map((c) => c.body)).toEqual([
      { type: 'Downtime', filter: 'downtime.comment.contains(marker)', filter_vars: { marker: '[vigie:mw-1]' } },
    ]);
    expect(h.fake.downtimes).toEqual([]);
    await h.source.stop();
  });

  it('pushes windows handed over while Icinga was away once it is back', async () => {
    const h = harness();
    await h.start();
    h.fake.crash();
    await h.source.syncMaintenance!([window]);
    expect(h.fake.downtimes).toEqual([]);
    h.fake.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.fake.downtimes).toHaveLength(3);
    await h.source.stop();
  });

  it("reports Icinga's own downtimes as engine windows: at connection, and after a Downtime event", async () => {
    const h = harness();
    h.fake.scheduleDowntime({ type: 'Host', host: 'remilly-mairie-fw', all_services: true, author: 'icingaadmin', comment: 'remplacement du pare-feu', start_time: T, end_time: T + 600, fixed: true });
    await h.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.seen.maintenance.at(-1)).toEqual([expect.objectContaining({ collectiviteId: '57572', equipmentIds: ['remilly-mairie-fw'], nature: 'remplacement du pare-feu', by: 'icingaadmin', source: 'engine', start: NOW, end: NOW + 600_000 })]);
    h.fake.removeDowntimes({ downtime: h.fake.downtimes[0]!.name });
    h.fake.emit({ type: 'DowntimeRemoved', timestamp: T + 1, downtime: { host_name: 'remilly-mairie-fw', service_name: '' } });
    await vi.advanceTimersByTimeAsync(500);
    expect(h.seen.maintenance.at(-1)).toEqual([]);
    await h.source.stop();
  });
});
