import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import type { PromptGuard } from '../../src/gateway/pipeline-hooks.js';
import { text } from '../../src/core/l10n.js';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { generatedPicture } from '../helpers/fake-upstream.js';
import { makeApiKey, makeOrg } from '../helpers/test-app.js';
import { regionPixels } from './provenance-helpers.js';

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
let f: GatewayFixture;
const exiftool = new ExifTool({ maxProcs: 1 });
let scratch: string;

/** Blocks prompts with an IBAN, as the data-protection guard would for a provider outside the own zone. */
const ibanGuard: PromptGuard = {
  async inspect({ messages }) {
    const content = messages.map((message) => String(message.content)).join(' ');
    return /DE\d{20}/.test(content) ? { action: 'block', reason: 'guard_blocked_iban', detail: text('IBAN im Prompt.', 'IBAN in the prompt.') } : { action: 'pass' };
  },
};

async function post(pathname: string, body: unknown, key = f.adminKey) {
  const response = await fetch(`${f.baseUrl}${pathname}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> & { leitplanke?: { provenance_id: string; images: { id: string }[]; label: { de: string } }; data?: { b64_json?: string; url?: string }[]; reason?: string } };
}

async function get(pathname: string, key = f.adminKey) {
  return fetch(`${f.baseUrl}${pathname}`, { headers: { authorization: `Bearer ${key}` } });
}

async function tagsOf(bytes: Buffer): Promise<Record<string, unknown>> {
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.png`);
  await writeFile(file, bytes);
  return (await exiftool.read(file)) as unknown as Record<string, unknown>;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'leitplanke-gw-img-'));
  f = await createGatewayFixture({}, { guard: ibanGuard });
  await f.services.registry.upsertModel(systemCaller('test-reviewer'), {
    id: 'bildgenerator',
    name: 'Stock-Bildgenerator',
    kind: 'image',
    status: 'approved',
    revision: 'v2.1',
    deployments: [{ providerId: 'upstream', upstreamModel: 'stock-image-1' }],
    card: { creatorCompensation: 'licensed_and_paid', trainingData: 'partial' },
  });
  await f.addModel('textmodell');
});

afterAll(async () => {
  await exiftool.end();
  await f?.closeAll();
  await rm(scratch, { recursive: true, force: true });
});

describe('POST /v1/images/generations', () => {
  it('generates through the pipeline and hands out images already labelled with IPTC/XMP, as the OpenAI SDK expects', async () => {
    const result = await f.client().images.generate({ model: 'bildgenerator', prompt: 'Ein Plakat mit Sonnenblumen vor dem Rathaus', response_format: 'b64_json' });
    const image = Buffer.from(result.data![0]!.b64_json!, 'base64');
    const tags = await tagsOf(image);
    expect(tags.DigitalSourceType).toBe(`${IPTC}trainedAlgorithmicMedia`);
    expect(tags.AIPromptInformation).toBe('Ein Plakat mit Sonnenblumen vor dem Rathaus');
    expect(tags.AISystemUsed).toBe('Stock-Bildgenerator');
    expect(tags.AISystemVersionUsed).toBe('v2.1');
    expect(String(tags.Credit)).toContain('KI-generiert mit Stock-Bildgenerator');
    // The picture is the generator's, with the metadata added (no visible label asked for).
    const raw = await generatedPicture('Ein Plakat mit Sonnenblumen vor dem Rathaus');
    const whole = { left: 0, top: 0, width: 256, height: 256 };
    expect((await regionPixels(image, whole)).equals(await regionPixels(raw, whole))).toBe(true);
    const upstreamCall = f.upstream.requests.find((request) => request.path.endsWith('/images/generations'))!;
    expect(upstreamCall.body).toMatchObject({ model: 'stock-image-1', response_format: 'b64_json' });
  });

  it('keeps the image in the library with its provenance, meters and audits the call, and serves the provenance record', async () => {
    const response = await post('/v1/images/generations', { model: 'bildgenerator', prompt: 'Fahrräder am Bahnhof', n: 2, size: '256x256' });
    expect(response.status, JSON.stringify(response.json)).toBe(200);
    const report = response.json.leitplanke!;
    expect(response.headers.get('x-leitplanke-provenance')).toBe(report.provenance_id);
    expect(report.images).toHaveLength(2);
    expect(response.json.data![0]!.url).toMatch(/^data:image\/png;base64,/);
    const root = (await f.services.orgs.root())!;
    const stored = (await (await get(`/api/orgs/${root.id}/images/${report.images[0]!.id}`)).json()) as { source: string; provenanceId: string; modelId: string; prompts: string[] };
    expect(stored).toMatchObject({ source: 'gateway', provenanceId: report.provenance_id, modelId: 'bildgenerator', prompts: ['Fahrräder am Bahnhof'] });
    const record = (await (await get(`/api/provenance/records/${report.provenance_id}`)).json()) as Record<string, unknown> & { labels: Record<string, { de: string; en: string }> };
    expect(record).toMatchObject({ kind: 'image', purpose: 'api', model: { id: 'bildgenerator', name: 'Stock-Bildgenerator', revision: 'v2.1' }, provider: { id: 'upstream', zone: 'own' }, settings: { n: 2, size: '256x256' } });
    expect(record.promptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.labels.web!.de).toContain('Stock-Bildgenerator');
    await f.services.recorder.flush();
    const audit = (await (await get(`/api/orgs/${root.id}/audit`)).json()) as { action: string; targetId: string }[];
    expect(audit.some((entry) => entry.action === 'gateway.image' && entry.targetId === 'bildgenerator')).toBe(true);
  });

  it('burns a visible label into photorealistic images', async () => {
    const response = await post('/v1/images/generations', { model: 'bildgenerator', prompt: 'Foto einer Demonstration', response_format: 'b64_json', leitplanke: { photorealistic: true } });
    expect(response.status).toBe(200);
    const image = Buffer.from(response.json.data![0]!.b64_json!, 'base64');
    const raw = await generatedPicture('Foto einer Demonstration');
    const corner = { left: 256 - 90, top: 256 - 30, width: 80, height: 22 };
    expect((await regionPixels(image, corner)).equals(await regionPixels(raw, corner))).toBe(false);
    // The right padding of the box (margin 5 px, padding 6 px) is solid near-black.
    const { data } = await sharp(image).extract({ left: 246, top: 234, width: 4, height: 8 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(Math.max(...data)).toBeLessThan(40);
  });

  it('is refused when the image policy forbids AI images, with the reason, before the provider is called', async () => {
    const org = await makeOrg(f.services, 'ohne-ki-bilder');
    await f.services.provenance.provenance.setImagePolicy(systemCaller('test'), org.id, { ai: 'off' });
    const { key } = await makeApiKey(f.services, org.id, 'staff');
    const before = f.upstream.requests.length;
    const response = await post('/v1/images/generations', { model: 'bildgenerator', prompt: 'Ein Sonnenuntergang' }, key);
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({ code: 'POLICY_DENIED', reason: 'image_policy_off' });
    expect(f.upstream.requests.length).toBe(before);
    await f.services.recorder.flush();
    const audit = await f.services.database.db.execute(`select metadata from audit_log where action = 'gateway.refused' and org_id = '${org.id}'`);
    expect(JSON.stringify(audit)).toContain('image_policy_off');
  });

  it('runs the guard on the prompt', async () => {
    await f.addProvider('eu-cloud', { zone: 'eu' });
    await f.services.registry.upsertModel(systemCaller('test-reviewer'), { id: 'eu-bilder', name: 'EU-Bilder', kind: 'image', status: 'approved', deployments: [{ providerId: 'eu-cloud', upstreamModel: 'eu-image' }], card: { creatorCompensation: 'licensed_and_paid' } });
    const before = f.upstream.requests.length;
    const response = await post('/v1/images/generations', { model: 'eu-bilder', prompt: 'Überweisung an DE89370400440532013000 als Bild' });
    expect([response.status, response.json.reason]).toEqual([403, 'guard_blocked_iban']);
    expect(f.upstream.requests.length).toBe(before);
  });

  it('refuses a chat model for images, and the chat model gets a provenance record with labels in both languages', async () => {
    const wrong = await post('/v1/images/generations', { model: 'textmodell', prompt: 'x' });
    expect([wrong.status, wrong.json.reason]).toEqual([400, 'wrong_model_kind']);
    const chat = await post('/v1/chat/completions', { model: 'textmodell', messages: [{ role: 'user', content: 'Entwirf eine Pressemitteilung' }], temperature: 0.3 });
    const provenanceId = chat.json.leitplanke!.provenance_id;
    const record = (await (await get(`/api/provenance/records/${provenanceId}`)).json()) as { kind: string; settings: { temperature: number }; labels: Record<string, { de: string; en: string }> };
    expect(record.kind).toBe('chat');
    expect(record.settings.temperature).toBe(0.3);
    expect(record.labels.press!.de).toContain('Diese Pressemitteilung wurde mit Unterstützung eines KI-Systems (Modell textmodell) erstellt');
    expect(record.labels.press!.en).toContain('this press release was drafted with the help of an AI system (Modell textmodell)');
    expect(record.labels.social!.en).toBe('This post was created with the help of AI (Modell textmodell).');
  });
});
