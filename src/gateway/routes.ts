import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ServiceError } from '../core/errors.js';
import type { Services } from '../server/compose.js';
import { callerOf, disconnectSignal } from '../server/http-context.js';
import { problemBody, toServiceError } from '../server/problem.js';
import { identityMessages } from '../identity/messages.js';
import { can } from '../identity/principal.js';
import type { Caller } from '../identity/org-service.js';
import { gatewayMessages } from './messages.js';
import { chatRequestSchema, embeddingRequestSchema } from './openai-types.js';

/**
 * The organisation a gateway call is made for: an API key's own; for a session, the X-Leitplanke-Org
 * header (id or slug) or the first organisation the user holds a role in.
 */
export async function orgFor(request: FastifyRequest, services: Services, caller: Caller): Promise<string> {
  const principal = caller.principal;
  const tree = await services.orgs.tree();
  const header = request.headers['x-leitplanke-org'];
  if (typeof header === 'string' && header) {
    const org = tree.byId.get(header) ?? tree.bySlug.get(header);
    if (!org || !can(principal, tree, 'model.use', org.id)) throw new ServiceError('FORBIDDEN', identityMessages.forbidden, { reason: 'org_not_allowed' });
    return org.id;
  }
  if (principal.kind === 'api_key') return principal.orgId;
  const first = principal.grants[0];
  if (!first) throw new ServiceError('VALIDATION', gatewayMessages.noOrg, { reason: 'no_org' });
  return first.orgId;
}


/** The data class of a request (X-Leitplanke-Data-Class); unknown values count as the strictest. */
function dataClassOf(request: FastifyRequest): string {
  const header = request.headers['x-leitplanke-data-class'];
  if (typeof header !== 'string' || !header) return 'internal';
  return ['public', 'internal', 'confidential', 'personal'].includes(header) ? header : 'confidential';
}

/**
 * Writes stream events; those produced together (one upstream read often holds several) leave in one
 * socket write: the response is corked for the rest of the event-loop turn, not once per event. Returns a
 * promise only when the socket's buffer is full — awaiting every write would cost each event a microtask turn.
 */
function eventWriter(reply: FastifyReply): (data: string) => Promise<void> | undefined {
  const raw = reply.raw;
  let corked = false;
  return (data) => {
    if (!corked) {
      corked = true;
      raw.cork();
      setImmediate(() => {
        corked = false;
        raw.uncork();
      });
    }
    return raw.write(data) ? undefined : new Promise<void>((resolve) => raw.once('drain', resolve));
  };
}

export const gatewayRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { gateway } = services;

  app.get('/v1/models', { schema: { tags: ['gateway'], summary: 'Models this key or user may use (OpenAI-compatible)' } }, async (request) => {
    const caller = callerOf(request);
    return { object: 'list', data: await gateway.listModels(caller, await orgFor(request, services, caller)) };
  });

  app.post(
    '/v1/chat/completions',
    { schema: { tags: ['gateway'], summary: 'Chat completion, streaming (SSE) or not (OpenAI-compatible)', body: chatRequestSchema } },
    async (request, reply) => {
      const caller = callerOf(request);
      const orgId = await orgFor(request, services, caller);
      const signal = disconnectSignal(reply);
      const call = { caller, orgId, purpose: 'api' as const, signal, dataClass: dataClassOf(request) };
      if (!request.body.stream) {
        const completion = await gateway.chat(call, request.body);
        reply.header('x-leitplanke-provenance', completion.leitplanke.provenance_id);
        return completion;
      }
      // Errors before the first chunk become normal problem responses; after it, an SSE error event.
      const stream = await gateway.chatStream(call, request.body);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      const write = eventWriter(reply);
      try {
        for await (const chunk of stream) {
          if (signal.aborted) break;
          const full = write(`data: ${JSON.stringify(chunk)}\n\n`);
          if (full) await full;
        }
        // end() below sends what is still buffered; no need to wait for the socket to drain first.
        if (!signal.aborted) void write('data: [DONE]\n\n');
      } catch (error) {
        const problem = toServiceError(error);
        if (problem.code === 'INTERNAL') request.log.error({ err: error }, 'stream failed');
        if (!signal.aborted) void write(`data: ${JSON.stringify(problemBody(problem, request, request.locale))}\n\n`);
      } finally {
        reply.raw.end();
      }
    },
  );

  app.post(
    '/v1/embeddings',
    { schema: { tags: ['gateway'], summary: 'Embeddings (OpenAI-compatible)', body: embeddingRequestSchema } },
    async (request, reply) => {
      const caller = callerOf(request);
      const orgId = await orgFor(request, services, caller);
      const result = await gateway.embed({ caller, orgId, purpose: 'api', signal: disconnectSignal(reply), dataClass: dataClassOf(request) }, request.body);
      reply.header('x-leitplanke-provenance', result.leitplanke.provenance_id);
      return result;
    },
  );
};
