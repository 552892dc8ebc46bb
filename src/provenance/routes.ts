import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../server/compose.js';
import { callerOf } from '../server/http-context.js';
import { aiImageLevels, visibleLabelRules } from './image-policy.js';
import { channels } from './label-texts.js';
import { mediaKinds, usageChannels } from './media-library.js';
import { corners, origins } from './origins.js';

const orgParams = z.object({ orgId: z.string().uuid() });
const imageParams = orgParams.extend({ imageId: z.string().uuid() });
const mediaParams = orgParams.extend({ mediaId: z.string().uuid() });
const disclosureParams = orgParams.extend({ disclosureId: z.string().uuid() });
const base64 = z.string().min(1).max(17_000_000).regex(/^[A-Za-z0-9+/=\s]+$/, 'base64');
const template = z.string().max(600);

const labelBody = z.object({
  filename: z.string().min(1).max(200),
  contentBase64: base64,
  origin: z.enum(origins),
  photorealistic: z.boolean().optional(),
  generator: z.string().max(200).optional(),
  prompts: z.array(z.string().max(4000)).max(20).optional(),
  description: z.string().max(2000).optional(),
  creator: z.string().max(200).optional(),
  visibleLabel: z.object({ corner: z.enum(corners), language: z.enum(['de', 'en']).optional() }).nullable().optional(),
});

const mediaBody = z.object({
  title: z.string().min(1).max(300),
  kind: z.enum(mediaKinds),
  creator: z.string().min(1).max(200),
  licence: z.string().min(1).max(200),
  licenceUrl: z.string().url().max(500).optional(),
  sourceUrl: z.string().url().max(500).optional(),
  feeCents: z.number().int().min(0).max(100_000_000).optional(),
  currency: z.string().length(3).toUpperCase().optional(),
  imageId: z.string().uuid().optional(),
  notes: z.string().max(2000).optional(),
  listedPublicly: z.boolean().optional(),
});

/** Labels and provenance (LABEL-1..5, OPEN-1); the public routes are in public-routes.ts. */
export const provenanceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { provenance, images, verification, media, disclosures } = services.provenance;
  const tags = ['provenance'];

  app.get('/api/provenance/records/:provenanceId', { schema: { tags, summary: 'Provenance record of a generated output, with its labels per channel', params: z.object({ provenanceId: z.string().uuid() }) } }, async (request) =>
    provenance.record(callerOf(request), request.params.provenanceId),
  );

  app.get('/api/orgs/:orgId/provenance/settings', { schema: { tags, summary: 'Label texts per channel and the image policy in force', params: orgParams } }, async (request) =>
    provenance.settings(callerOf(request), request.params.orgId),
  );

  app.put(
    '/api/orgs/:orgId/provenance/labels',
    { schema: { tags, summary: 'Set label texts per channel (empty text: back to the inherited one)', params: orgParams, body: z.partialRecord(z.enum(channels), z.object({ de: template.optional(), en: template.optional() })) } },
    async (request) => provenance.setLabels(callerOf(request), request.params.orgId, request.body),
  );

  app.put(
    '/api/orgs/:orgId/provenance/image-policy',
    { schema: { tags, summary: 'Set the image policy (LABEL-4)', params: orgParams, body: z.object({ ai: z.enum(aiImageLevels).optional(), visibleLabel: z.enum(visibleLabelRules).optional() }) } },
    async (request) => provenance.setImagePolicy(callerOf(request), request.params.orgId, request.body),
  );

  app.post('/api/orgs/:orgId/images', { schema: { tags, summary: 'Upload an image, declare its origin and label it', params: orgParams, body: labelBody } }, async (request, reply) =>
    reply.code(201).send(await images.label(callerOf(request), request.params.orgId, request.body)),
  );

  app.get('/api/orgs/:orgId/images', { schema: { tags, summary: 'Labelled images', params: orgParams } }, async (request) => images.list(callerOf(request), request.params.orgId));

  app.get('/api/orgs/:orgId/images/:imageId', { schema: { tags, params: imageParams } }, async (request) => images.get(callerOf(request), request.params.orgId, request.params.imageId));

  app.get(
    '/api/orgs/:orgId/images/:imageId/file',
    { schema: { tags, summary: 'The labelled copy or the kept original', params: imageParams, querystring: z.object({ variant: z.enum(['labelled', 'original']).default('labelled') }) } },
    async (request, reply) => {
      const file = await images.file(callerOf(request), request.params.orgId, request.params.imageId, request.query.variant);
      return reply
        .type(file.mimeType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  app.post(
    '/api/orgs/:orgId/images/verify',
    {
      schema: {
        tags,
        summary: 'What images say about their AI origin (IPTC, C2PA), flagged where a campaign asset lacks a label',
        params: orgParams,
        body: z.object({ campaign: z.boolean().default(true), files: z.array(z.object({ filename: z.string().min(1).max(200), contentBase64: base64 })).min(1).max(20) }),
      },
    },
    async (request) => verification.verify(callerOf(request), request.params.orgId, request.body.files, { campaign: request.body.campaign }),
  );

  app.get('/api/orgs/:orgId/media', { schema: { tags, summary: 'Media library of human-made works (LABEL-5)', params: orgParams } }, async (request) => media.list(callerOf(request), request.params.orgId));

  app.post('/api/orgs/:orgId/media', { schema: { tags, params: orgParams, body: mediaBody } }, async (request, reply) =>
    reply.code(201).send(await media.create(callerOf(request), request.params.orgId, request.body)),
  );

  app.post(
    '/api/orgs/:orgId/media/:mediaId/usages',
    {
      schema: {
        tags,
        summary: 'Record where a work was used',
        params: mediaParams,
        body: z.object({ usedIn: z.string().min(1).max(300), channel: z.enum(usageChannels), usedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), url: z.string().url().max(500).optional() }),
      },
    },
    async (request, reply) => reply.code(201).send(await media.addUsage(callerOf(request), request.params.orgId, request.params.mediaId, request.body)),
  );

  app.delete('/api/orgs/:orgId/media/:mediaId', { schema: { tags, params: mediaParams } }, async (request, reply) => {
    await media.remove(callerOf(request), request.params.orgId, request.params.mediaId);
    return reply.code(204).send();
  });

  app.get('/api/orgs/:orgId/disclosures', { schema: { tags, summary: 'Published campaign items (OPEN-1), withdrawn ones included', params: orgParams } }, async (request) =>
    disclosures.list(callerOf(request), request.params.orgId),
  );

  app.post(
    '/api/orgs/:orgId/disclosures',
    {
      schema: {
        tags,
        summary: 'Publish a labelled item to the public list "Wo wir KI einsetzen"',
        params: orgParams,
        body: z.object({ imageId: z.string().uuid().optional(), provenanceId: z.string().uuid().optional(), title: z.string().min(1).max(300), purpose: z.string().min(1).max(2000), channel: z.enum(channels) }),
      },
    },
    async (request, reply) => reply.code(201).send(await disclosures.publish(callerOf(request), request.params.orgId, request.body)),
  );

  app.post(
    '/api/orgs/:orgId/disclosures/:disclosureId/withdraw',
    { schema: { tags, params: disclosureParams, body: z.object({ reason: z.string().min(1).max(1000) }) } },
    async (request) => disclosures.withdraw(callerOf(request), request.params.orgId, request.params.disclosureId, request.body.reason),
  );
};
