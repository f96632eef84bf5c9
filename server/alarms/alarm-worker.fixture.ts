// Test fixture run in a child process: the alarm worker alone on an embedded data folder, sending
// mail to the SMTP server given, as fast as allowed (no group wait, no rate limit), until the test
// kills it with SIGKILL or SIGTERM. Prints "ready" once it drains the outbox.
import { createAlarmWorker } from './alarm-worker.ts';
import { createSmtpSender } from './smtp-sender.ts';
import { openStorage } from '../storage/open-storage.ts';
import { systemTimers } from '../stream/timers.ts';

const [dataDir, smtpUrl] = process.argv.slice(2);
if (!dataDir || !smtpUrl) throw new Error('usage: alarm-worker.fixture.ts <dataDir> <smtpUrl>');
const storage = await openStorage({ dataDir });
const worker = createAlarmWorker({
  store: storage.alarms!,
  senders: { mail: createSmtpSender({ url: smtpUrl, from: 'Vigie <vigie@test.example>' }) },
  now: () => Date.now(),
  isCovered: () => true,
  record: async () => {},
  timers: systemTimers,
  tickMs: 20,
  backoffMs: 50,
  grouping: { groupWaitMs: 0, groupIntervalMs: 0, rateLimit: { mail: { max: 1_000, perMs: 1 }, sms: { max: 1_000, perMs: 1 } } },
});
worker.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => void worker.stop().then(() => storage.close()).then(() => process.exit(0)));
