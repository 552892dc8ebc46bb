import type { FastifyPluginAsync } from 'fastify';
import { packageVersion } from '../core/paths.js';
import { databaseReadiness } from '../db/readiness.js';
import type { Services } from './compose.js';

/** Liveness, readiness and Prometheus metrics: unauthenticated, for orchestrators and scrapers. */
export const opsRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.get('/healthz', { schema: { tags: ['operations'] } }, async () => ({ status: 'ok', version: packageVersion }));

  app.get('/readyz', { schema: { tags: ['operations'] } }, async (_request, reply) => {
    const checks = await databaseReadiness(services.database);
    const ready = Object.values(checks).every((check) => check.ok);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
  });

  app.get('/metrics', { schema: { tags: ['operations'] } }, async (_request, reply) => {
    return reply.type(services.metrics.contentType).send(await services.metrics.metrics());
  });
};
