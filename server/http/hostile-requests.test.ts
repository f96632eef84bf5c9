// Requests an outsider sends to find a crash, over real HTTP to the gateway as `npm start`
// assembles it: instants far outside any calendar, periods of centuries, a malformed URL, a body
// of the wrong type. Each gets a 4xx in the API's own `{ error: { code, message, field } }` shape,
// never a 500, and the gateway goes on serving.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { API_PREFIX, MAX_INSTANT, MIN_INSTANT } from '../../src/protocol/rest.ts';
import { ensureKioskToken } from '../accounts/gateway-secrets.ts';
import { assembleGateway, type AssembledGateway } from '../assemble-gateway.ts';
import { loadConfig } from '../config.ts';
import { freshDataDir } from '../storage/data-dir.test-kit.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../supervision/fake-source.test-kit.ts';

let assembled: AssembledGateway<FakeSource>;
let dataDir: string;
let url: string;
let token: string;

beforeAll(async () => {
  dataDir = await freshDataDir('vigie-hostile-');
  assembled = await assembleGateway(loadConfig({ DATA_DIR: dataDir, PORT: '0' }), {
    source: (start) => new FakeSource(fixtureEstate(2, 3), start),
    staticDir: false,
    logLevel: 'silent',
  });
  url = await assembled.gateway.start(0, '127.0.0.1');
  const kiosk = await ensureKioskToken(assembled.storage.accounts);
  const login = await fetch(`${url}${API_PREFIX}/session/kiosk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: kiosk.token }) });
  token = ((await login.json()) as { token: string }).token;
});

afterAll(async () => {
  await assembled?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${url}${API_PREFIX}${path}`, { headers: { authorization: `Bearer ${token}` } });

async function expectApiError(res: Response, status: number, code: string, field: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as unknown;
  expect(body).toEqual({ error: { code, message: expect.stringContaining(field), field } });
}

const ROUTES = ['/availability', '/gti', '/incidents', '/export/incidents.csv', '/export/availability.csv'];
const APRIL_2026 = Date.UTC(2026, 3, 1);
const YEAR = 366 * 86_400_000;

describe.each(ROUTES)('%s', (route) => {
  test.each([
    ['the largest Date', `from=8640000000000000&to=8640000000000001`, 'from'],
    ['2^53 − 1 with a period', `from=${2 ** 53 - 1}&period=month`, 'from'],
    ['2^53 − 1 as the end', `from=${APRIL_2026}&to=${2 ** 53 - 1}`, 'to'],
    ['a year shorthand far ahead', `period=year&from=8640000000000000`, 'from'],
    ['an exponent', `from=1e20&to=2e20`, 'from'],
    ['one ms before 2000', `from=${MIN_INSTANT - 1}&to=${APRIL_2026}`, 'from'],
    ['one ms after 2100', `from=${APRIL_2026}&to=${MAX_INSTANT + 1}`, 'to'],
    ['a period of four years', `from=${APRIL_2026}&to=${APRIL_2026 + 4 * YEAR}`, 'to'],
  ])('%s → 400 naming the field', async (_what, query, field) => {
    await expectApiError(await get(`${route}?${query}`), 400, 'bad-request', field);
  });

  test('the bounds themselves are accepted', async () => {
    expect((await get(`${route}?from=${MIN_INSTANT}&to=${MIN_INSTANT + 86_400_000}`)).status).toBe(200);
    expect((await get(`${route}?from=${MAX_INSTANT - 86_400_000}&to=${MAX_INSTANT}`)).status).toBe(200);
  });
});

test.each(['/incidents/%ZZ', '/sites/%ZZ', '/probes/%E0%A4%A', '/collectivites/%ZZ'])('a malformed URL (%s) gets the API’s error shape, not fastify’s', async (path) => {
  await expectApiError(await get(path), 400, 'bad-request', 'url');
});

test('a path parameter beyond the router’s length gets the API’s error shape', async () => {
  await expectApiError(await get(`/incidents/${'x'.repeat(300)}`), 400, 'bad-request', 'url');
});

test.each([
  ['text/plain', 'login=a&password=b'],
  ['text/plain; charset=utf-8', '{"login":"a","password":"b"}'],
  ['application/x-www-form-urlencoded', 'login=a&password=b'],
  ['application/xml', '<login/>'],
])('a %s body answers 415 naming the content type', async (type, body) => {
  const res = await fetch(`${url}${API_PREFIX}/session`, { method: 'POST', headers: { 'content-type': type }, body });
  await expectApiError(res, 415, 'bad-request', 'content-type');
});

test('an operator action sent as text/plain answers 415 too, and JSON still works afterwards', async () => {
  const res = await fetch(`${url}${API_PREFIX}/incidents/x/actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
    body: '{"action":"comment","comment":"vu"}',
  });
  await expectApiError(res, 415, 'bad-request', 'content-type');
  expect((await get('/availability?period=month')).status).toBe(200);
  expect((await get('/collectivites')).status).toBe(200);
});
