import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { reportCsv, reportHtml } from './report-export.js';
import { datasetFormats, scheduleInputSchema, setThresholdsSchema, startRunSchema } from './run-types.js';

const runParams = z.object({ runId: z.string().uuid() });
const tags = ['evaluation'];

/**
 * Bias and manipulation tests (issue 5): runs, reports and exports for everyone signed in; starting, stopping,
 * thresholds, schedules and datasets for the review board (checked in the services).
 */
export const evaluationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { runs, board, datasets } = services.evaluation;

  app.get('/api/evaluation/suites', { schema: { tags } }, async (request) => runs.catalogue(callerOf(request)));

  app.get('/api/evaluation/models', { schema: { tags } }, async (request) => runs.models(callerOf(request)));

  app.get(
    '/api/evaluation/runs',
    { schema: { tags, querystring: z.object({ modelId: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
    async (request) => runs.list(callerOf(request), request.query),
  );

  app.post('/api/evaluation/runs', { schema: { tags, body: startRunSchema } }, async (request, reply) => {
    const run = await runs.start(callerOf(request), request.body);
    return reply.code(201).send(run);
  });

  app.get('/api/evaluation/runs/:runId', { schema: { tags, params: runParams } }, async (request) => runs.get(callerOf(request), request.params.runId));

  app.post('/api/evaluation/runs/:runId/cancel', { schema: { tags, params: runParams } }, async (request) =>
    runs.cancel(callerOf(request), request.params.runId),
  );

  app.post('/api/evaluation/runs/:runId/resume', { schema: { tags, params: runParams } }, async (request) =>
    runs.resume(callerOf(request), request.params.runId),
  );

  app.get('/api/evaluation/runs/:runId/report', { schema: { tags, params: runParams } }, async (request) =>
    runs.report(callerOf(request), request.params.runId),
  );

  app.get(
    '/api/evaluation/runs/:runId/export/:format',
    { schema: { tags, params: runParams.extend({ format: z.enum(['json', 'csv', 'html']) }) } },
    async (request, reply) => {
      const report = await runs.report(callerOf(request), request.params.runId);
      const name = `leitplanke-evaluation-${report.run.modelId}-${report.run.id.slice(0, 8)}`;
      switch (request.params.format) {
        case 'json':
          return reply.header('content-disposition', `attachment; filename="${name}.json"`).type('application/json; charset=utf-8').send(JSON.stringify(report, null, 2));
        case 'csv':
          return reply.header('content-disposition', `attachment; filename="${name}.csv"`).type('text/csv; charset=utf-8').send(reportCsv(report));
        case 'html':
          // A page without scripts: its own inline styles are all it may load.
          return reply
            .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
            .type('text/html; charset=utf-8')
            .send(reportHtml(report, request.locale));
      }
    },
  );

  app.get(
    '/api/evaluation/runs/:runId/responses',
    {
      schema: {
        tags,
        params: runParams,
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          itemId: z.string().max(300).optional(),
        }),
      },
    },
    async (request) => runs.responses(callerOf(request), request.params.runId, request.query),
  );

  app.get(
    '/api/evaluation/runs/:runId/items',
    {
      schema: {
        tags,
        params: runParams,
        querystring: z.object({ category: z.string().max(100).optional(), failed: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request) =>
      runs.itemResults(callerOf(request), request.params.runId, { category: request.query.category, failedOnly: request.query.failed === 'true' }),
  );

  app.get('/api/evaluation/thresholds', { schema: { tags } }, async (request) => {
    callerOf(request);
    return board.thresholds();
  });

  app.put('/api/evaluation/thresholds', { schema: { tags, body: setThresholdsSchema } }, async (request) =>
    board.setThresholds(callerOf(request), request.body),
  );

  app.get('/api/evaluation/schedules', { schema: { tags } }, async (request) => {
    callerOf(request);
    return board.schedules();
  });

  app.put(
    '/api/evaluation/schedules/:modelId',
    { schema: { tags, params: z.object({ modelId: z.string().min(1).max(200) }), body: scheduleInputSchema } },
    async (request) => board.setSchedule(callerOf(request), request.params.modelId, request.body),
  );

  app.get('/api/evaluation/datasets', { schema: { tags } }, async (request) => {
    callerOf(request);
    return datasets.list();
  });

  app.post(
    '/api/evaluation/datasets',
    {
      schema: {
        tags,
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          format: z.enum(datasetFormats).optional(),
          fileName: z.string().min(1).max(300),
          content: z.string().min(1),
        }),
      },
    },
    async (request, reply) => reply.code(201).send(await datasets.import(callerOf(request), request.body)),
  );
};
