import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

describe.skipIf(!browserAvailable)('labelling images in the browser', () => {
  let h: BrowserHarness;
  let picture: Buffer;
  beforeAll(async () => {
    h = await startBrowserHarness();
    picture = await sharp({ create: { width: 360, height: 240, channels: 3, background: '#4a90d9' } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="360" height="240"><circle cx="120" cy="110" r="60" fill="#2e7d32"/></svg>') }])
      .png()
      .toBuffer();
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  });
  afterAll(async () => h?.close());

  it('sets the image policy on an accessible rules page', async () => {
    await h.page.getByRole('link', { name: 'Kennzeichnungsregeln' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Kennzeichnungsregeln' }).waitFor();
    await expectAccessible(h.page, 'labelling rules');
    await h.page.getByLabel('Alle Bildgeneratoren, die das Modellregister nicht ausschließt (immer gekennzeichnet)').check();
    await h.page.getByRole('button', { name: 'Bildrichtlinie speichern' }).click();
    await h.page.getByText('Die Bildrichtlinie ist gespeichert.').waitFor();
    await expectAccessible(h.page, 'labelling rules after saving');
  });

  it('labels an AI montage: credit line, visible label, preview, list', async () => {
    await h.page.getByRole('link', { name: 'Bilder kennzeichnen' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Bilder kennzeichnen' }).waitFor();
    await expectAccessible(h.page, 'label images');
    await h.page.getByLabel(/^Bilddatei/).setInputFiles({ name: 'montage.png', mimeType: 'image/png', buffer: picture });
    await h.page.getByLabel('KI-bearbeitet oder KI-Montage').check();
    await h.page.getByLabel(/^KI-System/).fill('Midjourney');
    await h.page.getByLabel(/^Beschreibung/).fill('Rathaus mit einem eingefügten Windrad');
    await h.page.getByRole('button', { name: 'Kennzeichnen' }).click();
    const notice = h.page.getByRole('status').filter({ hasText: 'Gekennzeichnet.' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('KI-Montage mit Midjourney');
    const preview = h.page.getByRole('img', { name: /Vorschau des gekennzeichneten Bildes/ });
    await preview.waitFor();
    await h.page.waitForFunction(() => (document.querySelector('img.provenance-preview') as HTMLImageElement | null)?.naturalWidth === 360);
    await h.page.getByRole('row', { name: /montage\.png/ }).waitFor();
    expect(await h.page.getByRole('row', { name: /montage\.png/ }).textContent()).toContain('KI-Montage (Unten rechts)');
    await expectAccessible(h.page, 'label images after labelling');
  });

  it('refuses a montage without a visible label, explaining why', async () => {
    await h.page.getByLabel(/^Bilddatei/).setInputFiles({ name: 'ohne.png', mimeType: 'image/png', buffer: picture });
    await h.page.getByLabel('KI-bearbeitet oder KI-Montage').check();
    await h.page.getByLabel(/^KI-System/).fill('Midjourney');
    await h.page.getByLabel('Sichtbare Kennzeichnung im Bild').selectOption('none');
    await h.page.getByRole('button', { name: 'Kennzeichnen' }).click();
    await h.page.getByRole('alert').waitFor();
    expect(await h.page.getByRole('alert').textContent()).toContain('brauchen nach der Bildrichtlinie eine sichtbare Kennzeichnung');
    await expectAccessible(h.page, 'label images with error');
  });

  it('flags the unlabelled original when it is checked as a campaign asset', async () => {
    await h.page.getByRole('link', { name: 'Bilder prüfen' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Bilder prüfen' }).waitFor();
    await expectAccessible(h.page, 'check images');
    await h.page.getByLabel(/^Bilddateien/).setInputFiles({ name: 'original.png', mimeType: 'image/png', buffer: picture });
    await h.page.getByRole('button', { name: 'Prüfen' }).click();
    await h.page.getByRole('row', { name: /original\.png/ }).waitFor();
    const row = await h.page.getByRole('row', { name: /original\.png/ }).textContent();
    expect(row).toContain('KI-Montage');
    expect(row).toContain('ungekennzeichnete Original');
    await expectAccessible(h.page, 'check images with results');
  });

  it('publishes the labelled montage to the public list "Wo wir KI einsetzen"', async () => {
    await h.page.getByRole('link', { name: 'KI-Einsatz veröffentlichen' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'KI-Einsatz veröffentlichen' }).waitFor();
    await expectAccessible(h.page, 'publish AI use');
    await h.page.getByLabel('Inhalt').selectOption({ label: 'Bild: montage.png' });
    await h.page.getByLabel(/^Titel/).fill('Plakat Energiewende');
    await h.page.getByLabel(/^Zweck/).fill('Windrad per KI in ein Foto des Rathauses montiert');
    await h.page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await h.page.getByRole('row', { name: /Plakat Energiewende/ }).waitFor();
    await expectAccessible(h.page, 'publish AI use after publishing');
    const slug = await h.page.evaluate(async () => ((await (await fetch('/api/auth/session')).json()) as { orgs: { slug: string }[] }).orgs[0]!.slug);
    const list = (await (await fetch(`${h.server.url}/api/public/provenance/${slug}/disclosures`)).json()) as { items: { title: string; label: string }[] };
    expect(list.items[0]).toMatchObject({ title: 'Plakat Energiewende' });
    expect(list.items[0]!.label).toContain('KI-Montage mit Midjourney');
  });

  it('records a human-made work with its credit line in the media library', async () => {
    await h.page.getByRole('link', { name: 'Mediathek und Bildnachweise' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Mediathek und Bildnachweise' }).waitFor();
    await expectAccessible(h.page, 'media library');
    await h.page.getByLabel(/^Titel/).fill('Porträt für den Flyer');
    await h.page.getByLabel(/^Urheber\*in/).fill('Alex Muster');
    await h.page.getByLabel(/^Lizenz/).first().fill('CC BY 4.0');
    await h.page.getByLabel(/^Honorar in Euro/).fill('250');
    await h.page.getByRole('button', { name: 'Werk eintragen' }).click();
    await h.page.getByRole('row', { name: /Porträt für den Flyer/ }).waitFor();
    expect(await h.page.getByRole('row', { name: /Porträt für den Flyer/ }).textContent()).toContain('Foto: Alex Muster · Lizenz: CC BY 4.0');
    await expectAccessible(h.page, 'media library after adding');
  });
});
