import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { exceptionDecisionInput, exceptionEndInput, exceptionListQuery, exceptionRejectInput, exceptionRequestInput } from './inputs.js';

const orgParams = z.object({ orgId: z.string().uuid() });
const exceptionParams = orgParams.extend({ exceptionId: z.string().uuid() });
const tags = ['accountability: exceptions'];

/** SOV-3: request, four-eyes decision, revocation, register and statistics of exceptions. */
export const exceptionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { exceptions } = services.accountability;

  app.get('/api/orgs/:orgId/exceptions', { schema: { tags, summary: 'Exceptions: all for approvers, one’s own for everyone else', params: orgParams, querystring: exceptionListQuery } }, async (request) =>
    exceptions.list(callerOf(request), request.params.orgId, request.query),
  );

  app.post('/api/orgs/:orgId/exceptions', { schema: { tags, summary: 'Request an exception', params: orgParams, body: exceptionRequestInput } }, async (request, reply) => {
    reply.code(201);
    return exceptions.request(callerOf(request), request.params.orgId, request.body);
  });

  app.get('/api/orgs/:orgId/exceptions/statistics', { schema: { tags, summary: 'Figures of the exception register', params: orgParams } }, async (request) =>
    exceptions.statistics(callerOf(request), request.params.orgId),
  );

  app.get('/api/orgs/:orgId/exceptions/models', { schema: { tags, summary: 'Models usable only with an exception here', params: orgParams } }, async (request) =>
    exceptions.exceptionModels(callerOf(request), request.params.orgId),
  );

  app.get('/api/orgs/:orgId/exceptions/:exceptionId', { schema: { tags, params: exceptionParams } }, async (request) =>
    exceptions.get(callerOf(request), request.params.orgId, request.params.exceptionId),
  );

  app.post('/api/orgs/:orgId/exceptions/:exceptionId/approve', { schema: { tags, summary: 'Approve (four-eyes rule)', params: exceptionParams, body: exceptionDecisionInput } }, async (request) =>
    exceptions.approve(callerOf(request), request.params.orgId, request.params.exceptionId, request.body),
  );

  app.post('/api/orgs/:orgId/exceptions/:exceptionId/reject', { schema: { tags, summary: 'Reject (four-eyes rule)', params: exceptionParams, body: exceptionRejectInput } }, async (request) =>
    exceptions.reject(callerOf(request), request.params.orgId, request.params.exceptionId, request.body),
  );

  app.post('/api/orgs/:orgId/exceptions/:exceptionId/end', { schema: { tags, summary: 'Revoke, or withdraw one’s own request', params: exceptionParams, body: exceptionEndInput } }, async (request) =>
    exceptions.end(callerOf(request), request.params.orgId, request.params.exceptionId, request.body),
  );
};
