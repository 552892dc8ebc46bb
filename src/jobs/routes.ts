import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { can } from '../identity/principal.js';

const notFound = () => new ServiceError('NOT_FOUND', text('Auftrag nicht gefunden.', 'Job not found.'));

/** Progress of long work for the UI and CLI: the person who started a job, and the organisation's admins. */
export const jobRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  async function visibleJob(request: Parameters<typeof callerOf>[0], id: string) {
    const caller = callerOf(request);
    const job = await services.jobs.get(id);
    if (!job) throw notFound();
    const tree = await services.orgs.tree();
    const own = job.createdBy === caller.actor.label;
    if (!own && !can(caller.principal, tree, 'org.manage', job.orgId)) throw notFound();
    return job;
  }

  app.get('/api/jobs/:jobId', { schema: { tags: ['jobs'], params: z.object({ jobId: z.string().uuid() }) } }, async (request) => {
    const { checkpoint: _checkpoint, ...job } = await visibleJob(request, request.params.jobId);
    return job;
  });

  app.post('/api/jobs/:jobId/cancel', { schema: { tags: ['jobs'], params: z.object({ jobId: z.string().uuid() }) } }, async (request) => {
    await visibleJob(request, request.params.jobId);
    const { checkpoint: _checkpoint, ...job } = await services.jobs.cancel(request.params.jobId);
    return job;
  });
};
