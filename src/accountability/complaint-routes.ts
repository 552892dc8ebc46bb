import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { sendAttachment } from './download.js';
import { complaintAssignInput, complaintListQuery, complaintNoteInput, complaintStatusChangeInput } from './inputs.js';

const orgParams = z.object({ orgId: z.string().uuid() });
const complaintParams = orgParams.extend({ complaintId: z.string().uuid() });
const tags = ['accountability: complaints'];

/** OPEN-4, the complaint office: queue with deadline clocks, status changes with messages, assignment, notes. */
export const complaintRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { complaints } = services.accountability;

  app.get('/api/orgs/:orgId/complaints', { schema: { tags, summary: 'The queue, most urgent first, with deadline clocks', params: orgParams, querystring: complaintListQuery } }, async (request) =>
    complaints.list(callerOf(request), request.params.orgId, request.query),
  );

  app.get('/api/orgs/:orgId/complaints/:complaintId', { schema: { tags, summary: 'A complaint with its history (public messages and internal notes)', params: complaintParams } }, async (request) =>
    complaints.get(callerOf(request), request.params.orgId, request.params.complaintId),
  );

  app.post(
    '/api/orgs/:orgId/complaints/:complaintId/status',
    { schema: { tags, summary: 'Change the status; the message is shown to the complainant', params: complaintParams, body: complaintStatusChangeInput } },
    async (request) => complaints.changeStatus(callerOf(request), request.params.orgId, request.params.complaintId, request.body),
  );

  app.post('/api/orgs/:orgId/complaints/:complaintId/assign', { schema: { tags, summary: 'Assign a handler (or nobody)', params: complaintParams, body: complaintAssignInput } }, async (request) =>
    complaints.assign(callerOf(request), request.params.orgId, request.params.complaintId, request.body),
  );

  app.post('/api/orgs/:orgId/complaints/:complaintId/notes', { schema: { tags, summary: 'Add an internal note', params: complaintParams, body: complaintNoteInput } }, async (request) =>
    complaints.addNote(callerOf(request), request.params.orgId, request.params.complaintId, request.body),
  );

  app.get(
    '/api/orgs/:orgId/complaints/:complaintId/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment', params: complaintParams.extend({ attachmentId: z.string().uuid() }) } },
    async (request, reply) => sendAttachment(reply, await complaints.attachment(callerOf(request), request.params.orgId, request.params.complaintId, request.params.attachmentId)),
  );
};
