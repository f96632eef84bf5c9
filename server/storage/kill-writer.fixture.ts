// Test fixture run in a child process: write a known history into an embedded data folder, say
// so on stdout, then hang until the test kills it with SIGKILL (no clean close of PGlite).
import { openStorage } from './open-storage.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: kill-writer.fixture.ts <dataDir>');
const t0 = Number(process.argv[3] ?? 0);

const storage = await openStorage({ dataDir });
await storage.appendStateChanges([
  { probeId: 'p1', at: t0, state: 'OK', inDowntime: false },
  { probeId: 'p1', at: t0 + 60_000, state: 'CRITICAL', inDowntime: false },
]);
await storage.saveIncidents([
  {
    id: 'inc-1',
    probeId: 'p1',
    siteId: 's1',
    collectiviteId: 'metz',
    status: 'acknowledged',
    severity: 'CRITICAL',
    openedAt: t0 + 60_000,
    acknowledgedAt: t0 + 120_000,
    version: 2,
    timeline: [
      { at: t0 + 60_000, kind: 'opened', state: 'CRITICAL' },
      { at: t0 + 120_000, kind: 'acknowledged', by: 'support', comment: 'vu' },
    ],
  },
]);
await storage.appendOperatorAction({ incidentId: 'inc-1', at: t0 + 120_000, by: 'support', action: 'acknowledge', comment: 'vu' });
await storage.accounts.upsert({ login: 'alice', role: 'referent', collectiviteId: 'metz', passwordHash: 'x', disabled: false, version: 3 });
process.stdout.write('written\n');
setInterval(() => undefined, 60_000);
