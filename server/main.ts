// Entry point of `npm start`. For now it serves the built SPA; the supervision gateway grows here.
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { join } from 'node:path';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

const app = Fastify({ logger: { level: 'info' } });
await app.register(fastifyStatic, { root: join(import.meta.dirname, '..', 'dist') });
app.setNotFoundHandler((_req, reply) => reply.sendFile('index.html'));
await app.listen({ port, host });
console.log(`Vigie: http://${host}:${port}/`);
