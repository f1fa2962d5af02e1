import Fastify from 'fastify';

/** The floor for bench/startup.ts: a bare Fastify server started through tsx, nothing else. */
const app = Fastify();
app.get('/', async () => 'ok');
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
