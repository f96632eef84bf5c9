// GET /history: bands and daily bars from the stored state changes of one probe or one site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historySchema } from '../../src/protocol/history.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

const H = 3_600_000;
let gw: TestGateway;
let support: string;

beforeAll(async () => {
  gw = await startTestGateway(); // Monday 2 March 2026, 09:00 Paris
  support = await gw.login('support');
  await gw.supervision.persist(); // every probe OK from 09:00
  gw.source.emit('p-c1-1', 'CRITICAL', { afterMs: H }); // 10:00 Paris
  gw.source.clock += H; // now 11:00 Paris
  await gw.supervision.persist();
});
afterAll(() => gw.close());

const history = async (query: string) => {
  const res = await gw.call('GET', `/history?${query}`, support);
  expect(res.statusCode, res.body).toBe(200);
  return historySchema.parse(res.json());
};

describe('GET /history', () => {
  it("draws a probe's states until now and its day against covered hours", async () => {
    const h = await history('probeId=p-c1-1&period=month');
    expect(h.subject).toEqual({ kind: 'probe', id: 'p-c1-1' });
    expect(h.from).toBe(Date.parse('2026-02-28T23:00:00Z'));
    expect(h.target).toBe(0.96);
    const at = Date.parse('2026-03-02T08:00:00Z');
    expect(h.bands).toEqual([
      { from: h.from, to: at, kind: 'none' },
      { from: at, to: at + H, kind: 'OK' },
      { from: at + H, to: at + 2 * H, kind: 'CRITICAL' },
    ]);
    expect(h.days).toHaveLength(31);
    const monday = h.days[1]!;
    expect(monday).toMatchObject({ from: Date.parse('2026-03-01T23:00:00Z'), upSeconds: 3600, downSeconds: 3600, ratio: 0.5 });
    expect(h.days[0]!.ratio).toBeNull(); // Sunday 1st: no covered hours
    expect(h.days[2]!.ratio).toBeNull(); // tomorrow: not measured yet
  });

  it("draws a site as its worst probe and sums its probes' days", async () => {
    const h = await history('siteId=s-c1');
    expect(h.subject).toEqual({ kind: 'site', id: 's-c1' });
    expect(h.probeCount).toBe(3);
    expect(h.bands.at(-1)).toMatchObject({ kind: 'CRITICAL', to: Date.parse('2026-03-02T10:00:00Z') });
    expect(h.days[1]).toMatchObject({ upSeconds: 5 * 3600, downSeconds: 3600 });
  });

  it.each([
    ['', 400],
    ['probeId=p-c1-1&siteId=s-c1', 400],
    ['probeId=nope', 404],
    ['siteId=nope', 404],
    ['probeId=p-c1-1&period=decade', 400],
  ])('%s → %i', async (query, status) => {
    expect((await gw.call('GET', `/history?${query}`, support)).statusCode).toBe(status);
  });
});
