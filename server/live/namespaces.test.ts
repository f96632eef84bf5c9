// `/live` is the only socket.io namespace the gateway serves. socket.io always creates the default
// namespace `/`: it must refuse everyone, and a connection that joins no namespace is closed
// instead of being kept open for an anonymous peer.
import { io as connect, Manager } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createGateway, type Gateway } from '../app.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../supervision/fake-source.test-kit.ts';
import { MemoryStorage } from '../supervision/memory-storage.ts';
import { FakeSessions, until } from './live-clients.test-kit.ts';

const CONNECT_TIMEOUT_MS = 300;
let gateway: Gateway;
let url: string;

beforeAll(async () => {
  gateway = await createGateway({
    storage: new MemoryStorage(),
    sessions: new FakeSessions().grant('t-support', { login: 'support', role: 'support' }),
    source: new FakeSource(fixtureEstate(2, 3), Date.UTC(2026, 3, 14, 8)),
    staticDir: false,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
  url = await gateway.start(0, '127.0.0.1');
});

afterAll(async () => {
  await gateway?.close();
});

/** The namespace handshake's outcome: 'connected' or the connect_error message. */
function handshake(namespace: string, auth: Record<string, unknown> = {}): Promise<string> {
  const socket = connect(`${url}${namespace}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  }).finally(() => socket.disconnect());
}

test.each([
  ['with no token', {}],
  ['with a valid session token', { token: 't-support' }],
])('the default namespace refuses a client %s', async (_what, auth) => {
  expect(await handshake('/', auth)).toBe('unknown namespace');
  expect(gateway.io.of('/').sockets.size).toBe(0);
});

test('other unknown namespaces are refused, /live still accepts a session', async () => {
  expect(await handshake('/admin', { token: 't-support' })).toBe('Invalid namespace');
  expect(await handshake('/live', { token: 't-support' })).toBe('connected');
});

test('a connection that joins no namespace is closed by the gateway', async () => {
  // A raw peer: the transport is open, no namespace is ever asked for, nothing closes it on its side.
  await until(() => gateway.io.engine.clientsCount === 0, 5_000, 'earlier tests’ connections closed');
  const manager = new Manager(url, { transports: ['websocket'], reconnection: false, autoConnect: false });
  await new Promise<void>((resolve, reject) => manager.open((error) => (error ? reject(error) : resolve())));
  expect(gateway.io.engine.clientsCount).toBe(1);
  const closed = new Promise<string>((resolve) => manager.engine.once('close', (reason) => resolve(reason)));
  await until(() => gateway.io.engine.clientsCount === 0, CONNECT_TIMEOUT_MS * 10, 'the gateway closing the idle connection');
  expect(await closed).toBe('transport close');
});
