import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import type { PublicContext } from './complaint-public.js';
import { complaintStatusLookupInput, complaintSubmitInput } from './inputs.js';

const tags = ['public'];
const context = (request: FastifyRequest): PublicContext => ({ ip: request.ip, requestId: request.id, locale: request.locale });

/**
 * The complaint office's public face (OPEN-4), without an account. Submissions need a solved
 * proof-of-work challenge and are rate-limited per address; status lookups with a wrong code are
 * counted and blocked after too many. No CSRF token: these act with no one's session.
 */
export const complaintPublicRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { publicComplaints } = services.accountability;

  app.get('/api/public/complaints/form', { schema: { tags, summary: 'Recipient, deadlines and file limits of the complaint form', querystring: z.object({ org: z.string().max(100).optional() }) } }, async (request) =>
    publicComplaints.form(request.query.org),
  );

  app.get('/api/public/complaints/challenge', { schema: { tags, summary: 'A proof-of-work challenge for the complaint form' } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return publicComplaints.challenge(context(request));
  });

  app.post('/api/public/complaints', { schema: { tags, summary: 'File a complaint; answers with the case number and the secret status code', body: complaintSubmitInput }, config: { csrf: false } }, async (request, reply) => {
    reply.code(201).header('cache-control', 'no-store');
    return publicComplaints.submit(context(request), request.body);
  });

  app.post('/api/public/complaints/status', { schema: { tags, summary: 'The state of a complaint, for its secret status code', body: complaintStatusLookupInput }, config: { csrf: false } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return publicComplaints.status(context(request), request.body);
  });
};
