import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { exportFormats } from './structuring/export.js';

const tags = ['knowledge'];
const orgParams = z.object({ orgId: z.string().uuid() });
const collectionParams = z.object({ collectionId: z.string().uuid() });
const documentParams = z.object({ documentId: z.string().uuid() });
const runParams = z.object({ runId: z.string().uuid() });
const modelId = z.string().min(1).max(200);
/** Files travel as base64 in JSON, as elsewhere in the API (images, attachments); 20 MB per request. */
const file = z.object({ filename: z.string().trim().min(1).max(255), contentBase64: z.string().min(1).max(27_000_000).regex(/^[A-Za-z0-9+/=\s]+$/, 'base64') });
const files = z.array(file).min(1).max(50);
const decode = (list: z.infer<typeof files>) => list.map((entry) => ({ filename: entry.filename, bytes: Buffer.from(entry.contentBase64, 'base64') }));

/** `attachment; filename=…` with a plain fallback and the UTF-8 name (RFC 6266). */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Knowledge base (WORK-3) and structuring of many inputs (WORK-2). */
export const knowledgeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { collections, search, structuring } = services.knowledge;

  app.get('/api/orgs/:orgId/knowledge/collections', { schema: { tags, summary: "The organisation's collections and my own ones there", params: orgParams } }, async (request) =>
    collections.list(callerOf(request), request.params.orgId),
  );

  app.post(
    '/api/orgs/:orgId/knowledge/collections',
    {
      schema: {
        tags,
        summary: "Create a collection: the organisation's (knowledge.manage) or my own (personal)",
        params: orgParams,
        body: z.object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).optional(), scope: z.enum(['organisation', 'personal']), embeddingModel: modelId.nullable().optional() }),
      },
    },
    async (request, reply) => reply.code(201).send(await collections.create(callerOf(request), request.params.orgId, request.body)),
  );

  app.get('/api/knowledge/collections/:collectionId', { schema: { tags, summary: 'A collection with its documents, their ingestion status and progress', params: collectionParams } }, async (request) =>
    collections.get(callerOf(request), request.params.collectionId),
  );

  app.patch(
    '/api/knowledge/collections/:collectionId',
    { schema: { tags, summary: 'Rename a collection or change its embedding model', params: collectionParams, body: z.object({ name: z.string().trim().min(1).max(200).optional(), description: z.string().max(2000).optional(), embeddingModel: modelId.nullable().optional() }) } },
    async (request) => collections.update(callerOf(request), request.params.collectionId, request.body),
  );

  app.delete('/api/knowledge/collections/:collectionId', { schema: { tags, summary: 'Delete a collection with its documents and passages', params: collectionParams } }, async (request, reply) => {
    await collections.remove(callerOf(request), request.params.collectionId);
    return reply.code(204).send();
  });

  app.post(
    '/api/knowledge/collections/:collectionId/documents',
    { schema: { tags, summary: 'Upload documents (PDF, DOCX, ODT, Markdown, HTML, TXT); ingestion runs as a job (GET /api/jobs/:id)', params: collectionParams, body: z.object({ files }) } },
    async (request, reply) => reply.code(202).send(await collections.upload(callerOf(request), request.params.collectionId, decode(request.body.files))),
  );

  app.get('/api/knowledge/documents/:documentId', { schema: { tags, summary: 'A document with its passages (section, pages, text)', params: documentParams } }, async (request) =>
    collections.document(callerOf(request), request.params.documentId),
  );

  app.get('/api/knowledge/documents/:documentId/file', { schema: { tags, summary: 'The uploaded original', params: documentParams } }, async (request, reply) => {
    const original = await collections.file(callerOf(request), request.params.documentId);
    return reply.type('application/octet-stream').header('content-disposition', disposition(original.filename)).header('cache-control', 'private, no-store').send(original.content);
  });

  app.delete('/api/knowledge/documents/:documentId', { schema: { tags, summary: 'Delete a document and its passages', params: documentParams } }, async (request, reply) => {
    await collections.removeDocument(callerOf(request), request.params.documentId);
    return reply.code(204).send();
  });

  app.get('/api/knowledge/passages/:chunkId', { schema: { tags, summary: 'The passage a citation points to: document, page/section, text and its neighbours', params: z.object({ chunkId: z.string().uuid() }) } }, async (request) =>
    collections.passage(callerOf(request), request.params.chunkId),
  );

  app.post(
    '/api/orgs/:orgId/knowledge/search',
    {
      schema: {
        tags,
        summary: 'Hybrid search (German full text + embeddings, reciprocal rank fusion) in the collections I may read',
        params: orgParams,
        body: z.object({ query: z.string().trim().min(1).max(2000), collectionIds: z.array(z.string().uuid()).max(50).optional(), limit: z.number().int().min(1).max(50).optional() }),
      },
    },
    async (request) => {
      const result = await search.search(callerOf(request), request.params.orgId, request.body);
      return { passages: result.passages, notices: result.notices };
    },
  );

  app.post(
    '/api/orgs/:orgId/knowledge/answer',
    {
      schema: {
        tags,
        summary: 'An answer from the collections only, citing its passages [1], [2] …',
        params: orgParams,
        body: z.object({ question: z.string().trim().min(1).max(4000), collectionIds: z.array(z.string().uuid()).max(50).optional(), model: modelId.optional() }),
      },
    },
    async (request) => search.answer(callerOf(request), request.params.orgId, request.body, AbortSignal.timeout(300_000)),
  );

  app.get('/api/orgs/:orgId/knowledge/settings', { schema: { tags, summary: 'Embedding, answer and structuring models in force, and the choices', params: orgParams } }, async (request) =>
    services.knowledge.settings(callerOf(request), request.params.orgId),
  );

  app.put(
    '/api/orgs/:orgId/knowledge/settings',
    { schema: { tags, summary: "Set the organisation's models (null: inherit)", params: orgParams, body: z.object({ embeddingModel: modelId.nullable().optional(), answerModel: modelId.nullable().optional(), structuringModel: modelId.nullable().optional() }) } },
    async (request) => services.knowledge.updateSettings(callerOf(request), request.params.orgId, request.body),
  );

  app.get('/api/orgs/:orgId/structuring/runs', { schema: { tags, summary: 'My analyses in this organisation', params: orgParams } }, async (request) =>
    structuring.list(callerOf(request), request.params.orgId),
  );

  app.post(
    '/api/orgs/:orgId/structuring/runs',
    {
      schema: {
        tags,
        summary: 'Structure many inputs (CSV, XLSX, JSON or documents) into topic clusters; runs as a job',
        params: orgParams,
        body: z.object({
          name: z.string().trim().min(1).max(200),
          files,
          idColumn: z.string().max(200).optional(),
          textColumn: z.string().max(200).optional(),
          clusters: z.number().int().min(2).max(50).optional(),
          method: z.enum(['auto', 'embeddings', 'terms']).optional(),
          summaryModel: modelId.nullable().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { files: uploaded, ...input } = request.body;
      return reply.code(202).send(await structuring.create(callerOf(request), request.params.orgId, { ...input, files: decode(uploaded) }));
    },
  );

  app.get('/api/structuring/runs/:runId', { schema: { tags, summary: 'An analysis: progress, clusters with counts, summaries and quotes', params: runParams } }, async (request) =>
    structuring.get(callerOf(request), request.params.runId),
  );

  app.get(
    '/api/structuring/runs/:runId/clusters/:cluster',
    { schema: { tags, summary: 'All inputs of one cluster with their ids', params: runParams.extend({ cluster: z.coerce.number().int().min(1).max(1000) }) } },
    async (request) => structuring.clusterItems(callerOf(request), request.params.runId, request.params.cluster - 1),
  );

  app.get(
    '/api/structuring/runs/:runId/export',
    { schema: { tags, summary: 'Export as CSV, Markdown, ODT or DOCX', params: runParams, querystring: z.object({ format: z.enum(exportFormats) }) } },
    async (request, reply) => {
      const rendered = await structuring.export(callerOf(request), request.params.runId, request.query.format);
      return reply.type(rendered.contentType).header('content-disposition', disposition(rendered.filename)).header('cache-control', 'private, no-store').send(rendered.body);
    },
  );

  app.delete('/api/structuring/runs/:runId', { schema: { tags, summary: 'Delete an analysis with its inputs', params: runParams } }, async (request, reply) => {
    await structuring.remove(callerOf(request), request.params.runId);
    return reply.code(204).send();
  });
};
