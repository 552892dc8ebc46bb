import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../server/compose.js';
import { publicModel, publicProvider, registryAtomFeed } from './public-view.js';

/** Decisions that are public: status changes and the weights of the prioritisation (GOV-1, GOV-2). */
const publicActions = ['model.status.change', 'model.revision.review', 'provider.status.change', 'registry.weights.set'];

/** The registry's public face, without login (GOV-1, OPEN-1): lists with reasons, JSON and an Atom feed. */
export const registryPublicRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const queries = services.registryQueries;

  async function models() {
    const [rows, scores] = await Promise.all([queries.modelRows(), queries.scores()]);
    return rows.map((row) => publicModel(row, scores.get(row.id) ?? null));
  }

  app.get('/api/public/registry/models', { schema: { tags: ['public'], summary: 'Recommended and approved models, ranked by the published score' } }, async () => {
    const all = await models();
    const weights = await queries.weights();
    return {
      weights: weights.weights,
      recommended: all.filter((model) => model.status === 'recommended').sort((a, b) => (b.score?.total ?? 0) - (a.score?.total ?? 0)),
      approved: all.filter((model) => model.status === 'approved').sort((a, b) => (b.score?.total ?? 0) - (a.score?.total ?? 0)),
      exceptionOnly: all.filter((model) => model.status === 'exception_only'),
      underReview: all.filter((model) => model.status === 'under_review' || model.status === 'candidate'),
    };
  });

  app.get('/api/public/registry/excluded', { schema: { tags: ['public'], summary: 'Excluded models with reason, category and date' } }, async () => {
    const excluded = (await models()).filter((model) => model.status === 'excluded');
    return excluded.map(({ score: _score, ...model }) => model);
  });

  app.get('/api/public/registry/providers', { schema: { tags: ['public'], summary: 'Provider list with jurisdiction, residency, AVV and status' } }, async () => {
    return (await queries.listProviders()).map(publicProvider);
  });

  app.get('/api/public/registry/changes.atom', { schema: { tags: ['public'], summary: 'Atom feed of registry decisions' } }, async (request, reply) => {
    const base = services.config.public_url ?? `${request.protocol}://${request.host}`;
    const changes = await queries.recentChanges(100, publicActions);
    return reply.type('application/atom+xml; charset=utf-8').send(registryAtomFeed(base, changes));
  });
};
