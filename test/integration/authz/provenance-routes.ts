import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { systemCaller } from '../../../src/identity/principal.js';
import type { Role } from '../../../src/identity/roles.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

const system = systemCaller('authz-provenance');
const everyone: Role[] = ['member', 'staff', 'reviewer', 'dpo', 'admin'];
const label = (spec: PrincipalSpec) => holdsAtA(spec, everyone);
const settings = (spec: PrincipalSpec) => holdsAtA(spec, ['admin', 'dpo']);
const editors = (spec: PrincipalSpec) => holdsAtA(spec, ['staff', 'admin']);

let png: string | undefined;
const smallPng = async () => (png ??= (await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7bd5' } }).png().toBuffer()).toString('base64'));

/** A human photo of A, labelled through the service. */
async function imageOfA(f: Fixture) {
  const image = await f.t.services.provenance.images.label(system, f.A.id, { filename: 'a.png', contentBase64: await smallPng(), origin: 'human_photo', creator: 'Authz' });
  return { image: image.id };
}

/** An AI image of A published to the public list (A's policy allows any approved or named generator). */
async function disclosureOfA(f: Fixture) {
  const { provenance, images, disclosures } = f.t.services.provenance;
  await provenance.setImagePolicy(system, f.A.id, { ai: 'any' });
  const image = await images.label(system, f.A.id, { filename: 'ki.png', contentBase64: await smallPng(), origin: 'ai_generated', generator: 'Authz-Generator' });
  const disclosure = await disclosures.publish(system, f.A.id, { imageId: image.id, title: 'Authz', purpose: 'Prüfung', channel: 'web' });
  return { image: image.id, disclosure: disclosure.id };
}

async function mediaOfA(f: Fixture) {
  const work = await f.t.services.provenance.media.create(system, f.A.id, { title: 'Authz-Foto', kind: 'photo', creator: 'Authz', licence: 'CC BY 4.0' });
  return { media: work.id };
}

/** A metered call of A with a provenance id, as the gateway writes it. */
async function recordOfA(f: Fixture) {
  const provenanceId = randomUUID();
  const { recorder, clock } = f.t.services;
  recorder.record({
    usage: {
      id: randomUUID(),
      occurredAt: clock.now(),
      orgId: f.A.id,
      purpose: 'api',
      kind: 'chat',
      modelId: 'authz-model',
      modelRevision: '1',
      providerId: 'authz',
      providerZone: 'own',
      tokensIn: 1,
      tokensOut: 1,
      usageEstimated: false,
      durationMs: 1,
      energyWh: 0,
      co2eGrams: 0,
      waterMl: 0,
      outcome: 'ok',
      energyMethod: 'test',
      requestId: 'authz',
      provenanceId,
      settings: {},
      promptHash: '0'.repeat(64),
    },
  });
  await recorder.flush();
  return { provenanceId };
}

const org = (f: Fixture) => `/api/orgs/${f.A.id}`;

export const provenanceRouteCases: RouteCase[] = [
  { route: 'GET /api/provenance/records/{provenanceId}', access: label, deniedStatus: 404, prepare: recordOfA, request: (_f, p) => ({ url: `/api/provenance/records/${p.provenanceId}` }) },
  { route: 'GET /api/orgs/{orgId}/provenance/settings', access: label, request: (f) => ({ url: `${org(f)}/provenance/settings` }) },
  { route: 'PUT /api/orgs/{orgId}/provenance/labels', access: settings, request: (f) => ({ url: `${org(f)}/provenance/labels`, payload: { web: { de: 'Mit KI erstellt ({model}).' } } }) },
  { route: 'PUT /api/orgs/{orgId}/provenance/image-policy', access: settings, request: (f) => ({ url: `${org(f)}/provenance/image-policy`, payload: { ai: 'any' } }) },
  {
    route: 'POST /api/orgs/{orgId}/images',
    access: label,
    prepare: async () => ({ png: await smallPng() }),
    request: (f, p) => ({ url: `${org(f)}/images`, payload: { filename: 'b.png', contentBase64: p.png, origin: 'human_illustration', creator: 'Authz' } }),
  },
  { route: 'GET /api/orgs/{orgId}/images', access: label, request: (f) => ({ url: `${org(f)}/images` }) },
  { route: 'GET /api/orgs/{orgId}/images/{imageId}', access: label, prepare: imageOfA, request: (f, p) => ({ url: `${org(f)}/images/${p.image}` }) },
  { route: 'GET /api/orgs/{orgId}/images/{imageId}/file', access: label, prepare: imageOfA, request: (f, p) => ({ url: `${org(f)}/images/${p.image}/file?variant=original` }) },
  {
    route: 'POST /api/orgs/{orgId}/images/verify',
    access: label,
    prepare: async () => ({ png: await smallPng() }),
    request: (f, p) => ({ url: `${org(f)}/images/verify`, payload: { files: [{ filename: 'c.png', contentBase64: p.png }] } }),
  },
  { route: 'GET /api/orgs/{orgId}/media', access: label, request: (f) => ({ url: `${org(f)}/media` }) },
  { route: 'POST /api/orgs/{orgId}/media', access: editors, request: (f) => ({ url: `${org(f)}/media`, payload: { title: 'Plakatmotiv', kind: 'illustration', creator: 'Authz', licence: 'Auftragsarbeit', feeCents: 1000 } }) },
  { route: 'POST /api/orgs/{orgId}/media/{mediaId}/usages', access: editors, prepare: mediaOfA, request: (f, p) => ({ url: `${org(f)}/media/${p.media}/usages`, payload: { usedIn: 'Flyer', channel: 'print' } }) },
  { route: 'DELETE /api/orgs/{orgId}/media/{mediaId}', access: editors, prepare: mediaOfA, request: (f, p) => ({ url: `${org(f)}/media/${p.media}` }) },
  { route: 'GET /api/orgs/{orgId}/disclosures', access: label, request: (f) => ({ url: `${org(f)}/disclosures` }) },
  {
    route: 'POST /api/orgs/{orgId}/disclosures',
    access: editors,
    prepare: disclosureOfA,
    request: (f, p) => ({ url: `${org(f)}/disclosures`, payload: { imageId: p.image, title: 'Noch einmal', purpose: 'Prüfung', channel: 'social' } }),
  },
  { route: 'POST /api/orgs/{orgId}/disclosures/{disclosureId}/withdraw', access: editors, prepare: disclosureOfA, request: (f, p) => ({ url: `${org(f)}/disclosures/${p.disclosure}/withdraw`, payload: { reason: 'Prüfung' } }) },
  { route: 'GET /api/public/provenance/{org}/disclosures', access: 'public', request: (f) => ({ url: `/api/public/provenance/${f.A.slug}/disclosures` }) },
  { route: 'GET /api/public/provenance/{org}/credits', access: 'public', request: (f) => ({ url: `/api/public/provenance/${f.A.slug}/credits` }) },
  { route: 'GET /api/public/provenance/images/{disclosureId}', access: 'public', prepare: disclosureOfA, request: (_f, p) => ({ url: `/api/public/provenance/images/${p.disclosure}` }) },
  {
    route: 'POST /v1/images/generations',
    access: 'authenticated',
    // No image model is registered in this fixture: authorised callers get as far as the registry's 404.
    request: () => ({ url: '/v1/images/generations', payload: { model: 'no-such-model', prompt: 'x' } }),
    expectAllowed: [404],
  },
];
