// Test support: the API as it runs in the gateway — real fastify, real PGlite in a temp folder,
// the real supervision state fed by a FakeSource, the real session service — plus helpers to log
// in and call routes with app.inject.
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { rmSync } from 'node:fs';
import type { ProbeStatus } from '../../src/domain/model.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import { API_PREFIX } from '../../src/protocol/rest.ts';
import type { AuthService } from '../accounts/auth-service.ts';
import { createSessionService } from '../accounts/session-service.ts';
import { hashPassword } from '../accounts/password.ts';
import type { Storage } from '../ports.ts';
import { openStorage } from '../storage/open-storage.ts';
import { freshDataDir } from '../storage/data-dir.test-kit.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../supervision/fake-source.test-kit.ts';
import { createSupervision, type Supervision } from '../supervision/supervision.ts';
import { answerFrameworkError } from './fastify/fastify-errors.ts';
import { createCoveredCalendar, DEFAULT_HOURS_SETTINGS } from './covered-calendar.ts';
import { API_SERVER_OPTIONS, registerApiRoutes } from './fastify/register-api-routes.ts';
import { reportDocuments } from '../reports/report-documents.ts';

export const PASSWORDS = { support: 'pw-support', 'ref-c1': 'pw-ref-c1', 'ref-c2': 'pw-ref-c2' } as const;

export interface TestGateway {
  app: FastifyInstance;
  storage: Storage;
  supervision: Supervision;
  source: FakeSource;
  sessions: AuthService;
  dataDir: string;
  /** Wall clock of the session service (expiry tests move it). */
  wall: { now: number };
  login(login: keyof typeof PASSWORDS): Promise<string>;
  call(method: 'GET' | 'POST' | 'DELETE', path: string, token?: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** Stop everything; keep the data folder when `keepData` (restart tests). */
  close(keepData?: boolean): Promise<void>;
}

export async function startTestGateway(
  options: { estate?: Estate; clock?: number; dataDir?: string; seedAccounts?: boolean; initialStatuses?: ProbeStatus[] } = {},
): Promise<TestGateway> {
  const dataDir = options.dataDir ?? (await freshDataDir('vigie-api-'));
  const storage = await openStorage({ dataDir });
  const estate = options.estate ?? fixtureEstate(2, 3);
  const source = new FakeSource(estate, options.clock ?? Date.UTC(2026, 2, 2, 8), options.initialStatuses);
  const supervision = createSupervision({ source, storage, persistMs: 60_000 });
  await supervision.start();
  const wall = { now: Date.UTC(2026, 2, 2, 8) };
  const sessions = await createSessionService({ accounts: storage.accounts, now: () => wall.now, accountCacheMs: 0 });
  if (options.seedAccounts !== false) {
    await storage.accounts.upsert({ login: 'support', role: 'support', displayName: 'Cellule', passwordHash: await hashPassword(PASSWORDS.support), disabled: false, version: 1 });
    await storage.accounts.upsert({ login: 'ref-c1', role: 'referent', collectiviteId: 'c1', passwordHash: await hashPassword(PASSWORDS['ref-c1']), disabled: false, version: 1 });
    await storage.accounts.upsert({ login: 'ref-c2', role: 'referent', collectiviteId: 'c2', passwordHash: await hashPassword(PASSWORDS['ref-c2']), disabled: false, version: 1 });
  }
  const app = Fastify({ routerOptions: { ...API_SERVER_OPTIONS }, frameworkErrors: answerFrameworkError, logger: false });
  await registerApiRoutes(app, { state: supervision, storage, sessions, calendar: createCoveredCalendar(DEFAULT_HOURS_SETTINGS), documents: reportDocuments() });
  await app.ready();

  const call: TestGateway['call'] = (method, path, token, body) =>
    app.inject({
      method,
      url: `${API_PREFIX}${path}`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body !== undefined && { payload: body as object }),
    });

  return {
    app,
    storage,
    supervision,
    source,
    sessions,
    dataDir,
    wall,
    call,
    async login(login) {
      const res = await call('POST', '/session', undefined, { login, password: PASSWORDS[login] });
      if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.statusCode} ${res.body}`);
      return res.json<{ token: string }>().token;
    },
    async close(keepData = false) {
      await app.close();
      await supervision.stop();
      await storage.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
