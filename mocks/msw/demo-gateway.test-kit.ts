// A demo gateway on a hand-driven source and hand-driven timers, for the mocks' own tests and for
// component tests that want the shared handlers with a known estate (c1, c2; p-c1-1…).
import { closedDatesBetween } from '../../src/domain/holidays.ts';
import { ManualTimers } from '../../server/stream/manual-timers.test-kit.ts';
import { fixtureEstate } from '../../server/supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../../server/supervision/fake-source.test-kit.ts';
import { createDemoGateway, type DemoGateway } from './demo-gateway.ts';

/** Tuesday 14 April 2026, 10:00 in Paris: inside covered hours. */
export const KIT_T0 = Date.UTC(2026, 3, 14, 8, 0);

export interface DemoKit {
  gateway: DemoGateway;
  source: FakeSource;
  timers: ManualTimers;
}

export async function startDemoKit({ collectivites = 2, probesEach = 3 } = {}): Promise<DemoKit> {
  const source = new FakeSource(fixtureEstate(collectivites, probesEach), KIT_T0);
  const timers = new ManualTimers();
  const gateway = createDemoGateway({ source, timers, closedDates: closedDatesBetween(2026, 2026), referentCollectiviteId: 'c1', clock: () => KIT_T0 });
  await gateway.start();
  return { gateway, source, timers };
}
