// Icinga 2 text the database cannot store — a NUL in a host's display name, plugin output cut by
// the source in the middle of an emoji (a lone surrogate) — through the real source, the gateway's
// supervision and real PGlite: repaired at the source boundary, stored, counted; nothing blocked.
import { rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { Storage } from '../../ports.ts';
import { openStorage } from '../../storage/open-storage.ts';
import { freshDataDir } from '../../storage/data-dir.test-kit.ts';
import { createSupervision, type Supervision } from '../../supervision/supervision.ts';
import { checkEvent, FakeIcinga } from './fake-icinga.test-kit.ts';
import { createIcinga2Source } from './icinga2-source.ts';
import { probeIdOf } from './probe-ids.ts';

let dataDir: string | undefined;
let storage: Storage | undefined;
let supervision: Supervision | undefined;
afterEach(async () => {
  await supervision?.stop();
  await storage?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('repairs, stores and counts Icinga text the database would refuse', async () => {
  dataDir = await freshDataDir('vigie-icinga-text-');
  storage = await openStorage({ dataDir });
  const fake = new FakeIcinga();
  fake.setObjectAttrs('remilly-mairie-nas', { display_name: 'NAS \u0000 de la mairie' });
  const source = createIcinga2Source({ url: 'https://icinga.invalid:5665', user: 'vigie', password: 'x', client: fake, log: () => undefined });
  supervision = createSupervision({ source, storage, persistMs: 60_000 });
  await supervision.start();

  const probeId = probeIdOf('remilly-mairie-nas', 'disque-nas');
  const now = Date.now() / 1000;
  fake.emit(checkEvent('remilly-mairie-nas', 'disque-nas', 2, `${'x'.repeat(4095)}😀 and more`, now, true));
  fake.emit(checkEvent('remilly-mairie-nas', 'disque-nas', 2, 'DISK CRITICAL \u0000 \u001b[31mred\u001b[0m', now + 1));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await supervision.persist();

  const estate = (await storage.loadEstate())!;
  expect(estate.equipment.find((e) => e.id === 'remilly-mairie-nas')?.name).toBe('NAS \uFFFD de la mairie');
  const status = (await storage.loadStatuses()).find((s) => s.probeId === probeId);
  expect(status?.output).toBe('DISK CRITICAL \uFFFD [31mred[0m');
  const incident = (await storage.loadIncidents({ activeOnly: true })).find((i) => i.probeId === probeId);
  expect(incident?.status).toBe('open');
  expect(supervision.engineTextRepairs()).toBeGreaterThanOrEqual(3);
});
