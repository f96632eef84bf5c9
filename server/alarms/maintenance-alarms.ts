// The maintenance input of the alarm service (#14 publishes window changes; the lead wires them
// here at merge): each declared or rescheduled window is announced once, and its start is noticed
// once, within MAINTENANCE_STARTING_GRACE_MS of it. Both go through the outbox like incidents'
// alarms, so the same rules, digests, retries and timeline apply; keys make repeats harmless.
import { maintenanceAnnounced, maintenanceStarting, type MaintenanceNotice } from '../../src/domain/alarm-events.ts';
import type { Instant } from '../../src/domain/model.ts';
import type { AlarmStore } from './alarm-store.ts';

export interface MaintenanceAlarms {
  /** A window was declared, changed or cancelled: announce it (not when cancelled), and remember it for its start. */
  noticed(notice: MaintenanceNotice): Promise<void>;
  /** Called on the worker's timer: the 'starting' notices now due. */
  check(now: Instant): Promise<void>;
}

export function createMaintenanceAlarms(store: Pick<AlarmStore, 'appendEvents'>, options: { now(): Instant; collectiviteName(id: string): string | undefined }): MaintenanceAlarms {
  const windows = new Map<string, MaintenanceNotice>();
  return {
    async noticed(notice) {
      if (notice.cancelled) {
        windows.delete(notice.windowId);
        return;
      }
      windows.set(notice.windowId, notice);
      const name = options.collectiviteName(notice.collectiviteId) ?? notice.collectiviteId;
      // A window announced after it started is not "announced": its start notice says it all.
      if (notice.start > options.now()) await store.appendEvents([maintenanceAnnounced(notice, options.now(), name)]);
      await this.check(options.now());
    },
    async check(now) {
      const due = [];
      for (const notice of windows.values()) {
        const event = maintenanceStarting(notice, now, options.collectiviteName(notice.collectiviteId) ?? notice.collectiviteId);
        if (event) due.push(event);
        if (now >= notice.end) windows.delete(notice.windowId);
      }
      if (due.length) await store.appendEvents(due);
    },
  };
}
