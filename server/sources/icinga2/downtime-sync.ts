// Maintenance both ways with Icinga 2 (the plan is downtime-plan.ts):
// - Vigie → Icinga: the gateway hands over its current windows; each connection (and each change)
//   reads /v1/objects/downtimes, removes the marked downtimes of windows gone or changed
//   (remove-downtime, matched by marker) and schedules the missing ones (schedule-downtime).
//   Pushes run one at a time; while one runs, only the latest list is kept for the next.
// - Icinga → Vigie: downtimes without the marker are reported as engine windows
//   (`SourceEvents.maintenance`, the full list each time): read on every (re)connect and again
//   shortly after each Downtime* event of the stream.
import type { MaintenanceWindow } from '../../../src/domain/maintenance.ts';
import type { Estate } from '../../../src/protocol/schemas.ts';
import { DOWNTIME_ATTRS, downtimeSchema, engineWindows, planDowntimes, vigieMarker, type IcingaDowntime } from './downtime-plan.ts';
import { engineStatusOf, IcingaHttpError } from './icinga-client.ts';
import type { EngineEpochs, SourceContext } from './source-context.ts';

export interface DowntimeSync {
  /** Vigie's current windows (upcoming and running): Icinga is made to hold exactly these. */
  push(windows: MaintenanceWindow[]): Promise<void>;
  /** A (re)connection handed over a snapshot: push again and read the engine's downtimes. */
  connected(): void;
  /** A Downtime* event: read the engine's downtimes again shortly. */
  downtimeEvent(): void;
  stop(): void;
}

const DOWNTIMES_PATH = '/v1/objects/downtimes';
const EVENT_SETTLE_MS = 300;

export function createDowntimeSync(
  ctx: Pick<SourceContext, 'client' | 'timeoutMs' | 'log' | 'report'>,
  session: EngineEpochs & { connected(): boolean },
  estate: () => Estate | undefined,
  sourceName: string,
): DowntimeSync {
  const { client, timeoutMs, log, report } = ctx;
  let wanted: MaintenanceWindow[] | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let readTimer: ReturnType<typeof setTimeout> | undefined;

  async function readDowntimes(): Promise<IcingaDowntime[]> {
    const res = await client.request('POST', DOWNTIMES_PATH, { body: { attrs: DOWNTIME_ATTRS }, timeoutMs, readOnly: true });
    const results = (res.body as { results?: unknown } | null)?.results;
    if (res.status !== 200 || !Array.isArray(results)) throw new IcingaHttpError(res.status, DOWNTIMES_PATH, engineStatusOf(res.body));
    return results.flatMap((r) => {
      const parsed = downtimeSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async function action(path: string, body: unknown): Promise<void> {
    const res = await client.request('POST', path, { body, timeoutMs });
    if (res.status >= 200 && res.status < 300) return;
    // Nothing left to remove (it expired, or someone removed it in Icinga) is what was wanted.
    if (res.status === 404 && path.endsWith('remove-downtime')) return;
    throw new IcingaHttpError(res.status, path, describe(res.body));
  }

  /** One round: read what Icinga holds, push the difference, report the engine's own downtimes. */
  async function round(): Promise<void> {
    const map = estate();
    if (!map || !session.connected()) return;
    const epoch = session.epoch();
    const held = await readDowntimes();
    if (!session.isCurrent(epoch)) return;
    if (wanted) {
      const plan = planDowntimes(wanted, held, map);
      for (const windowId of plan.remove) {
        await action('/v1/actions/remove-downtime', { type: 'Downtime', filter: 'downtime.comment.contains(marker)', filter_vars: { marker: vigieMarker(windowId) } });
      }
      for (const call of plan.schedule) await action('/v1/actions/schedule-downtime', call.body);
      if (plan.remove.length + plan.schedule.length > 0) log('info', `maintenance: ${plan.schedule.length} downtime(s) scheduled, ${plan.remove.length} window(s) removed in Icinga`);
    }
    report.maintenance?.(engineWindows(held, map, sourceName));
  }

  /** Run rounds one at a time until nothing new was asked meanwhile. */
  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await round();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  function soon(delayMs: number): void {
    if (readTimer) return;
    readTimer = setTimeout(() => {
      readTimer = undefined;
      runQuietly();
    }, delayMs);
  }

  function runQuietly(): void {
    run().catch((error: Error) => log('warn', `maintenance sync with Icinga failed: ${error.message} (retried at the next change or reconnection)`));
  }

  return {
    push(windows) {
      wanted = windows;
      return run();
    },
    // Called while the snapshot is handed over, before the session says connected: run just after.
    connected: () => soon(0),
    downtimeEvent: () => soon(EVENT_SETTLE_MS),
    stop() {
      clearTimeout(readTimer);
      readTimer = undefined;
    },
  };
}

function describe(body: unknown): string | undefined {
  const b = body as { status?: unknown; results?: Array<{ status?: unknown }> } | null;
  const text = b?.results?.[0]?.status ?? b?.status;
  return typeof text === 'string' ? text.slice(0, 200) : undefined;
}
