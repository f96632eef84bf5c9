// Diagnostic (not part of `npm run bench`): what the support snapshot is made of, at Moselle scale.
// One support client takes the snapshot from the bench gateway over socket.io; this reports the
// JSON bytes of the estate, the statuses (and their output lines), the incidents, how many probes
// are not OK, and — in this Node process, as an indication of the per-client costs — the time to
// JSON.stringify it, deflate it (zlib defaults, as permessage-deflate) and validate it with the
// SPA's zod schema. Run: npx tsx bench/snapshot-anatomy.ts
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import { io } from 'socket.io-client';
import { snapshotSchema, type Snapshot } from '../src/protocol/schemas.ts';
import { startGateway } from './lib/gateway-process.ts';
import { report } from './lib/report.ts';
import { kb, percentile, round } from './lib/stats.ts';

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

function timed(fn: () => void, runs = 5): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return round(percentile(t, 50));
}

export async function snapshotAnatomy(): Promise<void> {
  const gateway = await startGateway();
  try {
    const { sessions } = await gateway.call<{ sessions: Array<{ token: string }> }>('/__bench/sessions', { referents: 0, support: 1 });
    const snapshot = await new Promise<Snapshot>((resolve, reject) => {
      const socket = io(`${gateway.url}/live`, { auth: { token: sessions[0]!.token }, transports: ['websocket'], forceNew: true, reconnection: false });
      socket.on('connect', () => socket.emit('subscribe', { protocol: 1 }));
      socket.on('connect_error', reject);
      socket.once('snapshot', (s: Snapshot) => {
        socket.close();
        resolve(s);
      });
    });
    const json = JSON.stringify(snapshot);
    const notOk = snapshot.statuses.filter((s) => s.state !== 'OK');
    const outputs = snapshot.statuses.reduce((n, s) => n + Buffer.byteLength(JSON.stringify(s.output)) + '"output":,'.length, 0);
    report('snapshot-anatomy', {
      scope: 'support (all)',
      totalKB: kb(Buffer.byteLength(json)),
      estateKB: kb(bytes(snapshot.estate)),
      estateParts: { collectivites: snapshot.estate.collectivites.length, sites: snapshot.estate.sites.length, equipment: snapshot.estate.equipment.length, probes: snapshot.estate.probes.length, probesKB: kb(bytes(snapshot.estate.probes)), equipmentKB: kb(bytes(snapshot.estate.equipment)), sitesKB: kb(bytes(snapshot.estate.sites)) },
      statuses: snapshot.statuses.length,
      statusesKB: kb(bytes(snapshot.statuses)),
      statusOutputFieldsKB: kb(outputs),
      statusesNotOk: notOk.length,
      statusesNotOkKB: kb(bytes(notOk)),
      incidents: snapshot.incidents.length,
      incidentsKB: kb(bytes(snapshot.incidents)),
      deflatedKB: kb(deflateRawSync(json).length),
      nodeMedianOf5Ms: {
        stringify: timed(() => JSON.stringify(snapshot)),
        deflate: timed(() => deflateRawSync(json)),
        parse: timed(() => JSON.parse(json)),
        zodValidate: timed(() => snapshotSchema.parse(snapshot)),
      },
    });
  } finally {
    await gateway.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await snapshotAnatomy();
