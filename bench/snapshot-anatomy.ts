// Diagnostic (not part of `npm run bench`): what the support snapshot is made of, at Moselle scale.
// One support client takes the snapshot from the bench gateway over socket.io; this reports the
// JSON bytes of each column of the wire form (protocol 2, src/protocol/wire-snapshot.ts), the size
// the same snapshot had as objects (protocol 1), how many probes are not OK, and — in this Node
// process, as an indication of the per-client costs — the time to JSON.stringify, deflate (zlib
// defaults, as permessage-deflate), JSON.parse and read (validate + expand) each form.
// Run: npx tsx bench/snapshot-anatomy.ts
import { performance } from 'node:perf_hooks';
import { deflateRawSync } from 'node:zlib';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, snapshotSchema } from '../src/protocol/schemas.ts';
import { readSnapshot, type WireSnapshot } from '../src/protocol/wire-snapshot.ts';
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
    const wire = await new Promise<WireSnapshot>((resolve, reject) => {
      const socket = io(`${gateway.url}/live`, { auth: { token: sessions[0]!.token }, transports: ['websocket'], forceNew: true, reconnection: false });
      socket.on('connect', () => socket.emit('subscribe', { protocol: PROTOCOL_VERSION }));
      socket.on('connect_error', reject);
      socket.once('snapshot', (s: WireSnapshot) => {
        socket.close();
        resolve(s);
      });
    });
    const read = readSnapshot(wire);
    if (!read.ok) throw read.error;
    const snapshot = read.value;
    const wireJson = JSON.stringify(wire);
    const objectJson = JSON.stringify(snapshot);
    const notOk = snapshot.statuses.filter((s) => s.state !== 'OK');
    const columns = (table: object) => Object.fromEntries(Object.entries(table).map(([k, v]) => [k, kb(bytes(v))]));
    report('snapshot-anatomy', {
      scope: 'support (all)',
      wire: {
        totalKB: kb(Buffer.byteLength(wireJson)),
        deflatedKB: kb(deflateRawSync(wireJson).length),
        estateKB: columns(wire.estate),
        equipmentKB: columns(wire.estate.equipment),
        probesKB: columns(wire.estate.probes),
        statusesKB: columns(wire.statuses),
        distinctTexts: wire.estate.texts.length,
        idsAfterParent: { equipment: wire.estate.equipment.idAfterParent, probes: wire.estate.probes.idAfterParent },
      },
      asObjects: { totalKB: kb(Buffer.byteLength(objectJson)), deflatedKB: kb(deflateRawSync(objectJson).length), estateKB: kb(bytes(snapshot.estate)), statusesKB: kb(bytes(snapshot.statuses)) },
      estateParts: { collectivites: snapshot.estate.collectivites.length, sites: snapshot.estate.sites.length, equipment: snapshot.estate.equipment.length, probes: snapshot.estate.probes.length },
      statuses: snapshot.statuses.length,
      statusesNotOk: notOk.length,
      incidents: snapshot.incidents.length,
      incidentsKB: kb(bytes(snapshot.incidents)),
      nodeMedianOf5Ms: {
        wire: {
          stringify: timed(() => JSON.stringify(wire)),
          deflate: timed(() => deflateRawSync(wireJson)),
          parse: timed(() => JSON.parse(wireJson)),
          readSnapshot: timed(() => readSnapshot(JSON.parse(wireJson))) ,
        },
        asObjects: {
          stringify: timed(() => JSON.stringify(snapshot)),
          deflate: timed(() => deflateRawSync(objectJson)),
          parse: timed(() => JSON.parse(objectJson)),
          zodValidate: timed(() => snapshotSchema.parse(snapshot)),
        },
      },
    });
  } finally {
    await gateway.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await snapshotAnatomy();
