import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../../src/domain/maintenance.ts';
import { downtimeTargets, engineWindows, planDowntimes, scheduleBody, windowIdIn, type IcingaDowntime } from './downtime-plan.ts';
import { mapIcingaObjects } from './estate-mapping.ts';
import { FakeIcinga } from './fake-icinga.test-kit.ts';
import { recordedHosts, recordedServices } from './recorded.test-kit.ts';

// The recorded fixture: Boulay-Moselle (57097) mairie = boulay-mairie-box + boulay-mairie-srv (disque-c), école = boulay-ecole-cam1.
const estate = mapIcingaObjects(recordedHosts, recordedServices, 0).estate;
const T = 1_796_000_000; // seconds
const window = (over: Partial<MaintenanceWindow> = {}): MaintenanceWindow => ({
  id: 'mw-1', collectiviteId: '57097', siteIds: [], equipmentIds: [], probeIds: [], start: T * 1000, end: (T + 7200) * 1000,
  nature: 'mise à jour du serveur', by: 'support', source: 'vigie', createdAt: T * 1000 - 1000, ...over,
});

/** What Icinga holds after the plan's calls, through the fake that behaves as Icinga 2.13 did. */
function held(plans: MaintenanceWindow[], before: IcingaDowntime[] = []): IcingaDowntime[] {
  const fake = new FakeIcinga();
  fake.downtimes = structuredClone(before) as unknown as typeof fake.downtimes;
  const plan = planDowntimes(plans, before, estate);
  for (const id of plan.remove) fake.removeDowntimes({ filter_vars: { marker: `[vigie:${id}]` } });
  for (const call of plan.schedule) fake.scheduleDowntime(call.body);
  return fake.downtimes as unknown as IcingaDowntime[];
}

describe('downtimeTargets: the Icinga objects a window covers', () => {
  it.each([
    ['a whole site: each of its hosts with all_services', { siteIds: ['57097:mairie'] }, [{ type: 'Host', host: 'boulay-mairie-box', allServices: true }, { type: 'Host', host: 'boulay-mairie-srv', allServices: true }]],
    ['an equipment: its host with all_services', { equipmentIds: ['boulay-ecole-cam1'] }, [{ type: 'Host', host: 'boulay-ecole-cam1', allServices: true }]],
    ["a host's own check: the host alone", { probeIds: ['boulay-mairie-srv!'] }, [{ type: 'Host', host: 'boulay-mairie-srv', allServices: false }]],
    ['a service: that service', { probeIds: ['boulay-mairie-srv!disque-c'] }, [{ type: 'Service', host: 'boulay-mairie-srv', service: 'disque-c' }]],
    ['a service of a host already covered: not twice', { equipmentIds: ['boulay-mairie-srv'], probeIds: ['boulay-mairie-srv!disque-c'] }, [{ type: 'Host', host: 'boulay-mairie-srv', allServices: true }]],
    ['ids Icinga does not have: nothing', { siteIds: ['57097:nowhere'], equipmentIds: ['ghost'], probeIds: ['ghost!svc', 'no-bang'] }, []],
  ] as const)('%s', (_label, over, targets) => {
    expect(downtimeTargets(window(over as unknown as Partial<MaintenanceWindow>), estate)).toEqual(targets);
  });

  it('schedules fixed downtimes with the author, the nature and the marker, in epoch seconds (an early end counts)', () => {
    const body = scheduleBody(window({ endedAt: (T + 600) * 1000 + 1 }), { type: 'Service', host: 'boulay-mairie-srv', service: 'disque-c' });
    expect(body).toEqual({ type: 'Service', service: 'boulay-mairie-srv!disque-c', author: 'support', comment: 'mise à jour du serveur [vigie:mw-1]', start_time: T, end_time: T + 601, fixed: true });
    expect(windowIdIn(String(body.comment))).toBe('mw-1');
  });

  it('a nature quoting another window\'s marker cannot pose as it: only the marker ending the comment counts', () => {
    const comment = String(scheduleBody(window({ nature: 'suite de [vigie:mw-2]' }), { type: 'Host', host: 'boulay-mairie-srv', allServices: true }).comment);
    expect(comment).toBe('suite de (vigie:mw-2] [vigie:mw-1]');
    expect(windowIdIn(comment)).toBe('mw-1');
    expect(windowIdIn('voir [vigie:mw-2] plus tard')).toBeUndefined();
  });
});

describe('planDowntimes: Icinga ends up holding exactly the windows, and pushing twice schedules nothing', () => {
  it('schedules a new window (a site: host downtimes whose children cover the services)', () => {
    const after = held([window({ siteIds: ['57097:mairie'] })]);
    expect(after.map((d) => [d.attrs.host_name, d.attrs.service_name, Boolean(d.attrs.parent)])).toEqual([
      ['boulay-mairie-box', '', false],
      ['boulay-mairie-box', 'acces-internet', true],
      ['boulay-mairie-srv', '', false],
      ['boulay-mairie-srv', 'disque-c', true],
    ]);
    expect(planDowntimes([window({ siteIds: ['57097:mairie'] })], after, estate)).toEqual({ remove: [], schedule: [] });
  });

  it.each([
    ['the same window again: nothing', (w: MaintenanceWindow) => w, { remove: 0, schedule: 0 }],
    ['edited dates: removed and scheduled again', (w: MaintenanceWindow) => ({ ...w, end: w.end + 3_600_000 }), { remove: 1, schedule: 1 }],
    ['edited targets: removed and scheduled again', (w: MaintenanceWindow) => ({ ...w, equipmentIds: [], probeIds: ['boulay-mairie-srv!'] }), { remove: 1, schedule: 1 }],
    ['ended early: the end moves, so it is pushed again', (w: MaintenanceWindow) => ({ ...w, endedAt: w.start + 60_000 }), { remove: 1, schedule: 1 }],
  ] as const)('%s', (_label, change, counts) => {
    const first = window({ equipmentIds: ['boulay-mairie-srv'] });
    const plan = planDowntimes([change(first)], held([first]), estate);
    expect({ remove: plan.remove.length, schedule: plan.schedule.length }).toEqual(counts);
  });

  it("removes the downtimes of a window no longer current (cancelled), and leaves Icinga's own alone", () => {
    const mine = held([window({ equipmentIds: ['boulay-mairie-srv'] })]);
    const theirs = engineDowntime('dt-9', 'boulay-ecole-cam1', '', 'changement de caméra');
    expect(planDowntimes([], [...mine, theirs], estate)).toEqual({ remove: ['mw-1'], schedule: [] });
    expect(held([], [...mine, theirs])).toEqual([theirs]);
  });
});

function engineDowntime(short: string, host: string, service: string, comment: string, parent = ''): IcingaDowntime {
  const name = [host, service, short].filter(Boolean).join('!');
  return { name, attrs: { name: short, host_name: host, service_name: service, author: 'icingaadmin', comment, start_time: T, end_time: T + 3600, entry_time: T - 60, fixed: true, parent } };
}

describe("engineWindows: Icinga's own downtimes as Vigie windows", () => {
  it('one window per top-level downtime: a host with its services is the equipment, a host alone its own check, a service itself', () => {
    const hostWithServices = engineDowntime('dt-1', 'boulay-mairie-srv', '', 'remplacement du disque');
    const child = engineDowntime('dt-2', 'boulay-mairie-srv', 'disque-c', 'remplacement du disque', hostWithServices.name);
    const hostAlone = engineDowntime('dt-3', 'remilly-mairie-fw', '', '');
    const service = engineDowntime('dt-4', 'boulay-ecole-cam1', 'flux-video', 'nettoyage de l’objectif');
    const pushedByVigie = engineDowntime('dt-5', 'boulay-mairie-box', '', 'x [vigie:mw-1]');
    const unmapped = engineDowntime('dt-6', 'labo-sans-collectivite', '', 'labo');
    expect(engineWindows([hostWithServices, child, hostAlone, service, pushedByVigie, unmapped], estate, 'icinga2')).toEqual([
      { id: 'engine:icinga2:dt-1', collectiviteId: '57097', siteIds: [], equipmentIds: ['boulay-mairie-srv'], probeIds: [], start: T * 1000, end: (T + 3600) * 1000, nature: 'remplacement du disque', by: 'icingaadmin', source: 'engine', createdAt: (T - 60) * 1000 },
      expect.objectContaining({ id: 'engine:icinga2:dt-3', collectiviteId: '57572', equipmentIds: [], probeIds: ['remilly-mairie-fw!'], nature: 'Maintenance déclarée dans le moteur' }),
      expect.objectContaining({ id: 'engine:icinga2:dt-4', collectiviteId: '57097', probeIds: ['boulay-ecole-cam1!flux-video'] }),
    ]);
  });
});
