import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';

const orgParams = z.object({ orgId: z.string().uuid() });
const caseParams = z.object({ caseId: z.string().uuid() });
const actionParams = z.object({ actionId: z.string().uuid() });
const workflowId = z.string().regex(/^[a-z][a-z0-9-]{1,62}$/);
const model = z.string().min(1).max(200).optional();
const tags = ['workflows'];

/** Case workflows: definitions, cases, decisions, the "why" view, the assistant's actions and channels. */
export const workflowRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { workflows } = services;

  app.get(
    '/api/orgs/:orgId/workflows',
    {
      schema: {
        tags,
        summary: 'Workflows available to the organisation, with their register entry',
        params: orgParams,
      },
    },
    async (request) => workflows.listWorkflows(callerOf(request), request.params.orgId),
  );

  app.get(
    '/api/workflows/:workflowId',
    {
      schema: {
        tags,
        summary: 'A workflow definition (newest, or ?version=)',
        params: z.object({ workflowId }),
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request) => {
      callerOf(request);
      return workflows.getDefinition(request.params.workflowId, request.query.version);
    },
  );

  app.post(
    '/api/orgs/:orgId/workflows/:workflowId/register',
    {
      schema: {
        tags,
        summary: 'Enter the workflow’s use case in the transparency register',
        params: orgParams.extend({ workflowId }),
      },
    },
    async (request) =>
      workflows.linkToRegister(callerOf(request), request.params.orgId, request.params.workflowId),
  );

  app.get(
    '/api/orgs/:orgId/workflow-cases',
    {
      schema: {
        tags,
        summary: 'Cases of the organisation',
        params: orgParams,
        querystring: z.object({ status: z.string().max(40).optional(), workflowId: workflowId.optional() }),
      },
    },
    async (request) => workflows.cases.list(callerOf(request), request.params.orgId, request.query),
  );

  app.post(
    '/api/orgs/:orgId/workflow-cases',
    {
      schema: {
        tags,
        summary: 'Submit a case: rules run at once, then the draft is generated (unless draft is false)',
        params: orgParams,
        body: z.object({
          workflowId,
          input: z.record(z.string(), z.unknown()),
          model,
          draft: z.boolean().optional(),
          source: z.enum(['form', 'api']).optional(),
        }),
      },
    },
    async (request, reply) => {
      const { source, ...body } = request.body;
      reply.code(201);
      return workflows.cases.submit(callerOf(request), request.params.orgId, body, source ?? 'api');
    },
  );

  app.post(
    '/api/orgs/:orgId/workflow-cases/csv',
    {
      schema: {
        tags,
        summary: 'Submit many cases from CSV; drafts follow in a job',
        params: orgParams,
        body: z.object({ workflowId, csv: z.string().min(1).max(5_000_000), model }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return workflows.submitCsv(callerOf(request), request.params.orgId, request.body);
    },
  );

  app.get(
    '/api/workflow-cases/:caseId',
    {
      schema: {
        tags,
        summary: 'A case with its rule results, draft, history and actions',
        params: caseParams,
      },
    },
    async (request) => workflows.cases.get(callerOf(request), request.params.caseId),
  );

  app.get(
    '/api/workflow-cases/:caseId/explanation',
    {
      schema: {
        tags,
        summary: 'Why was this decided: inputs, versions, model call, reproduction',
        params: caseParams,
      },
    },
    async (request) => workflows.explain(callerOf(request), request.params.caseId),
  );

  app.post(
    '/api/workflow-cases/:caseId/draft',
    {
      schema: {
        tags,
        summary: 'Generate the draft again',
        params: caseParams,
        body: z.object({ model }).optional(),
      },
    },
    async (request) =>
      workflows.cases.regenerateDraft(callerOf(request), request.params.caseId, request.body?.model),
  );

  app.put(
    '/api/workflow-cases/:caseId/text',
    {
      schema: {
        tags,
        summary: 'Save the edited text (still a draft)',
        params: caseParams,
        body: z.object({ text: z.string().max(100_000) }),
      },
    },
    async (request) => workflows.cases.saveText(callerOf(request), request.params.caseId, request.body.text),
  );

  app.post(
    '/api/workflow-cases/:caseId/approve',
    {
      schema: {
        tags,
        summary: 'Approve the text and decide (a person with the approval role)',
        params: caseParams,
        body: z.object({
          text: z.string().max(100_000),
          outcome: z.string().min(1).max(60),
          note: z.string().max(4000).optional(),
        }),
      },
    },
    async (request) => workflows.cases.approve(callerOf(request), request.params.caseId, request.body),
  );

  app.post(
    '/api/workflow-cases/:caseId/reject',
    {
      schema: {
        tags,
        summary: 'Reject the draft and close the case; nothing is sent',
        params: caseParams,
        body: z.object({ note: z.string().max(4000) }),
      },
    },
    async (request) => workflows.cases.reject(callerOf(request), request.params.caseId, request.body),
  );

  app.post(
    '/api/workflow-cases/:caseId/send',
    { schema: { tags, summary: 'Send the approved text to the address in the form', params: caseParams } },
    async (request) => workflows.cases.send(callerOf(request), request.params.caseId),
  );

  app.post(
    '/api/workflow-cases/:caseId/assistant',
    {
      schema: {
        tags,
        summary: 'Ask the assistant for follow-up steps; external actions wait for confirmation',
        params: caseParams,
        body: z.object({ instruction: z.string().trim().min(1).max(4000), model }),
      },
    },
    async (request) => workflows.agent.run(callerOf(request), request.params.caseId, request.body),
  );

  app.post(
    '/api/workflow-actions/:actionId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a proposed action: it runs now, exactly as shown',
        params: actionParams,
      },
    },
    async (request) => workflows.agent.confirm(callerOf(request), request.params.actionId),
  );

  app.post(
    '/api/workflow-actions/:actionId/reject',
    { schema: { tags, summary: 'Reject a proposed action', params: actionParams } },
    async (request) => workflows.agent.reject(callerOf(request), request.params.actionId),
  );

  app.get(
    '/api/workflow-actions/:actionId/calendar.ics',
    { schema: { tags, summary: 'The ICS file of a calendar action', params: actionParams } },
    async (request, reply) => {
      const file = await workflows.agent.calendarFile(callerOf(request), request.params.actionId);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.ics);
    },
  );

  app.get(
    '/api/orgs/:orgId/workflow-channels',
    {
      schema: { tags, summary: 'Channels the assistant may post to (without their URLs)', params: orgParams },
    },
    async (request) => workflows.channels.list(callerOf(request), request.params.orgId),
  );

  app.put(
    '/api/orgs/:orgId/workflow-channels/:name',
    {
      schema: {
        tags,
        summary: 'Create or change a channel (webhook URL, stored encrypted)',
        params: orgParams.extend({ name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/) }),
        body: z.object({
          label: z.string().trim().min(1).max(100),
          webhookUrl: z.url({ protocol: /^https?$/ }).max(2000),
        }),
      },
    },
    async (request) =>
      workflows.channels.set(callerOf(request), request.params.orgId, request.params.name, request.body),
  );

  app.delete(
    '/api/orgs/:orgId/workflow-channels/:name',
    { schema: { tags, summary: 'Remove a channel', params: orgParams.extend({ name: z.string().max(60) }) } },
    async (request, reply) => {
      await workflows.channels.remove(callerOf(request), request.params.orgId, request.params.name);
      return reply.code(204).send();
    },
  );
};
