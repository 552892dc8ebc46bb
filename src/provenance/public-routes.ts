import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';

/** What anyone may read without logging in: published campaign items and the credits of human-made works. */
export const provenancePublicRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { disclosures, media } = services.provenance;
  const tags = ['provenance', 'public'];
  const orgParam = z.object({ org: z.string().min(1).max(100) });

  app.get('/api/public/provenance/:org/disclosures', { schema: { tags, summary: 'Where we use AI: published campaign items (OPEN-1)', params: orgParam } }, async (request) =>
    disclosures.publicList(request.params.org),
  );

  app.get('/api/public/provenance/:org/credits', { schema: { tags, summary: 'Credits of the human-made works the organisation uses (LABEL-5)', params: orgParam } }, async (request) => {
    const org = await disclosures.publicOrg(request.params.org);
    return { organisation: { slug: org.slug, name: org.name }, credits: await media.publicCredits(org.id) };
  });

  app.get('/api/public/provenance/images/:disclosureId', { schema: { tags, summary: 'The labelled image of a published item', params: z.object({ disclosureId: z.string().uuid() }) } }, async (request, reply) => {
    const image = await disclosures.publicImage(request.params.disclosureId);
    return reply.type(image.mimeType).header('cache-control', 'public, max-age=300').send(image.bytes);
  });
};
