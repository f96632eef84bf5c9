// Bench — subscribe flood (issue #11, item 4), the attack as it was reported: 4 kiosk sockets on
// /live at Moselle scale, each sending 20 `subscribe`s (the message rate limit's worth). Each one
// used to be answered with a full snapshot (594 MB sent, gateway RSS 0.69 → 1.89 GB). Now a socket
// already joined gets nothing for a subscribe at its position and one snapshot per 5 s for a burst
// of resyncs (docs/protocol.md). Prints the snapshot bytes each socket received (engine.io packets,
// after inflate) against one snapshot, and the gateway's RSS before, at its peak and after.
// Run: npm run bench:subscribe-flood
import { io, type Socket } from 'socket.io-client';
import { startGateway } from './lib/gateway-process.ts';
import { PROTOCOL_VERSION } from '../src/protocol/schemas.ts';
import { sleep } from './lib/bench-page.ts';
import { report } from './lib/report.ts';
import { round } from './lib/stats.ts';

const SOCKETS = 4;
const SUBSCRIBES = 20;

interface Flooder {
  socket: Socket;
  /** Bytes of snapshot packets; live traffic (deltas, heartbeats) is not counted. */
  bytes: number;
  snapshots: number;
  ref?: { stream: string; epoch: string; seq: number };
}

function connect(url: string, token: string): Promise<Flooder> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/live`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 120_000 });
    const flooder: Flooder = { socket, bytes: 0, snapshots: 0 };
    socket.io.on('open', () =>
      socket.io.engine.on('packet', ({ data }: { data?: unknown }) => {
        if (typeof data === 'string' && data.startsWith('2/live,["snapshot"')) flooder.bytes += Buffer.byteLength(data);
      }),
    );
    socket.on('snapshot', (s: { stream: string; epoch: string; seq: number }) => {
      flooder.snapshots++;
      flooder.ref = { stream: s.stream, epoch: s.epoch, seq: s.seq };
      if (flooder.snapshots === 1) resolve(flooder);
    });
    socket.on('connect', () => socket.emit('subscribe', { protocol: PROTOCOL_VERSION }));
    socket.on('connect_error', reject);
  });
}

export async function subscribeFloodBench(): Promise<void> {
  const gateway = await startGateway();
  try {
    const login = await fetch(`${gateway.url}/api/v1/session/kiosk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: gateway.kioskToken }) });
    const { token } = (await login.json()) as { token: string };
    const flooders = await Promise.all(Array.from({ length: SOCKETS }, () => connect(gateway.url, token)));
    await sleep(1_000);
    const snapshotMb = flooders[0]!.bytes / 2 ** 20;
    const rssBefore = gateway.proc().rssMb;
    const bytesBefore = flooders.map((f) => f.bytes);
    // Half the repeats without a resume point (a client asking for a fresh snapshot), half resuming
    // at the position the socket holds: the two ways a well-formed client can ask again.
    for (const f of flooders) for (let i = 1; i < SUBSCRIBES; i++) f.socket.emit('subscribe', i % 2 ? { protocol: PROTOCOL_VERSION } : { protocol: PROTOCOL_VERSION, resume: f.ref });
    // Until every answer has arrived: past one resync interval (5 s), then 20 s without a snapshot
    // (snapshots queued by the gateway arrive slowly, deflated per socket), at most 5 minutes.
    let rssPeak = rssBefore;
    const start = Date.now();
    let lastBytes = -1;
    let quietSince = Date.now();
    while (Date.now() - start < 300_000) {
      await sleep(250);
      rssPeak = Math.max(rssPeak, gateway.proc().rssMb);
      const total = flooders.reduce((sum, f) => sum + f.bytes, 0);
      if (total !== lastBytes) [lastBytes, quietSince] = [total, Date.now()];
      if (Date.now() - start > 6_000 && Date.now() - quietSince > 20_000) break;
    }
    const extraMb = flooders.map((f, i) => (f.bytes - bytesBefore[i]!) / 2 ** 20);
    report('subscribe-flood', {
      sockets: SOCKETS,
      subscribesPerSocket: SUBSCRIBES,
      snapshotMb: round(snapshotMb, 2),
      extraSnapshotsPerSocket: flooders.map((f) => f.snapshots - 1),
      extraMbPerSocket: extraMb.map((mb) => round(mb, 2)),
      extraMbTotal: round(extraMb.reduce((a, b) => a + b, 0), 2),
      answeredInS: round((quietSince - start) / 1000),
      gatewayRssMb: { before: round(rssBefore), peak: round(rssPeak), after: round(gateway.proc().rssMb) },
    });
    for (const f of flooders) f.socket.disconnect();
  } finally {
    await gateway.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await subscribeFloodBench();
