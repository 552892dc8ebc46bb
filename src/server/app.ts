import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import helmet from 'helmet';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Histogram } from 'prom-client';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import { packageVersion, webDistDir } from '../core/paths.js';
import { auditRoutes } from '../audit/routes.js';
import { identityRoutes } from '../identity/routes.js';
import { gatewayRoutes } from '../gateway/routes.js';
import { jobRoutes } from '../jobs/routes.js';
import { accountabilityRoutes } from '../accountability/routes.js';
import { workflowRoutes } from '../workflows/routes.js';
import { workspaceRoutes } from '../workspace/routes.js';
import { knowledgeRoutes } from '../knowledge/routes.js';
import { evaluationRoutes } from '../evaluation/routes.js';
import { provenanceRoutes } from '../provenance/routes.js';
import { provenancePublicRoutes } from '../provenance/public-routes.js';
import { imageGenerationRoutes } from '../gateway/image-routes.js';
import { registryRoutes } from '../registry/routes.js';
import { registryPublicRoutes } from '../registry/public-routes.js';
import { guardRoutes } from '../guard/routes.js';
import { limitsRoutes } from '../gateway/limits-routes.js';
import { energyRoutes } from '../energy/routes.js';
import { transparencyRoutes } from '../transparency/routes.js';
import { transparencyPublicRoutes } from '../transparency/public-routes.js';
import type { Services } from './compose.js';
import { registerRequestContext } from './http-context.js';
import { opsRoutes } from './ops-routes.js';
import { sendProblem, toServiceError } from './problem.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Composes the modules' routes into one Fastify app. Nothing here knows about a module's tables. */
export async function buildApp(services: Services): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    trustProxy: services.config.trust_proxy,
    bodyLimit: 20 * 1024 * 1024,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  // Security headers from helmet, its middleware built once: @fastify/helmet builds it again for every
  // request (parsing the CSP each time), a few per cent of the gateway's CPU.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: services.config.public_url?.startsWith('https://') ? { maxAge: 31_536_000 } : false,
    crossOriginEmbedderPolicy: false,
  });
  // Callback-style hooks: an async hook costs every request a promise and a microtask turn.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    securityHeaders(request.raw, reply.raw, () => done());
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Leitplanke API',
        version: packageVersion,
        description: 'REST API of Leitplanke. Errors are RFC 9457 problem details (application/problem+json).',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key (lp_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'lp_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const duration = new Histogram({
    name: 'leitplanke_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [services.metrics],
  });
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  registerRequestContext(app, services);

  app.setErrorHandler((error, request, reply) => {
    const problem = toServiceError(error);
    if (problem.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: problem.code, reason: problem.reason }, 'request refused');
    return sendProblem(reply, request, problem, request.locale);
  });

  await app.register(opsRoutes, { services });
  await app.register(identityRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(gatewayRoutes, { services });
  await app.register(jobRoutes, { services });
  await app.register(accountabilityRoutes, { services });
  await app.register(workflowRoutes, { services });
  await app.register(workspaceRoutes, { services });
  await app.register(knowledgeRoutes, { services });
  await app.register(evaluationRoutes, { services });
  await app.register(imageGenerationRoutes, { services });
  await app.register(provenanceRoutes, { services });
  await app.register(provenancePublicRoutes, { services });
  await app.register(registryRoutes, { services });
  await app.register(registryPublicRoutes, { services });
  await app.register(guardRoutes, { services });
  await app.register(limitsRoutes, { services });
  await app.register(energyRoutes, { services });
  await app.register(transparencyRoutes, { services });
  await app.register(transparencyPublicRoutes, { services });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const hasWeb = existsSync(webDistDir);
  if (hasWeb) await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false, cacheControl: false });
  app.setNotFoundHandler((request, reply) => {
    const isApi = /^\/(api|v1)(\/|$)/.test(request.url);
    if (!isApi && request.method === 'GET' && hasWeb) {
      // The SPA routes itself; every other path gets its shell.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(
      reply,
      request,
      new ServiceError('NOT_FOUND', text(`Es gibt keinen Endpunkt ${request.method} ${request.url.split('?')[0]}.`, `There is no endpoint ${request.method} ${request.url.split('?')[0]}.`), {
        reason: 'route_not_found',
      }),
      request.locale,
    );
  });
  return app;
}
