// A gateway restarted on the same data folder still has its incidents, acknowledgements and
// history: the same questions get the same answers, and issued sessions stay valid.
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

let second: TestGateway | undefined;
afterAll(async () => {
  if (second) {
    await second.close(true);
    rmSync(second.dataDir, { recursive: true, force: true });
  }
});

it('keeps incidents, acknowledgements, history and SLA figures across a restart', async () => {
  const first = await startTestGateway();
  first.source.emit('p-c2-3', 'CRITICAL', { afterMs: 3_600_000 });
  first.source.clock += 3_600_000;
  const incident = [...first.supervision.incidents()][0]!;
  const support = await first.login('support');
  const ack = await first.call('POST', `/incidents/${encodeURIComponent(incident.id)}/actions`, support, { action: 'acknowledge', comment: 'technicien prévenu' });
  expect(ack.statusCode).toBe(200);
  const window = `from=${Date.UTC(2026, 2, 2)}&to=${first.source.clock}`;
  const before = {
    incident: (await first.call('GET', `/incidents/${encodeURIComponent(incident.id)}`, support)).json(),
    availability: (await first.call('GET', `/availability?collectiviteId=c2&${window}`, support)).json(),
    gti: (await first.call('GET', `/gti?collectiviteId=c2&${window}`, support)).json(),
  };
  expect(before.incident.timeline.at(-1)).toMatchObject({ kind: 'acknowledged', by: 'support', comment: 'technicien prévenu' });
  expect(before.availability.downSeconds).toBe(3600);
  const statuses = [...first.supervision.statuses()];
  await first.close(true);

  // The engine still reports the same states after the restart; the clock has moved on.
  second = await startTestGateway({ dataDir: first.dataDir, clock: first.source.clock + 60_000, initialStatuses: statuses, seedAccounts: false });
  const again = (path: string) => second!.call('GET', path, support).then((r) => r.json());
  expect(await again(`/incidents/${encodeURIComponent(incident.id)}`)).toEqual(before.incident);
  expect(await again(`/availability?collectiviteId=c2&${window}`)).toEqual(before.availability);
  // The GTI clock kept running for the minute the gateway was down; nothing else moved.
  const gti = await again(`/gti?collectiviteId=c2&${window}`);
  expect({ ...gti, open: [] }).toEqual({ ...before.gti, open: [] });
  expect(gti.open).toEqual([{ ...before.gti.open[0], coveredSecondsLeft: before.gti.open[0].coveredSecondsLeft - 60 }]);
  expect((await again('/incidents?status=acknowledged')).items.map((i: { id: string }) => i.id)).toEqual([incident.id]);
});
