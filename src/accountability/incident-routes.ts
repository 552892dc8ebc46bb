import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { sendAttachment } from './download.js';
import { incidentActionDoneInput, incidentActionInput, incidentPublicationInput, incidentReportInput, incidentResolveInput, incidentTriageInput } from './inputs.js';

const orgParams = z.object({ orgId: z.string().uuid() });
const incidentParams = orgParams.extend({ incidentId: z.string().uuid() });
const tags = ['accountability: incidents'];

/** OPEN-3: report, triage, actions, resolution, publication and attachments of incidents. */
export const incidentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { incidents } = services.accountability;

  app.get('/api/orgs/:orgId/incidents', { schema: { tags, summary: 'Incidents: all for readers, one’s own reports for members', params: orgParams } }, async (request) =>
    incidents.list(callerOf(request), request.params.orgId),
  );

  app.post('/api/orgs/:orgId/incidents', { schema: { tags, summary: 'Report an incident (attachments base64-encoded)', params: orgParams, body: incidentReportInput } }, async (request, reply) => {
    reply.code(201);
    return incidents.report(callerOf(request), request.params.orgId, request.body);
  });

  app.get('/api/orgs/:orgId/incidents/:incidentId', { schema: { tags, summary: 'Incident with actions, attachments and timeline', params: incidentParams } }, async (request) =>
    incidents.get(callerOf(request), request.params.orgId, request.params.incidentId),
  );

  app.post('/api/orgs/:orgId/incidents/:incidentId/triage', { schema: { tags, summary: 'Set the severity; a serious incident puts its model under review', params: incidentParams, body: incidentTriageInput } }, async (request) =>
    incidents.triage(callerOf(request), request.params.orgId, request.params.incidentId, request.body),
  );

  app.post('/api/orgs/:orgId/incidents/:incidentId/actions', { schema: { tags, summary: 'Add a correction action with owner and due date', params: incidentParams, body: incidentActionInput } }, async (request, reply) => {
    reply.code(201);
    return incidents.addAction(callerOf(request), request.params.orgId, request.params.incidentId, request.body);
  });

  app.post(
    '/api/orgs/:orgId/incidents/:incidentId/actions/:actionId/done',
    { schema: { tags, summary: 'Mark an action done', params: incidentParams.extend({ actionId: z.string().uuid() }), body: incidentActionDoneInput } },
    async (request) => incidents.completeAction(callerOf(request), request.params.orgId, request.params.incidentId, request.params.actionId, request.body),
  );

  app.post('/api/orgs/:orgId/incidents/:incidentId/resolve', { schema: { tags, summary: 'Record the correction and lessons learned', params: incidentParams, body: incidentResolveInput } }, async (request) =>
    incidents.resolve(callerOf(request), request.params.orgId, request.params.incidentId, request.body),
  );

  app.put('/api/orgs/:orgId/incidents/:incidentId/publication', { schema: { tags, summary: 'Publish or withdraw the public summary', params: incidentParams, body: incidentPublicationInput } }, async (request) =>
    incidents.setPublication(callerOf(request), request.params.orgId, request.params.incidentId, request.body),
  );

  app.get(
    '/api/orgs/:orgId/incidents/:incidentId/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment', params: incidentParams.extend({ attachmentId: z.string().uuid() }) } },
    async (request, reply) => sendAttachment(reply, await incidents.attachment(callerOf(request), request.params.orgId, request.params.incidentId, request.params.attachmentId)),
  );
};
