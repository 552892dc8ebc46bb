import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { commentSchema, openParticipationSchema } from './participation-service.js';
import { riskAnswersSchema } from './risk/index.js';
import { createUseCaseSchema, statusChangeSchema, updateUseCaseSchema } from './use-case-input.js';

const orgParams = z.object({ orgId: z.string().uuid() });
const useCaseParams = z.object({ useCaseId: z.string().uuid() });
const tags = ['transparency'];

/** The register for signed-in staff: entries, the AI-Act wizard, participation (OPEN-1, 2, 5). */
export const transparencyRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const transparency = services.transparency;

  app.get('/api/transparency/questionnaire', { schema: { tags, summary: 'The AI-Act risk questionnaire (questions, options, skip logic)' } }, async (request) => {
    callerOf(request);
    return transparency.assessments.questionnaire();
  });

  app.post(
    '/api/transparency/risk/evaluate',
    { schema: { tags, summary: 'One wizard step: next question, or the risk class with reasons and obligations', body: z.object({ answers: riskAnswersSchema }) } },
    async (request) => {
      callerOf(request);
      return transparency.assessments.evaluate(request.body.answers);
    },
  );

  app.get('/api/orgs/:orgId/transparency/use-cases', { schema: { tags, params: orgParams } }, async (request) =>
    transparency.listUseCases(callerOf(request), request.params.orgId),
  );

  app.post('/api/orgs/:orgId/transparency/use-cases', { schema: { tags, params: orgParams, body: createUseCaseSchema } }, async (request, reply) => {
    const created = await transparency.createUseCase(callerOf(request), request.params.orgId, request.body);
    return reply.code(201).send(created);
  });

  app.get(
    '/api/orgs/:orgId/transparency/export',
    { schema: { tags, summary: 'All fields, for staff (the public exports are under /api/public/transparency)', params: orgParams, querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }) } },
    async (request, reply) => {
      const exported = await transparency.exportInternal(callerOf(request), request.params.orgId, request.query.format);
      if (typeof exported !== 'string') return exported;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="ki-register-intern.csv"').send(exported);
    },
  );

  app.get('/api/transparency/use-cases/:useCaseId', { schema: { tags, params: useCaseParams } }, async (request) =>
    transparency.getUseCase(callerOf(request), request.params.useCaseId),
  );

  app.patch('/api/transparency/use-cases/:useCaseId', { schema: { tags, params: useCaseParams, body: updateUseCaseSchema } }, async (request) =>
    transparency.updateUseCase(callerOf(request), request.params.useCaseId, request.body),
  );

  app.delete('/api/transparency/use-cases/:useCaseId', { schema: { tags, params: useCaseParams } }, async (request, reply) => {
    await transparency.deleteUseCase(callerOf(request), request.params.useCaseId);
    return reply.code(204).send();
  });

  app.post(
    '/api/transparency/use-cases/:useCaseId/status',
    { schema: { tags, summary: 'Planned, pilot, in use, retired; going live needs an assessment that does not block it', params: useCaseParams, body: statusChangeSchema } },
    async (request) => transparency.changeStatus(callerOf(request), request.params.useCaseId, request.body),
  );

  app.get('/api/transparency/use-cases/:useCaseId/assessments', { schema: { tags, summary: 'Every stored version of the wizard answers and results', params: useCaseParams } }, async (request) =>
    transparency.assessments.list(callerOf(request), request.params.useCaseId),
  );

  app.post(
    '/api/transparency/use-cases/:useCaseId/assessments',
    { schema: { tags, summary: 'Store complete wizard answers as a new version', params: useCaseParams, body: z.object({ answers: riskAnswersSchema }) } },
    async (request, reply) => reply.code(201).send(await transparency.assessments.record(callerOf(request), request.params.useCaseId, request.body.answers)),
  );

  app.get('/api/transparency/use-cases/:useCaseId/participation', { schema: { tags, params: useCaseParams } }, async (request) =>
    transparency.participation.list(callerOf(request), request.params.useCaseId),
  );

  app.post(
    '/api/transparency/use-cases/:useCaseId/participation',
    { schema: { tags, summary: 'Open a planned application for comments for a set period', params: useCaseParams, body: openParticipationSchema } },
    async (request, reply) => reply.code(201).send(await transparency.participation.open(callerOf(request), request.params.useCaseId, request.body)),
  );

  app.post(
    '/api/transparency/use-cases/:useCaseId/participation/:roundId/close',
    { schema: { tags, summary: 'End a participation round early', params: useCaseParams.extend({ roundId: z.string().uuid() }) } },
    async (request) => transparency.participation.close(callerOf(request), request.params.useCaseId, request.params.roundId),
  );

  app.post(
    '/api/transparency/use-cases/:useCaseId/comments',
    { schema: { tags, summary: 'Comment during participation, or reply to a comment', params: useCaseParams, body: commentSchema } },
    async (request, reply) => reply.code(201).send(await transparency.participation.comment(callerOf(request), request.params.useCaseId, request.body)),
  );
};
