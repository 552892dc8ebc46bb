import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { programmePdf, statutesOdt, surveyCsv } from '../helpers/knowledge-documents.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

/** Staff upload documents, get a cited answer in chat, open the citation, and structure 200 survey answers. */
describe.skipIf(!browserAvailable)('knowledge base in the browser', () => {
  let h: BrowserHarness;
  let upstream: FakeUpstream;
  let rootOrgId: string;
  let collectionId: string;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    // The fake upstream's embeddings are hashes of the text: only the same text is more than 0.95 similar.
    h = await startBrowserHarness({ seed_catalogue: false, knowledge_min_similarity: 0.95 });
    const { registry, knowledge, bootstrap } = h.server.services;
    rootOrgId = bootstrap.rootOrgId;
    const reviewer = systemCaller('browser-test');
    await registry.connectProvider(reviewer, { id: 'fake', adapter: 'openai-compatible', baseUrl: upstream.url, zone: 'own', jurisdiction: 'DE', options: { maxRetries: 0, timeoutMs: 10_000, idleTimeoutMs: 10_000 } });
    await registry.upsertModel(reviewer, { id: 'modell-klein', name: 'Kleines Modell', kind: 'chat', status: 'approved', deployments: [{ providerId: 'fake', upstreamModel: 'modell-klein' }], card: { parameters: { activeB: 8, totalB: 8 } } });
    await registry.upsertModel(reviewer, { id: 'einbettung', name: 'Einbettungsmodell', kind: 'embedding', status: 'approved', deployments: [{ providerId: 'fake', upstreamModel: 'einbettung' }], card: { parameters: { activeB: 1, totalB: 1 } } });
    await knowledge.updateSettings(reviewer, rootOrgId, { embeddingModel: 'einbettung', answerModel: 'modell-klein' });
    upstream.script('modell-klein', {
      reply: (body) => {
        const system = String(body.messages[0]?.content);
        if (system.includes('[1]') && system.includes('fünf Personen')) return 'Der Vorstand besteht aus fünf Personen [1].';
        if (system.includes('nichts Passendes gefunden')) return 'In den Dokumenten der Organisation steht dazu nichts.';
        const input = String(body.messages.at(-1)?.content);
        const title = /Radweg/.test(input) ? 'Sichere Radwege' : /Miete|Wohn/.test(input) ? 'Bezahlbares Wohnen' : /Bus|Nahverkehr/.test(input) ? 'Besserer Nahverkehr' : /Kita|Betreuung/.test(input) ? 'Mehr Kitaplätze' : 'Sonstiges';
        return `Titel: ${title}\nZusammenfassung: Viele Eingaben fordern: ${title}.`;
      },
    });
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  });
  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('creates a collection and uploads an ODT and a PDF, following their ingestion', async () => {
    const page = h.page;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Wissensdatenbank', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Wissensdatenbank' }).waitFor();
    await expectAccessible(page, 'knowledge collections');
    await page.getByLabel(/^Name/).fill('Satzung und Programm');
    await page.getByLabel('Wer sieht sie').selectOption('organisation');
    await page.getByRole('button', { name: 'Sammlung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Satzung und Programm' }).waitFor();
    collectionId = page.url().split('/').pop()!;

    await page.getByLabel('Dateien').setInputFiles([
      { name: 'satzung.odt', mimeType: 'application/vnd.oasis.opendocument.text', buffer: statutesOdt() },
      { name: 'wahlprogramm.pdf', mimeType: 'application/pdf', buffer: await programmePdf() },
    ]);
    await page.getByRole('button', { name: 'Dokumente hochladen' }).click();
    await page.getByText('2 Dokumente wurden hochgeladen und werden jetzt verarbeitet.').waitFor();
    const rows = page.locator('tbody tr');
    await expect.poll(async () => rows.filter({ hasText: 'Bereit' }).count(), { timeout: 30_000 }).toBe(2);
    expect(await rows.filter({ hasText: 'Satzung des Kreisverbands' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Wahlprogramm 2026' }).count()).toBe(1);
    await expectAccessible(page, 'collection with documents');
  });

  it('answers in chat with an assistant that has the collection, and the citation opens the passage', async () => {
    const page = h.page;
    await h.server.services.workspace.assistants.create(systemCaller('browser-test'), rootOrgId, { name: 'Satzungsfragen', systemPrompt: 'Du beantwortest Fragen zur Satzung.', modelId: 'modell-klein', knowledgeCollectionIds: [collectionId] });
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Chat', exact: true }).click();
    await page.getByLabel('Assistent für diese Unterhaltung').selectOption({ label: 'Satzungsfragen' });
    const input = page.getByLabel('Ihre Nachricht an die KI');
    await input.fill('Wie viele Personen hat der Vorstand?');
    await input.press('Enter');
    await page.getByText('Der Vorstand besteht aus fünf Personen [1].', { exact: true }).waitFor({ timeout: 20_000 });
    const citation = page.getByRole('link', { name: 'Satzung des Kreisverbands' }).first();
    await citation.waitFor();
    expect(await citation.getAttribute('href')).toMatch(/^\/wissen\/stelle\/[0-9a-f-]{36}$/);
    expect(await citation.locator('xpath=..').textContent()).toContain('Seite 2');
    await expectAccessible(page, 'chat with citations');

    await citation.click();
    await page.getByRole('heading', { level: 1, name: 'Satzung des Kreisverbands' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Zitierte Textstelle' }).waitFor();
    expect(await page.locator('.knowledge-passage blockquote').textContent()).toContain('fünf Personen');
    expect(await page.locator('.knowledge-facts').textContent()).toContain('Seite 2 · Satzung des Kreisverbands › § 7 Vorstand');
    expect(await page.getByRole('link', { name: 'satzung.odt herunterladen' }).count()).toBe(1);
    await expectAccessible(page, 'passage');
  });

  it('says in chat, visibly and to screen readers, when the collections have nothing on the question, and lists no sources', async () => {
    const page = h.page;
    await page.goto('/chat');
    await page.getByLabel('Assistent für diese Unterhaltung').selectOption({ label: 'Satzungsfragen' });
    // Record what screen readers would hear: every change of the polite live region.
    await page.evaluate(() => {
      const region = document.querySelector('[data-testid="answer-announcer"]')!;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const input = page.getByLabel('Ihre Nachricht an die KI');
    await input.fill('Wann öffnet das Freibad im Sommer?');
    await input.press('Enter');
    await page.getByText('In den Dokumenten der Organisation steht dazu nichts.', { exact: true }).waitFor({ timeout: 20_000 });
    const note = 'In den Wissenssammlungen dieses Assistenten wurde nichts dazu gefunden.';
    const answer = page.locator('.message-answer').last();
    await answer.locator('.ai-label').waitFor();
    expect(await answer.getByText(note).isVisible()).toBe(true);
    expect(await answer.getByRole('heading', { name: 'Quellen' }).count()).toBe(0);
    expect(await answer.getByRole('link').count()).toBe(0);
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said.at(-1), said.join(" | ")).toContain(note);
    await expectAccessible(page, 'chat answer without sources');

    // Stored with the answer: the note is still there after reloading the conversation.
    await page.reload();
    await page.locator('.message-answer').last().getByText(note).waitFor();
  });

  it('searches the knowledge base and opens a hit', async () => {
    const page = h.page;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Wissen durchsuchen' }).click();
    await page.getByLabel(/^Suchbegriffe oder Frage/).fill('Sozialwohnungen');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /Treffer/ }).waitFor();
    const first = page.locator('.knowledge-results li').first();
    expect(await first.textContent()).toContain('Seite 1 · 1 Wohnen');
    await expectAccessible(page, 'search results');
    await first.getByRole('link', { name: 'Wahlprogramm 2026' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wahlprogramm 2026' }).waitFor();
  });

  it('says that nothing was found when no passage is relevant', async () => {
    const page = h.page;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Wissen durchsuchen' }).click();
    await page.getByLabel(/^Suchbegriffe oder Frage/).fill('Wann öffnet das Freibad im Sommer?');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Nichts gefunden' }).waitFor();
    expect(await page.locator('.knowledge-results li').count()).toBe(0);
    await page.getByText(/^Keine Textstelle passt genug zu Ihrer Suche/).waitFor();
    await expectAccessible(page, 'search without results');
  });

  it('structures 200 survey answers into topics with counts, quotes and exports', async () => {
    const page = h.page;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Eingaben auswerten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eingaben auswerten' }).waitFor();
    await expectAccessible(page, 'structuring');
    await page.getByLabel(/^Datei oder Dateien/).setInputFiles({ name: 'befragung.csv', mimeType: 'text/csv', buffer: Buffer.from(surveyCsv(200)) });
    await page.getByLabel('Name der Auswertung').fill('Mitgliederbefragung');
    await page.getByLabel(/^Anzahl der Themen/).fill('4');
    await page.getByLabel('Gruppierung').selectOption('terms');
    await page.getByRole('button', { name: 'Auswertung starten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitgliederbefragung' }).waitFor();
    await page.getByText('200 Eingaben in 4 Themen geordnet.').waitFor({ timeout: 60_000 });

    const topics = page.getByRole('region', { name: 'Themen' }).locator('table tbody tr');
    expect(await topics.count()).toBe(4);
    expect((await topics.allTextContents()).every((row) => row.includes('50'))).toBe(true);
    expect((await topics.allTextContents()).map((row) => row.replace(/^\d/, '').replace(/50.*$/, '')).sort()).toEqual(['Besserer Nahverkehr', 'Bezahlbares Wohnen', 'Mehr Kitaplätze', 'Sichere Radwege']);
    expect(await page.getByText(/^Kennung A-\d{3}$/).count()).toBe(12);
    await expectAccessible(page, 'structuring result');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSV (eine Zeile je Eingabe)' }).click();
    const csv = await (await download).createReadStream();
    let text = '';
    for await (const part of csv) text += String(part);
    expect(text.split('\r\n')[0]).toBe('\uFEFFid;cluster;cluster_title;text');
    expect(text.trim().split('\r\n')).toHaveLength(201);
  });
});
