import { readFileSync, rmSync } from 'node:fs';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Reader } from '@contentauth/c2pa-node';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, makeOrg, makeUser, Session, type TestContext } from '../helpers/test-app.js';
import { contrastRatio, makeTestSigningCertificate, regionMean, regionPixels, testPicture } from './provenance-helpers.js';

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
let t: TestContext;
let admin: Session;
let rootId: string;
let certificates: ReturnType<typeof makeTestSigningCertificate>;
const exiftool = new ExifTool({ maxProcs: 1 });
let scratch: string;

/** Reads tags the way any newsroom tool would: exiftool on the downloaded file. */
async function tagsOf(bytes: Buffer, extension: string): Promise<Record<string, unknown>> {
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.${extension}`);
  await writeFile(file, bytes);
  return (await exiftool.read(file)) as unknown as Record<string, unknown>;
}

const b64 = (bytes: Buffer) => bytes.toString('base64');

async function label(body: Record<string, unknown>, session = admin, orgId = rootId) {
  return session.request('POST', `/api/orgs/${orgId}/images`, body);
}

async function download(url: string, session = admin): Promise<Buffer> {
  const response = await session.request('GET', url);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return response.rawPayload;
}

async function addImageModel(id: string, card: Record<string, unknown>) {
  await t.services.registry.upsertModel(systemCaller('test-reviewer'), { id, name: `Generator ${id}`, kind: 'image', status: 'approved', deployments: [], card });
}

beforeAll(async () => {
  certificates = makeTestSigningCertificate();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'leitplanke-prov-test-'));
  t = await createTestApp({ c2pa_certificate: certificates.certificate, c2pa_private_key: certificates.privateKey });
  admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
  rootId = (await t.services.orgs.root())!.id;
  await addImageModel('stock-gen', { creatorCompensation: 'licensed_and_paid', trainingData: 'partial' });
  await addImageModel('clean-gen', { creatorCompensation: 'opt_out_respected', trainingData: 'documented', licence: { name: 'Apache 2.0', spdx: 'Apache-2.0' }, openness: null });
  await addImageModel('unclear-gen', { creatorCompensation: 'unknown', trainingData: 'undisclosed', licence: { name: 'Apache 2.0', spdx: 'Apache-2.0' } });
});

afterAll(async () => {
  await exiftool.end();
  await t?.close();
  await rm(scratch, { recursive: true, force: true });
  rmSync(certificates.dir, { recursive: true, force: true });
});

describe('labelling an uploaded image', () => {
  let photorealistic: { id: string; files: { labelled: string; original: string }; visibleLabel: { corner: string; text: string }; c2pa: { signed: boolean }; storageKey: string };
  let source: Buffer;

  it('writes IPTC/XMP that exiftool reads back: source type, credit line with the AI and the prompts, description', async () => {
    source = await testPicture('png');
    const response = await label({
      filename: 'wahlplakat.png',
      contentBase64: b64(source),
      origin: 'ai_generated',
      photorealistic: true,
      generator: 'stock-gen',
      prompts: ['Eine Radfahrerin auf einer neuen Fahrradstraße in Leipzig, Morgenlicht'],
      description: 'Motiv für das Verkehrsplakat',
      visibleLabel: { corner: 'bottom-right' },
    });
    expect(response.statusCode, response.body).toBe(201);
    photorealistic = response.json();
    expect(photorealistic.visibleLabel).toEqual({ corner: 'bottom-right', text: 'KI-generiert' });
    const tags = await tagsOf(await download(photorealistic.files.labelled), 'png');
    expect(tags.DigitalSourceType).toBe(`${IPTC}trainedAlgorithmicMedia`);
    expect(tags.Credit).toBe('Bild: KI-generiert mit Generator stock-gen (Hauptorganisation) · Prompt: „Eine Radfahrerin auf einer neuen Fahrradstraße in Leipzig, Morgenlicht“');
    expect(String(tags.Description)).toContain('Motiv für das Verkehrsplakat');
    expect(String(tags.Description)).toContain('Prompt: Eine Radfahrerin');
    expect(tags.AIPromptInformation).toBe('Eine Radfahrerin auf einer neuen Fahrradstraße in Leipzig, Morgenlicht');
    expect(tags.AISystemUsed).toBe('Generator stock-gen');
  });

  it('keeps the original unchanged, in the media folder outside the web root', async () => {
    const original = await download(photorealistic.files.original);
    expect(original.equals(source)).toBe(true);
    expect(path.resolve(t.services.config.media_dir).startsWith(path.resolve(t.dataDir))).toBe(true);
    expect(t.services.config.media_dir).not.toContain(path.join('dist', 'web'));
    for (const url of [`/media/${photorealistic.storageKey}/original.png`, `/${photorealistic.storageKey}/original.png`]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(String(response.headers['content-type'] ?? '')).not.toMatch(/^image\//);
    }
  });

  it('burns the label into the chosen corner, white on near-black with at least 4.5:1 contrast, and leaves the rest of the picture alone', async () => {
    const labelled = await download(photorealistic.files.labelled);
    const { width, height } = await sharp(labelled).metadata();
    expect({ width, height }).toEqual({ width: 480, height: 320 });
    const corner = { left: width - 150, top: height - 50, width: 140, height: 40 };
    const before = await regionMean(source, corner);
    const after = await regionMean(labelled, corner);
    expect(Math.abs(after[0] - before[0]) + Math.abs(after[1] - before[1]) + Math.abs(after[2] - before[2])).toBeGreaterThan(150);
    const pixels = await regionPixels(labelled, corner);
    let dark = 0;
    let light = 0;
    for (let index = 0; index < pixels.length; index += 3) {
      const sum = pixels[index]! + pixels[index + 1]! + pixels[index + 2]!;
      if (sum < 90) dark++;
      if (sum > 720) light++;
    }
    expect(dark).toBeGreaterThan(pixels.length / 3 / 3);
    expect(light).toBeGreaterThan(50);
    expect(contrastRatio([255, 255, 255], [17, 17, 17])).toBeGreaterThan(4.5);
    // The opposite corner is untouched, pixel for pixel (PNG is lossless).
    const farCorner = { left: 0, top: 0, width: 150, height: 50 };
    expect((await regionPixels(labelled, farCorner)).equals(await regionPixels(source, farCorner))).toBe(true);
  });

  it('signs a C2PA manifest after writing the metadata, which c2pa-node reads back as valid (test CA: untrusted)', async () => {
    expect(photorealistic.c2pa.signed).toBe(true);
    const labelled = await download(photorealistic.files.labelled);
    const reader = await Reader.fromAsset({ buffer: labelled, mimeType: 'image/png' });
    const store = reader!.json() as unknown as { active_manifest: string; manifests: Record<string, { assertions: { label: string; data: { actions: { action: string; digitalSourceType?: string }[] } }[] }>; validation_status: { code: string }[] };
    const actions = store.manifests[store.active_manifest]!.assertions.filter((assertion) => assertion.label.startsWith('c2pa.actions')).flatMap((assertion) => assertion.data.actions);
    expect(actions.find((action) => action.action === 'c2pa.created')?.digitalSourceType).toBe(`${IPTC}trainedAlgorithmicMedia`);
    expect(store.validation_status.map((status) => status.code)).toEqual(['signingCredential.untrusted']);
    // The IPTC/XMP written before signing is still there.
    expect((await tagsOf(labelled, 'png')).DigitalSourceType).toBe(`${IPTC}trainedAlgorithmicMedia`);
  });

  it('labels a JPEG montage with "AI montage" in English in the top-left corner, also in IPTC IIM', async () => {
    const jpeg = await testPicture('jpeg', 600, 400, 3);
    const response = await label({ filename: 'montage.jpg', contentBase64: b64(jpeg), origin: 'ai_edited', generator: 'clean-gen', visibleLabel: { corner: 'top-left', language: 'en' } });
    expect(response.statusCode, response.body).toBe(201);
    const image = response.json<{ files: { labelled: string }; visibleLabel: { text: string }; creditLine: { de: string; en: string } }>();
    expect(image.visibleLabel.text).toBe('AI montage');
    expect(image.creditLine).toEqual({ de: 'KI-Montage mit Generator clean-gen (Hauptorganisation)', en: 'AI montage made with Generator clean-gen (Hauptorganisation)' });
    const labelled = await download(image.files.labelled);
    const tags = await tagsOf(labelled, 'jpg');
    expect(tags.DigitalSourceType).toBe(`${IPTC}compositeWithTrainedAlgorithmicMedia`);
    expect(String(tags['Caption-Abstract'])).toContain('KI-Montage');
    // The box's left padding (margin 2 % = 8 px, padding 9 px) is solid near-black; the same strip was bright before.
    const strip = { left: 10, top: 10, width: 5, height: 20 };
    const [r, g, b] = await regionMean(labelled, strip);
    expect(r + g + b).toBeLessThan(90);
    const [r0, g0, b0] = await regionMean(jpeg, strip);
    expect(r0 + g0 + b0).toBeGreaterThan(300);
  });

  it('credits a human photo (WebP) to its photographer, without a visible label', async () => {
    const webp = await testPicture('webp', 320, 240, 5);
    const response = await label({ filename: 'kundgebung.webp', contentBase64: b64(webp), origin: 'human_photo', creator: 'Jana Beispiel', description: 'Kundgebung am Marktplatz' });
    expect(response.statusCode, response.body).toBe(201);
    const image = response.json<{ files: { labelled: string }; visibleLabel: null; creditLine: { de: string } }>();
    expect(image.visibleLabel).toBeNull();
    expect(image.creditLine.de).toBe('Foto: Jana Beispiel');
    const tags = await tagsOf(await download(image.files.labelled), 'webp');
    expect(tags.DigitalSourceType).toBe(`${IPTC}digitalCapture`);
    expect(tags.Credit).toBe('Foto: Jana Beispiel');
    expect(tags.Creator).toEqual(['Jana Beispiel']);
  });

  it('refuses incomplete declarations with a reason', async () => {
    const png = b64(await testPicture('png', 100, 80, 7));
    const noPrompts = await label({ filename: 'a.png', contentBase64: png, origin: 'ai_generated', photorealistic: true, generator: 'stock-gen', visibleLabel: { corner: 'top-left' } });
    expect([noPrompts.statusCode, noPrompts.json().reason]).toEqual([400, 'prompts_required']);
    const noLabel = await label({ filename: 'a.png', contentBase64: png, origin: 'ai_edited', generator: 'stock-gen' });
    expect([noLabel.statusCode, noLabel.json().reason]).toEqual([400, 'visible_label_required']);
    const noGenerator = await label({ filename: 'a.png', contentBase64: png, origin: 'ai_generated' });
    expect([noGenerator.statusCode, noGenerator.json().reason]).toEqual([400, 'generator_required']);
    const notImage = await label({ filename: 'a.png', contentBase64: b64(Buffer.from('%PDF-1.7 not a picture')), origin: 'human_photo', creator: 'X' });
    expect([notImage.statusCode, notImage.json().reason]).toEqual([400, 'not_an_image']);
  });
});

describe('image policy (LABEL-4)', () => {
  it('refuses AI images when the policy is off, with the reason, and audits the refusal; human photos still pass', async () => {
    const org = await makeOrg(t.services, 'keine-ki-bilder');
    expect((await admin.request('PUT', `/api/orgs/${org.id}/provenance/image-policy`, { ai: 'off' })).statusCode).toBe(200);
    const png = b64(await testPicture('png', 120, 90, 9));
    const refused = await label({ filename: 'ki.png', contentBase64: png, origin: 'ai_generated', generator: 'stock-gen' }, admin, org.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'POLICY_DENIED', reason: 'image_policy_off', detail: 'Die Bildrichtlinie dieser Organisation erlaubt keine KI-generierten Bilder.' });
    const audit = (await admin.request('GET', `/api/orgs/${org.id}/audit`)).json<{ action: string; metadata: { reason?: string } }[]>();
    expect(audit.find((entry) => entry.action === 'provenance.image.refused')?.metadata.reason).toBe('image_policy_off');
    const human = await label({ filename: 'foto.png', contentBase64: png, origin: 'human_photo', creator: 'Kim' }, admin, org.id);
    expect(human.statusCode).toBe(201);
  });

  it('allows only licensed stock-based generators under "licensed_stock", and explains a refusal in English too', async () => {
    const org = await makeOrg(t.services, 'nur-stock');
    await admin.request('PUT', `/api/orgs/${org.id}/provenance/image-policy`, { ai: 'licensed_stock' });
    const png = b64(await testPicture('png', 120, 90, 11));
    expect((await label({ filename: 'a.png', contentBase64: png, origin: 'stock_generator', generator: 'stock-gen' }, admin, org.id)).statusCode).toBe(201);
    const refused = await admin.request('POST', `/api/orgs/${org.id}/images`, { filename: 'b.png', contentBase64: png, origin: 'ai_generated', generator: 'clean-gen' }, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ reason: 'image_policy_licensed_only' });
    expect(refused.json().detail).toContain('only licensed stock-based generators');
  });

  it('under the default policy takes licensed and open copyright-clean generators, not unclear or unregistered ones', async () => {
    const png = b64(await testPicture('png', 120, 90, 13));
    expect((await label({ filename: 'a.png', contentBase64: png, origin: 'ai_generated', generator: 'clean-gen' })).statusCode).toBe(201);
    const unclear = await label({ filename: 'a.png', contentBase64: png, origin: 'ai_generated', generator: 'unclear-gen' });
    expect([unclear.statusCode, unclear.json().reason]).toEqual([403, 'image_policy_generator_not_clean']);
    const outside = await label({ filename: 'a.png', contentBase64: png, origin: 'ai_generated', generator: 'Irgendein Online-Generator' });
    expect([outside.statusCode, outside.json().reason]).toEqual([403, 'image_policy_generator_not_clean']);
  });

  it('lets a chapter tighten its parent policy but never loosen it', async () => {
    const parent = await makeOrg(t.services, 'landesverband-streng');
    const child = await makeOrg(t.services, 'ortsverband-locker', parent.id);
    await admin.request('PUT', `/api/orgs/${parent.id}/provenance/image-policy`, { ai: 'licensed_stock' });
    const looser = await admin.request('PUT', `/api/orgs/${child.id}/provenance/image-policy`, { ai: 'any' });
    expect([looser.statusCode, looser.json().reason]).toEqual([403, 'policy_looser_than_parent']);
    expect((await admin.request('PUT', `/api/orgs/${child.id}/provenance/image-policy`, { ai: 'off' })).statusCode).toBe(200);
    const settings = (await admin.request('GET', `/api/orgs/${child.id}/provenance/settings`)).json<{ imagePolicy: { ai: string; setBy: string } }>();
    expect(settings.imagePolicy).toMatchObject({ ai: 'off', setBy: 'Org ortsverband-locker' });
  });
});

describe('label texts per channel (LABEL-1)', () => {
  it('has German and English defaults for social media, press release, print and web', async () => {
    const settings = (await admin.request('GET', `/api/orgs/${rootId}/provenance/settings`)).json<{ channels: { channel: string; template: { de: string; en: string } }[] }>();
    expect(settings.channels.map((entry) => entry.channel)).toEqual(['social', 'press', 'print', 'web']);
    const press = settings.channels.find((entry) => entry.channel === 'press')!.template;
    expect(press.de).toContain('Pressemitteilung wurde mit Unterstützung eines KI-Systems ({model}) erstellt');
    expect(press.en).toContain('press release was drafted with the help of an AI system ({model})');
  });

  it('lets an organisation set its own texts, which sub-organisations inherit; unknown placeholders are refused', async () => {
    const org = await makeOrg(t.services, 'eigene-texte');
    const child = await makeOrg(t.services, 'eigene-texte-ort', org.id);
    const set = await admin.request('PUT', `/api/orgs/${org.id}/provenance/labels`, { social: { de: 'Mit KI gemacht: {model} #Transparenz' } });
    expect(set.statusCode, set.body).toBe(200);
    const inherited = (await admin.request('GET', `/api/orgs/${child.id}/provenance/settings`)).json<{ channels: { channel: string; template: { de: string; en: string; inherited: { de: boolean } } }[] }>();
    const social = inherited.channels.find((entry) => entry.channel === 'social')!.template;
    expect(social).toMatchObject({ de: 'Mit KI gemacht: {model} #Transparenz', en: 'This post was created with the help of AI ({model}).', inherited: { de: true } });
    const bad = await admin.request('PUT', `/api/orgs/${org.id}/provenance/labels`, { web: { en: 'Made by {modell}' } });
    expect([bad.statusCode, bad.json().reason]).toEqual([400, 'unknown_placeholder']);
    expect(bad.json().detail).toContain('{modell}');
  });

  it('may be changed by admins and data-protection officers, not by staff', async () => {
    const staff = await makeUser(t.services, rootId, ['staff']);
    const session = await Session.login(t.app, staff.email, staff.password);
    expect((await session.request('PUT', `/api/orgs/${rootId}/provenance/labels`, { print: { de: 'x' } })).statusCode).toBe(403);
  });
});

describe('verification of any image or a batch', () => {
  it('tells labelled, unlabelled-original, stripped, tampered and unknown images apart and flags what a campaign asset lacks', async () => {
    const source = await testPicture('png', 400, 300, 21);
    const created = (await label({ filename: 'plakat.png', contentBase64: b64(source), origin: 'ai_generated', photorealistic: true, prompts: ['Menschen auf einem Marktplatz'], generator: 'stock-gen', visibleLabel: { corner: 'bottom-left' } })).json<{ id: string; files: { labelled: string } }>();
    const labelled = await download(created.files.labelled);
    const stripped = await sharp(labelled).jpeg({ quality: 90 }).toBuffer();
    const tampered = Buffer.from(labelled);
    const idat = tampered.indexOf('IDAT');
    tampered[idat + 40] = tampered[idat + 40]! ^ 0xff;
    const unrelated = await testPicture('jpeg', 300, 300, 99);
    const response = await admin.request('POST', `/api/orgs/${rootId}/images/verify`, {
      files: [
        { filename: 'labelled.png', contentBase64: b64(labelled) },
        { filename: 'original.png', contentBase64: b64(source) },
        { filename: 'stripped.jpg', contentBase64: b64(stripped) },
        { filename: 'tampered.png', contentBase64: b64(tampered) },
        { filename: 'unknown.jpg', contentBase64: b64(unrelated) },
        { filename: 'notes.txt', contentBase64: b64(Buffer.from('hello')) },
      ],
    });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    type Result = { filename: string; ok: boolean; verdict: string; flags: { code: string }[]; c2pa: { present: boolean; state: string; trusted: boolean }; iptc: { digitalSourceTypeCode: string | null }; match: { kind: string; imageId: string } | null };
    const results = Object.fromEntries(response.json<{ results: Result[] }>().results.map((result) => [result.filename, result]));
    const codes = (name: string) => results[name]!.flags.map((flag) => flag.code);
    expect(results['labelled.png']).toMatchObject({ verdict: 'ai_generated', c2pa: { present: true, state: 'valid', trusted: false }, iptc: { digitalSourceTypeCode: 'trainedAlgorithmicMedia' }, match: { kind: 'labelled', imageId: created.id } });
    expect(codes('labelled.png')).toEqual([]);
    // With the test CA configured as a trust anchor (LEITPLANKE_C2PA_TRUST_ANCHORS), the same manifest is trusted.
    const { readC2pa } = await import('../../src/provenance/c2pa-signing.js');
    expect(await readC2pa(labelled, 'image/png', readFileSync(certificates.caCertificate, 'utf8'))).toMatchObject({ state: 'valid', trusted: true });
    expect(codes('original.png')).toEqual(expect.arrayContaining(['unlabelled_original', 'ai_without_credit', 'prompts_missing', 'visible_label_missing']));
    expect(results['stripped.jpg']!.match?.kind).toBe('similar');
    expect(codes('stripped.jpg')).toEqual(expect.arrayContaining(['label_stripped', 'ai_without_credit']));
    expect(results['tampered.png']!.c2pa.state).toBe('invalid');
    expect(codes('tampered.png')).toContain('c2pa_invalid');
    expect(results['unknown.jpg']).toMatchObject({ verdict: 'unknown', match: null });
    expect(codes('unknown.jpg')).toEqual(['origin_unknown']);
    expect(results['notes.txt']!.ok).toBe(false);
  });
});

describe('media library of human-made works (LABEL-5)', () => {
  it('keeps creator, licence, fee and where a work was used, and builds the credit line; the public credits omit fees', async () => {
    const created = await admin.request('POST', `/api/orgs/${rootId}/media`, { title: 'Porträt der Spitzenkandidatin', kind: 'photo', creator: 'Alex Muster', licence: 'CC BY 4.0', licenceUrl: 'https://creativecommons.org/licenses/by/4.0/', feeCents: 35000 });
    expect(created.statusCode, created.body).toBe(201);
    const work = created.json<{ id: string; creditLine: { de: string; en: string } }>();
    expect(work.creditLine).toEqual({ de: 'Foto: Alex Muster · Lizenz: CC BY 4.0', en: 'Photo: Alex Muster · Licence: CC BY 4.0' });
    const used = await admin.request('POST', `/api/orgs/${rootId}/media/${work.id}/usages`, { usedIn: 'Wahlplakat A1', channel: 'print', usedOn: '2026-09-01' });
    expect(used.json<{ usages: { usedIn: string }[] }>().usages.map((usage) => usage.usedIn)).toEqual(['Wahlplakat A1']);
    await admin.request('POST', `/api/orgs/${rootId}/media`, { title: 'Interner Entwurf', kind: 'illustration', creator: 'Sam', licence: 'Auftragsarbeit', feeCents: 10000, listedPublicly: false });
    const list = (await admin.request('GET', `/api/orgs/${rootId}/media`)).json<{ summary: { works: number; creators: number; feesPaid: { currency: string; cents: number }[] } }>();
    expect(list.summary).toEqual({ works: 2, creators: 2, feesPaid: [{ currency: 'EUR', cents: 45000 }] });
    const credits = await t.app.inject({ method: 'GET', url: '/api/public/provenance/root/credits' });
    const slug = (await t.services.orgs.root())!.slug;
    const publicCredits = (await t.app.inject({ method: 'GET', url: `/api/public/provenance/${slug}/credits` })).json<{ credits: Record<string, unknown>[] }>();
    expect(credits.statusCode === 200 || credits.statusCode === 404).toBe(true);
    expect(publicCredits.credits).toHaveLength(1);
    expect(publicCredits.credits[0]).toMatchObject({ creator: 'Alex Muster', licence: 'CC BY 4.0', usages: [{ usedIn: 'Wahlplakat A1', channel: 'print', usedOn: '2026-09-01' }] });
    expect(JSON.stringify(publicCredits)).not.toContain('35000');
  });
});

describe('campaign disclosure (OPEN-1)', () => {
  it('publishes a labelled AI image to the public list with its label, purpose and date, and withdraws it', async () => {
    const source = await testPicture('png', 200, 150, 31);
    const image = (await label({ filename: 'social.png', contentBase64: b64(source), origin: 'ai_generated', generator: 'stock-gen' })).json<{ id: string; creditLine: { de: string } }>();
    const published = await admin.request('POST', `/api/orgs/${rootId}/disclosures`, { imageId: image.id, title: 'Sharepic zur Verkehrswende', purpose: 'Hintergrundbild eines Social-Media-Beitrags, mit KI erzeugt', channel: 'social' });
    expect(published.statusCode, published.body).toBe(201);
    const disclosure = published.json<{ id: string }>();
    const slug = (await t.services.orgs.root())!.slug;
    const list = (await t.app.inject({ method: 'GET', url: `/api/public/provenance/${slug}/disclosures` })).json<{ items: { id: string; title: string; aiUse: string; label: string; labels: { en: string }; publishedAt: string; url: string }[] }>();
    expect(list.items[0]).toMatchObject({ id: disclosure.id, title: 'Sharepic zur Verkehrswende', aiUse: 'Hintergrundbild eines Social-Media-Beitrags, mit KI erzeugt', label: image.creditLine.de });
    expect(Date.parse(list.items[0]!.publishedAt)).toBeGreaterThan(0);
    const publicImage = await t.app.inject({ method: 'GET', url: list.items[0]!.url });
    expect(publicImage.statusCode).toBe(200);
    expect((await tagsOf(publicImage.rawPayload, 'png')).DigitalSourceType).toBe(`${IPTC}trainedAlgorithmicMedia`);
    // The transparency module reads the same list through the feed interface.
    expect((await t.services.provenance.disclosureFeed.listPublic({ orgIds: [rootId], limit: 10 })).map((item) => item.id)).toContain(disclosure.id);
    // … and the composed server's public transparency list (web page /transparenz/kampagnen) shows it.
    const transparencyList = (await t.app.inject({ method: 'GET', url: `/api/public/transparency/disclosures?org=${slug}` })).json<{ id: string; title: string; aiUse: string; label: string; channel: string }[]>();
    expect(transparencyList.find((item) => item.id === disclosure.id)).toMatchObject({ title: 'Sharepic zur Verkehrswende', aiUse: 'Hintergrundbild eines Social-Media-Beitrags, mit KI erzeugt', label: image.creditLine.de, channel: 'social' });
    const withdrawn = await admin.request('POST', `/api/orgs/${rootId}/disclosures/${disclosure.id}/withdraw`, { reason: 'Kampagne beendet' });
    expect(withdrawn.statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: `/api/public/provenance/${slug}/disclosures` })).json<{ items: { id: string }[] }>();
    expect(after.items.map((item) => item.id)).not.toContain(disclosure.id);
    expect((await t.app.inject({ method: 'GET', url: list.items[0]!.url })).statusCode).toBe(404);
  });

  it('does not publish a human photo as AI use, nor anything without an item', async () => {
    const photo = (await label({ filename: 'foto.png', contentBase64: b64(await testPicture('png', 100, 100, 33)), origin: 'human_photo', creator: 'Kim' })).json<{ id: string }>();
    const refused = await admin.request('POST', `/api/orgs/${rootId}/disclosures`, { imageId: photo.id, title: 'x', purpose: 'y', channel: 'web' });
    expect([refused.statusCode, refused.json().reason]).toEqual([400, 'not_ai_labelled']);
    const empty = await admin.request('POST', `/api/orgs/${rootId}/disclosures`, { title: 'x', purpose: 'y', channel: 'web' });
    expect([empty.statusCode, empty.json().reason]).toEqual([400, 'item_required']);
  });
});
