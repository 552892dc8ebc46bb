import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { makeOrg, makeUser } from '../helpers/test-app.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const PRESS_RELEASE = '## Entwurf\n\nDer Kreisverband eröffnet ein **Repair-Café**. Es startet am 12. Mai im Bürgerhaus.\n\n- jeden zweiten Samstag\n- Ehrenamtliche gesucht\n\nBitte prüfen Sie das Datum vor dem Versand.';
const today = () => new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date());

/** No horizontal scrolling at this viewport (WCAG 1.4.10 reflow; 640 px wide ≈ 1280 px at 200 % zoom). */
async function reflows(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
}

describe.skipIf(!browserAvailable)('AI workspace in the browser', () => {
  let h: BrowserHarness;
  let upstream: FakeUpstream;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    h = await startBrowserHarness({ seed_catalogue: false });
    const { registry } = h.server.services;
    const reviewer = systemCaller('browser-test');
    await registry.connectProvider(reviewer, { id: 'fake', adapter: 'openai-compatible', baseUrl: upstream.url, zone: 'own', jurisdiction: 'DE', options: { maxRetries: 0, timeoutMs: 10_000, idleTimeoutMs: 10_000 } });
    for (const [id, name, activeB] of [
      ['modell-klein', 'Kleines Modell', 8],
      ['modell-gross', 'Großes Modell', 70],
    ] as const) {
      await registry.upsertModel(reviewer, { id, name, kind: 'chat', status: 'approved', deployments: [{ providerId: 'fake', upstreamModel: id }], card: { parameters: { activeB, totalB: activeB } } });
    }
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.server.url });
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  });
  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('greets staff with a start page of assistants; the alt-text assistant waits for a model that reads images', async () => {
    await h.page.goto('/');
    await h.page.getByRole('heading', { level: 1, name: 'Willkommen, Administration' }).waitFor();
    const assistants = h.page.getByRole('region', { name: 'Assistenten für Ihre Arbeit' });
    await assistants.getByRole('heading', { name: 'Pressemitteilung entwerfen' }).waitFor();
    for (const name of ['Antwort auf einen Brief', 'Übersetzen', 'Leichte Sprache und einfache Sprache', 'Langes Dokument zusammenfassen', 'Antrag oder Änderungsantrag formulieren']) {
      expect(await assistants.getByRole('heading', { name }).count(), name).toBe(1);
    }
    expect(await assistants.getByRole('heading', { name: 'Alternativtext für ein Bild' }).count()).toBe(0);
    // Without the organisation's own AI guidelines, the rules in short are Leitplanke's shipped sentences.
    const rules = h.page.getByRole('region', { name: 'Kurz gesagt: so nutzen wir KI' });
    await rules.getByRole('listitem').filter({ hasText: /^Sie entscheiden, nicht die KI/ }).waitFor();
    expect(await rules.getByRole('link', { name: 'Mehr in „Hilfe und Regeln“' }).getAttribute('href')).toBe('/hilfe');
    const work = h.page.getByRole('navigation', { name: 'Hauptnavigation' });
    for (const name of ['Chat', 'Assistenten', 'Modellvergleich', 'Hilfe und Regeln', 'Meine Daten']) await work.getByRole('link', { name, exact: true }).waitFor();
    await expectAccessible(h.page, 'workspace start page');
  });

  it('chats with an assistant: a streamed, labelled Markdown answer, announced politely, with the energy total', async () => {
    upstream.script('modell-klein', { reply: () => PRESS_RELEASE, chunkDelayMs: 40 });
    await h.page.getByRole('link', { name: 'Verwenden: Pressemitteilung entwerfen' }).click();
    await h.page.getByRole('heading', { level: 2, name: 'Neue Unterhaltung' }).waitFor();
    await expect.poll(() => h.page.getByLabel('Assistent für diese Unterhaltung').inputValue()).not.toBe('');
    const picker = h.page.getByLabel('Modell', { exact: true });
    expect(await picker.locator('option').allTextContents()).toEqual(['Kleines Modell · zugelassen · Energieklasse A', 'Großes Modell · zugelassen · Energieklasse C']);
    expect(await h.page.getByText('Status im Modellregister: zugelassen. Betrieb: eigene Server.').count()).toBe(1);
    await expectAccessible(h.page, 'new conversation');

    // Count what screen readers would hear: every change of the polite live region.
    await h.page.evaluate(() => {
      const region = document.querySelector('[data-testid="answer-announcer"]')!;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await h.page.getByRole('button', { name: 'Pressemitteilung entwerfen' }).count();
    const input = h.page.getByLabel('Ihre Nachricht an die KI');
    await input.fill('Stichpunkte: Repair-Café ab 12. Mai im Bürgerhaus, Ehrenamtliche gesucht');
    await input.press('Enter');
    await h.page.getByRole('button', { name: 'Antwort stoppen' }).waitFor();
    expect(await h.page.locator('article[aria-busy="true"]').count()).toBe(1);
    const label = h.page.locator('.ai-label').filter({ hasText: 'KI-generiert · Kleines Modell' });
    await label.waitFor({ timeout: 20_000 });
    expect(await label.textContent()).toContain(`KI-generiert · Kleines Modell · ${today()}`);

    const answer = h.page.locator('.message-answer').last();
    expect(await answer.getByRole('heading', { level: 4, name: 'Entwurf' }).count()).toBe(1);
    expect(await answer.locator('strong').textContent()).toBe('Repair-Café');
    expect(await answer.getByRole('listitem').allTextContents()).toEqual(['jeden zweiten Samstag', 'Ehrenamtliche gesucht']);
    await h.page.getByText(/Energiebedarf dieser Unterhaltung \(1 Modellaufruf\): [\d,]+ Wh · [\d,]+ g CO₂e/).waitFor();
    // The conversation is titled after the first question, shortened at a word boundary.
    await h.page.getByRole('heading', { level: 2, name: 'Stichpunkte: Repair-Café ab 12. Mai im Bürgerhaus …', exact: true }).waitFor();

    const said = await h.page.evaluate(() => (window as unknown as { said: string[] }).said);
    const deltas = PRESS_RELEASE.match(/\S+\s*/g)!.length;
    expect(said.at(-1)).toContain('Antwort vollständig.');
    expect(said.length).toBeLessThan(deltas / 3);
    const system = upstream.requests.at(-1)!.body.messages[0]!.content as string;
    expect(system).toContain('Pressestelle');
    await expectAccessible(h.page, 'chat with answer');
  });

  it('copies an answer with its AI label line', async () => {
    await h.page.getByRole('button', { name: 'Mit KI-Kennzeichnung kopieren' }).click();
    await h.page.getByText('Kopiert – mit der Zeile').waitFor();
    const copied = await h.page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('## Entwurf')).toBe(true);
    expect(copied.endsWith(`\n\n— KI-generiert · Kleines Modell · ${today()}`)).toBe(true);
  });

  it('stops an answer with Escape (reduced motion: no blinking cursor); the partial answer is kept and marked', async () => {
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
    upstream.script('modell-klein', { reply: () => Array.from({ length: 80 }, (_, index) => `Satz${index}.`).join(' '), chunkDelayMs: 80 });
    const abortedBefore = upstream.aborted;
    const input = h.page.getByLabel('Ihre Nachricht an die KI');
    await input.fill('Bitte eine sehr lange Antwort');
    await input.press('Enter');
    await h.page.locator('.message-answer .typing').waitFor();
    expect(await h.page.evaluate(() => getComputedStyle(document.querySelector('.typing')!, '::after').content)).toBe('none');
    await h.page.locator('.message-answer[aria-busy], .message-answer article[aria-busy="true"]').getByText(/Satz2\./).waitFor();
    await input.press('Escape');
    await h.page.getByText('abgebrochen, unvollständig').waitFor();
    await expect.poll(() => upstream.aborted).toBe(abortedBefore + 1);
    expect(await h.page.locator('.message-answer').last().textContent()).toMatch(/Satz0\. Satz1\. Satz2\./);
    await h.page.emulateMedia({ reducedMotion: 'no-preference' });
    upstream.script('modell-klein', {});
  });

  it('regenerates the last answer with another model, and edits and resends a question', async () => {
    await h.page.getByLabel('Modell', { exact: true }).selectOption('modell-gross');
    await h.page.getByRole('button', { name: 'Neu erzeugen' }).click();
    await h.page.locator('.ai-label').filter({ hasText: 'Großes Modell' }).waitFor();
    expect(await h.page.locator('.message-answer').last().textContent()).toContain('Echo: Bitte eine sehr lange Antwort');

    await h.page.getByRole('button', { name: 'Bearbeiten' }).first().click();
    await h.page.getByLabel('Nachricht bearbeiten').fill('Kurze Frage zum Repair-Café');
    await h.page.getByRole('button', { name: 'Speichern und neu senden' }).click();
    await h.page.locator('.message-answer').filter({ hasText: 'Echo: Kurze Frage zum Repair-Café' }).locator('.ai-label').waitFor();
    expect(await h.page.locator('.message').count()).toBe(2);
  });

  it('renames, finds (German full-text search) and deletes conversations', async () => {
    await h.page.getByRole('button', { name: 'Umbenennen' }).click();
    await h.page.getByLabel('Neuer Titel').fill('Repair-Café Pressearbeit');
    await h.page.getByRole('button', { name: 'Speichern' }).click();
    await h.page.getByRole('heading', { level: 2, name: 'Repair-Café Pressearbeit' }).waitFor();
    const list = h.page.getByRole('navigation', { name: 'Ihre Unterhaltungen' });
    expect(await list.getByRole('link', { name: /Repair-Café Pressearbeit/ }).getAttribute('aria-current')).toBe('page');

    await h.page.getByLabel('Unterhaltungen durchsuchen').fill('Fragen');
    await h.page.getByRole('button', { name: 'Suchen' }).click();
    await h.page.getByText('1 Treffer für „Fragen“').waitFor();
    await h.page.getByLabel('Unterhaltungen durchsuchen').fill('Haushaltsrede');
    await h.page.getByRole('button', { name: 'Suchen' }).click();
    await h.page.getByText('0 Treffer für „Haushaltsrede“').waitFor();
    await expectAccessible(h.page, 'chat search');

    h.page.once('dialog', (dialog) => void dialog.accept());
    await h.page.getByRole('button', { name: 'Löschen' }).click();
    await h.page.getByText('Die Unterhaltung wurde endgültig gelöscht.').waitFor();
    expect(await h.server.services.workspace.conversations.list(systemCaller('x') as never).catch(() => 'no personal login')).toBe('no personal login');
  });

  it('compares two models side by side with latency, tokens and energy', async () => {
    upstream.script('modell-klein', { reply: () => 'Leichte Sprache hat kurze Sätze.', chunkDelayMs: 20 });
    upstream.script('modell-gross', { reply: () => 'Leichte Sprache ist eine Form des Deutschen mit festen Regeln: kurze Sätze, bekannte Wörter.', chunkDelayMs: 20 });
    await h.page.getByRole('link', { name: 'Modellvergleich', exact: true }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Modellvergleich' }).waitFor();
    await expectAccessible(h.page, 'playground');
    await h.page.getByLabel('Kleines Modell').check();
    await h.page.getByLabel('Großes Modell').check();
    await h.page.getByLabel('Eingabe', { exact: true }).fill('Was ist Leichte Sprache?');
    await h.page.getByRole('button', { name: 'Vergleichen' }).click();
    const columns = h.page.locator('.comparison-column');
    await columns.nth(1).locator('table').waitFor({ timeout: 20_000 });
    await columns.nth(0).locator('table').waitFor();
    for (const index of [0, 1]) {
      const column = columns.nth(index);
      expect(await column.getByRole('rowheader').allTextContents()).toEqual(['Antwortzeit', 'Erster Text nach', 'Tokens (Eingabe / Ausgabe)', 'Energie (geschätzt)', 'CO₂-Äquivalent']);
      expect(await column.getByRole('row', { name: /Energie/ }).textContent()).toMatch(/[\d,]+ Wh/);
      expect(await column.locator('.ai-label').textContent()).toMatch(/^KI-generiert · (Kleines|Großes) Modell · /);
    }
    expect(await columns.nth(1).textContent()).toContain('feste');
    await expectAccessible(h.page, 'playground with results');
  });

  it("lets the administration write the organisation's AI guidelines on the help page by keyboard; members of a sub-organisation see them", async () => {
    const page = h.page;
    const root = (await h.server.services.orgs.root())!;
    await page.getByRole('link', { name: 'Hilfe und Regeln', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Hilfe und Regeln' }).waitFor();
    await page.getByText(`Vorgaben von Leitplanke: „${root.name}“ hat noch keine eigenen KI-Leitlinien hinterlegt.`).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Datenschutz-Hinweise' }).waitFor();
    const form = page.getByRole('region', { name: 'KI-Leitlinien bearbeiten' });
    await form.getByText('Die Felder enthalten die Vorgaben von Leitplanke als Ausgangspunkt.').waitFor();
    await expectAccessible(page, 'help with the guidelines form');

    // Add a don't by keyboard: focus lands in the new item's German field; saving it empty is refused and announced.
    const donts = form.getByRole('group', { name: 'Bitte nicht' });
    await donts.getByRole('button', { name: 'Punkt zu „Bitte nicht“ hinzufügen' }).focus();
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => ({ label: (document.activeElement as HTMLTextAreaElement).labels?.[0]?.textContent ?? '', list: document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent, value: (document.activeElement as HTMLTextAreaElement).value }));
    await expect.poll(focused).toMatchObject({ label: 'Punkt 7 auf Deutsch (Pflichtfeld)', list: 'Bitte nicht', value: '' });
    expect(await form.getByRole('status').textContent()).toBe('Neuer Punkt 7 in „Bitte nicht“.');
    await form.getByRole('button', { name: 'Leitlinien speichern' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText('„Bitte nicht“, Punkt 7 auf Deutsch', { exact: false }).waitFor();
    const newDont = donts.getByLabel('Punkt 7 auf Deutsch');
    expect(await newDont.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'guidelines form with an error');

    await newDont.fill('Keine KI-Bilder, die wie Fotos echter Ereignisse wirken.');
    await donts.getByLabel('Punkt 7 auf Englisch (optional)').fill('No AI images that look like photos of real events.');
    // Remove the second do: focus moves to the item that takes its place.
    const dos = form.getByRole('group', { name: 'Bitte so' });
    await dos.getByRole('button', { name: 'Punkt 2 aus „Bitte so“ entfernen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatchObject({ label: 'Punkt 2 auf Deutsch (Pflichtfeld)', list: 'Bitte so', value: expect.stringMatching(/^Wählen Sie das sparsamste Modell/) });
    expect(await form.getByRole('status').textContent()).toBe('Punkt 2 aus „Bitte so“ entfernt.');
    // The first data-protection hint keeps only its German text: English readers get the German one.
    await form.getByRole('group', { name: 'Datenschutz-Hinweise' }).getByLabel('Punkt 1 auf Englisch (optional)').fill('');
    await form.getByLabel('Link zur vollständigen Leitlinie (optional)').fill('https://partei.example/ki-leitlinien.pdf');
    await form.getByRole('button', { name: 'Leitlinien speichern' }).click();
    await form.getByText('Die KI-Leitlinien wurden gespeichert.').waitFor();

    const rules = page.getByRole('region', { name: 'Das gilt bei uns' });
    await rules.getByText(`KI-Leitlinien von „${root.name}“ · Stand: ${today()}`).waitFor();
    await rules.getByRole('listitem').filter({ hasText: 'Keine KI-Bilder, die wie Fotos echter Ereignisse wirken.' }).waitFor();
    expect(await rules.getByText(/^Kennzeichnen Sie wesentlich KI-erstellte Inhalte/).count()).toBe(0);
    expect(await rules.getByRole('link', { name: 'Die vollständigen KI-Leitlinien lesen' }).getAttribute('href')).toBe('https://partei.example/ki-leitlinien.pdf');
    await form.getByRole('button', { name: 'Eigene Leitlinien entfernen' }).waitFor();
    await expectAccessible(page, 'help with own guidelines');

    // A member of a county below sees the same guidelines, marked as set above, and no edit form.
    const county = await makeOrg(h.server.services, 'kv-leitlinien');
    const member = await makeUser(h.server.services, county.id, ['member']);
    const visitor = await h.newContext();
    try {
      const memberPage = await visitor.newPage();
      await loginThroughUi(memberPage, member.email, member.password);
      // The start page shows the first do's and don'ts of these guidelines, with the way to all of them.
      await memberPage.goto('/');
      const inShort = memberPage.getByRole('region', { name: 'Kurz gesagt: so nutzen wir KI' });
      await inShort.getByText(`Aus den KI-Leitlinien von „${root.name}“:`).waitFor();
      const shownDos = await inShort.locator('.do-list li').allTextContents();
      expect(shownDos).toHaveLength(3);
      expect(shownDos[0]).toMatch(/^Prüfen Sie jede Antwort/);
      // The removed second do is gone; the fourth (now "Nennen Sie Quellen …") waits on the help page.
      expect(shownDos[1]).toMatch(/^Wählen Sie das sparsamste Modell/);
      expect(shownDos.join(' ')).not.toContain('Kennzeichnen Sie wesentlich');
      expect(shownDos.join(' ')).not.toContain('Nennen Sie Quellen');
      const shownDonts = await inShort.locator('.dont-list li').allTextContents();
      expect(shownDonts).toHaveLength(3);
      expect(shownDonts[0]).toMatch(/^Keine personenbezogenen Daten eingeben/);
      expect(await inShort.getByText(/^Sie entscheiden, nicht die KI/).count()).toBe(0);
      expect(await inShort.getByRole('link', { name: 'Alle KI-Leitlinien und Datenschutz-Hinweise in „Hilfe und Regeln“' }).getAttribute('href')).toBe('/hilfe');
      await expectAccessible(memberPage, 'start page with the organisation guidelines');
      await memberPage.goto('/hilfe');
      const memberRules = memberPage.getByRole('region', { name: 'Das gilt bei uns' });
      await memberRules.getByText(`KI-Leitlinien von „${root.name}“, sie gelten auch für „${county.name}“ · Stand: ${today()}`).waitFor();
      await memberRules.getByRole('listitem').filter({ hasText: 'Keine KI-Bilder, die wie Fotos echter Ereignisse wirken.' }).waitFor();
      expect(await memberPage.getByRole('heading', { name: 'KI-Leitlinien bearbeiten' }).count()).toBe(0);
      await expectAccessible(memberPage, 'help as a member with inherited guidelines');

      // In English: English texts where written, the German one (marked lang="de") where not.
      await visitor.addCookies([{ name: 'lp_lang', value: 'en', url: h.server.url }]);
      await memberPage.reload();
      const english = memberPage.getByRole('region', { name: 'What applies here' });
      const asOf = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date());
      await english.getByText(`AI guidelines of “${root.name}”, which also apply to “${county.name}” · As of: ${asOf}`).waitFor();
      await english.getByRole('listitem').filter({ hasText: 'No AI images that look like photos of real events.' }).waitFor();
      const germanHint = english.getByRole('listitem').filter({ hasText: /^Ersetzen Sie Namen, Anschriften/ });
      expect(await germanHint.getAttribute('lang')).toBe('de');
      expect(await english.getByRole('listitem').filter({ hasText: /^Health data, political opinions/ }).getAttribute('lang')).toBeNull();
      await expectAccessible(memberPage, 'help in English with a German fallback');
      await memberPage.goto('/');
      const englishShort = memberPage.getByRole('region', { name: 'In short: how we use AI' });
      await englishShort.getByText(`From the AI guidelines of “${root.name}”:`).waitFor();
      expect(await englishShort.locator('.do-list li').first().textContent()).toMatch(/^Check every answer/);
      await expectAccessible(memberPage, 'start page in English with the organisation guidelines');
    } finally {
      await visitor.close();
    }
  });

  it('offers help, assistant editing and data rights accessibly; erasing removes every conversation', async () => {
    await h.page.getByRole('link', { name: 'Hilfe und Regeln', exact: true }).first().click();
    await h.page.getByRole('heading', { level: 1, name: 'Hilfe und Regeln' }).waitFor();
    await h.page.getByRole('heading', { name: 'Bitte nicht' }).waitFor();
    await expectAccessible(h.page, 'help');

    await h.page.getByRole('link', { name: 'Assistenten', exact: true }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Assistenten' }).waitFor();
    await h.page.getByLabel(/^Name/).fill('Ratsanfragen');
    await h.page.getByLabel(/^Anweisung an die KI/).fill('Du hilfst bei Anfragen an den Stadtrat.');
    await h.page.getByRole('button', { name: 'Assistent anlegen' }).click();
    await h.page.getByText('Der Assistent „Ratsanfragen“ wurde angelegt.').waitFor();
    await expectAccessible(h.page, 'assistants');

    await h.page.getByRole('link', { name: 'Meine Daten', exact: true }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Meine Daten' }).waitFor();
    expect(await h.page.getByRole('link', { name: 'Meine Daten herunterladen (JSON)' }).getAttribute('href')).toBe('/api/workspace/my-data');
    await h.page.getByLabel('Tage nach der letzten Nachricht').fill('90');
    await h.page.getByRole('button', { name: 'Speichern' }).click();
    await h.page.getByText('Die Löschfrist wurde gespeichert.').waitFor();
    await h.page.getByText('Unterhaltungen 90 Tage nach der letzten Nachricht automatisch gelöscht').waitFor();
    await expectAccessible(h.page, 'my data');
    // A personal knowledge-base collection of mine is erased with the rest, and the notice counts it.
    const created = await h.page.evaluate(async (orgId) => {
      const { csrfToken } = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(`/api/orgs/${orgId}/knowledge/collections`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ name: 'Meine Notizen', scope: 'personal' }),
      });
      return response.status;
    }, (await h.server.services.orgs.root())!.id);
    expect(created).toBe(201);
    const conversations = (await h.page.evaluate(() => fetch('/api/workspace/conversations').then((response) => response.json() as Promise<unknown[]>))).length;
    await h.page.getByLabel(/Ich verstehe/).check();
    await h.page.getByRole('button', { name: 'Alle meine Daten löschen' }).click();
    const erased = h.page.getByRole('status').filter({ hasText: /^Gelöscht: / });
    await erased.waitFor();
    expect(await erased.textContent()).toMatch(new RegExp(`^Gelöscht: ${conversations} Unterhaltungen?\\. Persönliche Sammlungen und Auswertungen der Wissensdatenbank: 1\\. Aufbewahrte Texte: \\d+\\.$`));
    const left = await h.page.evaluate(() => fetch('/api/workspace/conversations').then((response) => response.json() as Promise<unknown[]>));
    expect(left).toEqual([]);
  });

  it('reflows at 200 % zoom (640 px wide) without horizontal scrolling', async () => {
    await h.page.setViewportSize({ width: 640, height: 480 });
    for (const path of ['/', '/chat', '/modellvergleich', '/assistenten', '/hilfe', '/meine-daten']) {
      await h.page.goto(path);
      await h.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await reflows(h.page), path).toBe(true);
    }
    await h.page.setViewportSize({ width: 1280, height: 720 });
  });
});
