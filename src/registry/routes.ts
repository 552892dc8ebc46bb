import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { zones } from '../core/config.js';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { requirePermission } from '../identity/principal.js';
import { exclusionCategories, modelStatuses } from './model-card.js';
import { registryMessages } from './messages.js';
import { criteria, weightsSchema } from './scoring.js';
import { setupStatus } from '../gateway/setup-status.js';

const modelParams = z.object({ modelId: z.string().min(1) });
const providerParams = z.object({ providerId: z.string().min(1) });
const orgParams = z.object({ orgId: z.string().uuid() });

/** The registry for signed-in users: every member reads it; reviewers decide; root admins connect providers. */
export const registryRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { registry, registryQueries: queries, registryRules: rules, registryTransfer: transfer } = services;

  async function readerAt(request: Parameters<typeof callerOf>[0], orgId?: string) {
    const caller = callerOf(request);
    const tree = await services.orgs.tree();
    const target = orgId ?? (caller.principal.kind === 'api_key' ? caller.principal.orgId : caller.principal.grants[0]?.orgId ?? tree.roots[0]!.id);
    requirePermission(caller.principal, tree, 'registry.read', target);
    return { caller, orgId: target };
  }

  async function rootPermission(request: Parameters<typeof callerOf>[0], permission: 'registry.review' | 'provider.manage' | 'registry.weights') {
    const caller = callerOf(request);
    const tree = await services.orgs.tree();
    requirePermission(caller.principal, tree, permission, tree.roots[0]!.id);
    return caller;
  }

  app.get('/api/registry/models', { schema: { tags: ['registry'], querystring: z.object({ org: z.string().uuid().optional() }) } }, async (request) => {
    const { orgId } = await readerAt(request, request.query.org);
    return queries.listModels(orgId);
  });

  app.get('/api/registry/models/:modelId', { schema: { tags: ['registry'], params: modelParams, querystring: z.object({ org: z.string().uuid().optional() }) } }, async (request) => {
    const { orgId } = await readerAt(request, request.query.org);
    const model = await queries.getModel(request.params.modelId);
    if (!model) throw new ServiceError('NOT_FOUND', registryMessages.modelNotFound(request.params.modelId));
    const effective = (await queries.listModels(orgId)).find((entry) => entry.id === model.id);
    return { ...model, effectiveStatus: effective?.effectiveStatus ?? model.status, restrictions: effective?.restrictions ?? [], providers: effective?.providers ?? [], history: await queries.history('model', model.id) };
  });

  app.post(
    '/api/registry/models/:modelId/status',
    {
      schema: {
        tags: ['registry'],
        params: modelParams,
        body: z.object({ status: z.enum(modelStatuses), reason: z.string().trim().min(1).max(2000), exclusionCategory: z.enum(exclusionCategories).optional(), expectedVersion: z.number().int().optional() }),
      },
    },
    async (request) => registry.setModelStatus(callerOf(request), request.params.modelId, request.body),
  );

  app.put(
    '/api/registry/models/:modelId',
    {
      schema: {
        tags: ['registry'],
        params: modelParams,
        body: z.object({
          name: z.string().min(1).max(200),
          kind: z.enum(['chat', 'embedding', 'image']),
          revision: z.string().min(1).max(200).optional(),
          deployments: z.array(z.object({ providerId: z.string().min(1), upstreamModel: z.string().min(1) })).max(20),
          fallbacks: z.array(z.string()).max(10).optional(),
        }),
      },
    },
    async (request) => {
      await rootPermission(request, 'provider.manage');
      return registry.upsertModel(callerOf(request), { id: request.params.modelId, ...request.body });
    },
  );

  app.get('/api/registry/providers', { schema: { tags: ['registry'] } }, async (request) => {
    await readerAt(request);
    return queries.listProviders();
  });

  app.put(
    '/api/registry/providers/:providerId/connection',
    {
      schema: {
        tags: ['registry'],
        params: providerParams,
        body: z.object({
          name: z.string().max(200).optional(),
          adapter: z.string().min(1),
          baseUrl: z.string().url().optional(),
          apiKey: z.string().min(1).max(4000).optional(),
          apiKeyEnv: z.string().max(200).optional(),
          zone: z.enum(zones),
          jurisdiction: z.string().length(2).toUpperCase(),
          location: z.string().length(2).toUpperCase().optional(),
          dpaStatus: z.enum(['not_required', 'pending', 'signed', 'none']).optional(),
        }),
      },
    },
    async (request) => {
      const row = await registry.connectProvider(callerOf(request), { id: request.params.providerId, ...request.body });
      const { apiKeyCiphertext, ...visible } = row;
      return { ...visible, hasApiKey: !!apiKeyCiphertext || !!row.apiKeyEnv };
    },
  );

  app.post(
    '/api/registry/providers/:providerId/status',
    { schema: { tags: ['registry'], params: providerParams, body: z.object({ status: z.enum(modelStatuses), reason: z.string().trim().min(1).max(2000) }) } },
    async (request) => {
      const { apiKeyCiphertext: _secret, ...row } = await registry.setProviderStatus(callerOf(request), request.params.providerId, request.body);
      return row;
    },
  );

  app.get('/api/registry/weights', { schema: { tags: ['registry'] } }, async (request) => {
    await readerAt(request);
    return { ...(await queries.weights()), criteria };
  });

  app.put('/api/registry/weights', { schema: { tags: ['registry'], body: z.object({ weights: weightsSchema, reason: z.string().trim().min(1).max(2000) }) } }, async (request) => {
    return registry.setWeights(callerOf(request), request.body.weights, request.body.reason);
  });

  app.get('/api/registry/review-queue', { schema: { tags: ['registry'] } }, async (request) => {
    await rootPermission(request, 'registry.review');
    return queries.reviewQueue();
  });

  app.get('/api/registry/history', { schema: { tags: ['registry'], querystring: z.object({ entityType: z.string().max(50), entityId: z.string().max(200) }) } }, async (request) => {
    await readerAt(request);
    return queries.history(request.query.entityType, request.query.entityId);
  });

  app.get('/api/orgs/:orgId/registry/rules', { schema: { tags: ['registry'], params: orgParams } }, async (request) => {
    const { orgId } = await readerAt(request, request.params.orgId);
    return queries.rulesFor(orgId);
  });

  app.post(
    '/api/orgs/:orgId/registry/rules',
    {
      schema: {
        tags: ['registry'],
        params: orgParams,
        body: z.object({
          targetType: z.enum(['model', 'provider', 'zone']),
          targetId: z.string().min(1).max(200),
          effect: z.enum(['exclude', 'exception_only', 'restrict_roles']),
          roles: z.array(z.enum(['member', 'staff', 'reviewer', 'dpo', 'admin'])).optional(),
          reason: z.string().trim().min(1).max(2000),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await rules.addOrgRule(callerOf(request), request.params.orgId, request.body)),
  );

  app.delete(
    '/api/orgs/:orgId/registry/rules/:ruleId',
    { schema: { tags: ['registry'], params: orgParams.extend({ ruleId: z.string().uuid() }), querystring: z.object({ reason: z.string().trim().min(1).max(2000) }) } },
    async (request) => rules.removeOrgRule(callerOf(request), request.params.orgId, request.params.ruleId, request.query.reason),
  );

  /** The whole registry as YAML or JSON, for the review board's git repository. Connection settings, never secrets. */
  app.get('/api/registry/export', { schema: { tags: ['registry'], querystring: z.object({ format: z.enum(['yaml', 'json']).default('yaml') }) } }, async (request, reply) => {
    await rootPermission(request, 'registry.weights');
    const document = await transfer.exportDocument();
    const yaml = request.query.format === 'yaml';
    return reply
      .header('content-disposition', `attachment; filename="leitplanke-registry.${request.query.format}"`)
      .type(yaml ? 'application/yaml; charset=utf-8' : 'application/json; charset=utf-8')
      .send(yaml ? transfer.toYaml(document) : transfer.toJson(document));
  });

  app.post('/api/registry/import', { schema: { tags: ['registry'], body: z.object({ format: z.enum(['yaml', 'json']), document: z.string().min(1).max(5_000_000) }) } }, async (request) => {
    const caller = await rootPermission(request, 'registry.review');
    return transfer.importDocument(caller, transfer.parseDocument(request.body.document, request.body.format));
  });

  /** First-run help for administrators: usable models, local inference servers found, open models to pull. */
  app.get('/api/setup/status', { schema: { tags: ['registry'] } }, async (request) => {
    await rootPermission(request, 'provider.manage');
    return setupStatus(services.gateway, (await services.orgs.tree()).roots[0]!.id);
  });
};
