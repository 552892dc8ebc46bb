import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../server/compose.js';
import { callerOf, disconnectSignal } from '../server/http-context.js';
import { imageRequestSchema } from './image-types.js';
import { orgFor } from './routes.js';

/** `POST /v1/images/generations` (OpenAI-compatible), through the gateway pipeline. */
export const imageGenerationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/v1/images/generations',
    { schema: { tags: ['gateway'], summary: 'Image generation (OpenAI-compatible); refused where the image policy forbids it; images come labelled', body: imageRequestSchema } },
    async (request, reply) => {
      const caller = callerOf(request);
      const orgId = await orgFor(request, services, caller);
      const result = await services.gateway.images({ caller, orgId, purpose: 'api', signal: disconnectSignal(reply) }, request.body);
      reply.header('x-leitplanke-provenance', result.leitplanke.provenance_id);
      return result;
    },
  );
};
