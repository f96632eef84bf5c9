// The alarm service as the gateway runs it (Node edge): settings → senders (SMTP, the embedded
// mail catcher, the SMS adapter) → the worker on its own timer, off the live path. Without any
// channel, alarms are still planned and recorded as "not sent: no channel".
import type { AlarmSettings } from '../config.ts';
import type { CoveredCalendar } from '../http/covered-calendar.ts';
import type { Storage } from '../ports.ts';
import type { Supervision } from '../supervision/supervision.ts';
import { systemTimers } from '../stream/timers.ts';
import type { AlarmSenders } from './alarm-channels.ts';
import { createAlarmWorker, type AlarmHealth, type AlarmWorker } from './alarm-worker.ts';
import { startMailCatcher, type MailCatcher } from './mail-catcher.ts';
import { createMaintenanceAlarms, type MaintenanceAlarms } from './maintenance-alarms.ts';
import { gtiAlarmEvents } from './gti-alarms.ts';
import { alarmSubject } from '../../src/domain/alarm-events.ts';
import { indexEstate } from '../../src/domain/estate-index.ts';

/** How often GTI clocks are looked at for at-risk and breached alarms. */
const GTI_CHECK_MS = 30_000;
import { createSmsHttpSender } from './sms-http-sender.ts';
import { createSmtpSender } from './smtp-sender.ts';

export interface AlarmServiceHealth extends AlarmHealth {
  /** Where mail goes: the SMTP host, or the embedded catcher's folder. */
  mailTo?: string;
}

export interface AlarmService {
  health(): Promise<AlarmServiceHealth>;
  /** Not started: call worker.start() once the gateway started (restored state, source running). */
  worker: AlarmWorker;
  catcher?: MailCatcher;
  /** Maintenance windows in (#14 publishes them; see docs/alarms.md "Maintenance windows"). */
  maintenance: MaintenanceAlarms;
  stop(): Promise<void>;
}

export interface AlarmServiceOptions {
  settings: AlarmSettings;
  storage: Storage;
  dataDir: string;
  calendar: CoveredCalendar;
  /** The gateway's supervision, once it exists (the worker starts recording only then). */
  supervision: () => Supervision | undefined;
  now?: () => number;
  log?: (message: string, detail?: unknown) => void;
}

export async function startAlarmService(options: AlarmServiceOptions): Promise<AlarmService | undefined> {
  const store = options.storage.alarms;
  if (!store) return undefined;
  const { settings } = options;
  const senders: AlarmSenders = {};
  let catcher: MailCatcher | undefined;
  if (settings.smtp) senders.mail = createSmtpSender(settings.smtp);
  else if (settings.mailCatcher) {
    catcher = await startMailCatcher(options.dataDir);
    senders.mail = { ...createSmtpSender({ url: catcher.url, from: settings.from }), describe: `mail catcher (${catcher.dir})` };
  }
  if (settings.sms) senders.sms = createSmsHttpSender(settings.sms);
  // The source's clock (simulated time with the simulator), so timeline entries follow the incidents'.
  const now = options.now ?? (() => options.supervision()?.now() ?? Date.now());
  const worker = createAlarmWorker({
    store,
    senders,
    now,
    isCovered: (at) => options.calendar.hoursFor(at, at + 1).isCovered(at),
    async record(incidentId, note, at) {
      await options.supervision()?.recordDelivery(incidentId, note, at);
    },
    timers: systemTimers,
    tickMs: settings.tickMs,
    timeZone: options.calendar.settings.timeZone,
    ...(options.log && { log: options.log }),
  });
  const maintenance = createMaintenanceAlarms(store, {
    now,
    collectiviteName: (id) => options.supervision()?.estate().collectivites.find((c) => c.id === id)?.name,
  });
  let maintenanceTimer: ReturnType<typeof setInterval> | undefined;
  let gtiTimer: ReturnType<typeof setInterval> | undefined;
  const gtiSeen = new Set<string>();
  const checkGti = async () => {
    const supervision = options.supervision();
    if (!supervision) return;
    const at = now();
    const index = indexEstate(supervision.estate());
    const events = gtiAlarmEvents(supervision.incidents(), at, options.calendar.hoursFor(at - 366 * 86_400_000, at), (incident) =>
      alarmSubject(index, incident.probeId, supervision.status(incident.probeId)?.output),
    ).filter((e) => !gtiSeen.has(e.key));
    if (events.length === 0) return;
    await store.appendEvents(events);
    for (const e of events) gtiSeen.add(e.key);
  };
  const start = worker.start.bind(worker);
  worker.start = () => {
    start();
    gtiTimer ??= setInterval(() => void checkGti().catch((error: unknown) => options.log?.('GTI alarms check failed', error)), GTI_CHECK_MS);
    maintenanceTimer ??= setInterval(() => void maintenance.check(now()).catch((error: unknown) => options.log?.('maintenance alarms check failed', error)), settings.tickMs);
  };
  return {
    worker,
    maintenance,
    ...(catcher && { catcher }),
    async health() {
      return { ...(await worker.health()), ...(senders.mail && { mailTo: senders.mail.describe }) };
    },
    async stop() {
      if (maintenanceTimer) clearInterval(maintenanceTimer);
      if (gtiTimer) clearInterval(gtiTimer);
      await worker.stop();
      await catcher?.close();
    },
  };
}
