import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf, disconnectSignal } from '../server/http-context.js';
import { sendEventStream } from './event-stream.js';

const tags = ['workspace'];
const orgId = z.string().uuid();
const modelId = z.string().min(1).max(200);
const content = z.string().trim().min(1).max(100_000);
/** The conversation's data class, passed to the gateway like X-Leitplanke-Data-Class (guard and exceptions use it). */
const dataClass = z.enum(['public', 'internal', 'confidential', 'personal']).optional();
const attachment = z.object({
  kind: z.literal('image'),
  mediaType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
  dataUrl: z
    .string()
    .max(7_000_000)
    .regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/),
  name: z.string().min(1).max(200),
});
const conversationParams = z.object({ conversationId: z.string().uuid() });
const assistantBody = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().max(500).optional(),
  systemPrompt: z.string().trim().min(1).max(20_000),
  modelId: modelId.nullable().optional(),
  knowledgeCollectionIds: z.array(z.string().min(1).max(200)).max(20).optional(),
  exampleInputs: z.array(z.string().trim().min(1).max(2_000)).max(10).optional(),
  needsVision: z.boolean().optional(),
});
/** One guideline sentence: German required, English optional (German is shown where it is missing). */
const guidelineItem = z.object({ de: z.string().trim().min(1).max(1_000), en: z.string().trim().max(1_000).nullable().optional() });
const guidelineList = z.array(guidelineItem).max(30);
const guidelinesBody = z.object({
  dos: guidelineList,
  donts: guidelineList,
  privacy: guidelineList,
  documentUrl: z
    .string()
    .trim()
    .max(2_000)
    .regex(/^https?:\/\/\S+$/)
    .nullable()
    .optional(),
});

/** The AI workspace: personal conversations, organisation assistants, the playground and data rights. */
export const workspaceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { workspace } = services;

  app.get('/api/workspace/models', { schema: { tags, summary: 'Chat models the caller may use here, with status and energy class', querystring: z.object({ orgId }) } }, async (request) =>
    workspace.models.list(callerOf(request), request.query.orgId),
  );

  app.get(
    '/api/workspace/conversations',
    { schema: { tags, summary: 'My conversations; q searches titles and messages (German full-text search)', querystring: z.object({ q: z.string().max(200).optional(), orgId: orgId.optional() }) } },
    async (request) => workspace.conversations.list(callerOf(request), request.query),
  );

  app.post(
    '/api/workspace/conversations',
    { schema: { tags, summary: 'Start a conversation', body: z.object({ orgId, title: z.string().trim().max(200).optional(), assistantId: z.string().uuid().optional(), modelId: modelId.optional() }) } },
    async (request, reply) => reply.code(201).send(await workspace.conversations.create(callerOf(request), request.body)),
  );

  app.get('/api/workspace/conversations/:conversationId', { schema: { tags, summary: 'A conversation of mine with its messages and energy/CO2 total', params: conversationParams } }, async (request) =>
    workspace.conversations.get(callerOf(request), request.params.conversationId),
  );

  app.patch(
    '/api/workspace/conversations/:conversationId',
    { schema: { tags, summary: 'Rename a conversation or change its model', params: conversationParams, body: z.object({ title: z.string().trim().min(1).max(200).optional(), modelId: modelId.nullable().optional() }) } },
    async (request) => workspace.conversations.update(callerOf(request), request.params.conversationId, request.body),
  );

  app.delete('/api/workspace/conversations/:conversationId', { schema: { tags, summary: 'Delete a conversation and everything kept of it', params: conversationParams } }, async (request, reply) => {
    await workspace.conversations.remove(callerOf(request), request.params.conversationId);
    return reply.code(204).send();
  });

  app.post(
    '/api/workspace/conversations/:conversationId/messages',
    { schema: { tags, summary: 'Send a message; the answer streams as server-sent events', params: conversationParams, body: z.object({ content, modelId: modelId.optional(), attachments: z.array(attachment).max(4).optional(), dataClass }) } },
    async (request, reply) => {
      const signal = disconnectSignal(reply);
      const events = await workspace.chat.reply(callerOf(request), request.params.conversationId, { mode: 'send', ...request.body }, signal);
      await sendEventStream(request, reply, signal, events);
    },
  );

  app.put(
    '/api/workspace/conversations/:conversationId/messages/:messageId',
    {
      schema: {
        tags,
        summary: 'Edit one of my messages and resend it; later messages are replaced by the new answer (SSE)',
        params: conversationParams.extend({ messageId: z.string().uuid() }),
        body: z.object({ content, modelId: modelId.optional(), dataClass }),
      },
    },
    async (request, reply) => {
      const signal = disconnectSignal(reply);
      const events = await workspace.chat.reply(callerOf(request), request.params.conversationId, { mode: 'edit', messageId: request.params.messageId, ...request.body }, signal);
      await sendEventStream(request, reply, signal, events);
    },
  );

  app.post(
    '/api/workspace/conversations/:conversationId/regenerate',
    { schema: { tags, summary: 'Answer the last question again, optionally with another model (SSE)', params: conversationParams, body: z.object({ modelId: modelId.optional(), dataClass }) } },
    async (request, reply) => {
      const signal = disconnectSignal(reply);
      const events = await workspace.chat.reply(callerOf(request), request.params.conversationId, { mode: 'regenerate', ...request.body }, signal);
      await sendEventStream(request, reply, signal, events);
    },
  );

  app.get('/api/workspace/assistants', { schema: { tags, summary: 'Assistants usable in an organisation (its own and those above it)', querystring: z.object({ orgId }) } }, async (request) =>
    workspace.assistants.list(callerOf(request), request.query.orgId),
  );

  app.post('/api/workspace/assistants', { schema: { tags, summary: 'Create an assistant for an organisation', body: assistantBody.extend({ orgId }) } }, async (request, reply) => {
    const { orgId: target, ...input } = request.body;
    return reply.code(201).send(await workspace.assistants.create(callerOf(request), target, input));
  });

  app.patch(
    '/api/workspace/assistants/:assistantId',
    { schema: { tags, summary: 'Change an assistant', params: z.object({ assistantId: z.string().uuid() }), body: assistantBody.partial() } },
    async (request) => workspace.assistants.update(callerOf(request), request.params.assistantId, request.body),
  );

  app.delete('/api/workspace/assistants/:assistantId', { schema: { tags, summary: 'Delete an assistant (shipped ones are hidden)', params: z.object({ assistantId: z.string().uuid() }) } }, async (request, reply) => {
    await workspace.assistants.remove(callerOf(request), request.params.assistantId);
    return reply.code(204).send();
  });

  app.post(
    '/api/workspace/playground',
    {
      schema: {
        tags,
        summary: 'One prompt against two or three models side by side (SSE, per model: text, latency, tokens, energy)',
        body: z.object({ orgId, prompt: z.string().trim().min(1).max(20_000), system: z.string().max(20_000).optional(), modelIds: z.array(modelId).min(2).max(3) }),
      },
    },
    async (request, reply) => {
      const signal = disconnectSignal(reply);
      const events = await workspace.playground.compare(callerOf(request), request.body, signal);
      await sendEventStream(request, reply, signal, events);
    },
  );

  app.get('/api/workspace/my-data', { schema: { tags, summary: 'Export all my workspace data (JSON)' } }, async (request, reply) => {
    const data = await workspace.dataRights.exportMine(callerOf(request));
    reply.header('content-disposition', `attachment; filename="leitplanke-meine-daten-${data.exportedAt.slice(0, 10)}.json"`);
    return data;
  });

  app.delete('/api/workspace/my-data', { schema: { tags, summary: 'Delete all my conversations and the prompt texts kept of my calls' } }, async (request) =>
    workspace.dataRights.eraseMine(callerOf(request)),
  );

  app.get('/api/workspace/retention/:orgId', { schema: { tags, summary: 'How long conversations are kept in an organisation', params: z.object({ orgId }) } }, async (request) =>
    workspace.dataRights.retention(callerOf(request), request.params.orgId),
  );

  app.get(
    '/api/workspace/guidelines/:orgId',
    { schema: { tags, summary: "The organisation's AI guidelines (own, inherited from a parent, or Leitplanke's defaults)", params: z.object({ orgId }) } },
    async (request) => workspace.guidelines.get(callerOf(request), request.params.orgId),
  );

  app.put(
    '/api/workspace/guidelines/:orgId',
    { schema: { tags, summary: "Set the organisation's own AI guidelines: do's, don'ts, data-protection hints, link", params: z.object({ orgId }), body: guidelinesBody } },
    async (request) => workspace.guidelines.set(callerOf(request), request.params.orgId, { ...request.body, dos: items(request.body.dos), donts: items(request.body.donts), privacy: items(request.body.privacy) }),
  );

  app.delete(
    '/api/workspace/guidelines/:orgId',
    { schema: { tags, summary: "Remove the organisation's own guidelines (the parent's or the defaults apply again)", params: z.object({ orgId }) } },
    async (request) => workspace.guidelines.reset(callerOf(request), request.params.orgId),
  );

  app.put(
    '/api/workspace/retention/:orgId',
    { schema: { tags, summary: 'Set the retention period (days; null: inherit)', params: z.object({ orgId }), body: z.object({ days: z.number().int().min(1).max(3650).nullable() }) } },
    async (request) => workspace.dataRights.setRetention(callerOf(request), request.params.orgId, request.body.days),
  );
};

const items = (list: z.infer<typeof guidelineList>) => list.map((item) => ({ de: item.de, en: item.en ?? null }));
