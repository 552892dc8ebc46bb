import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const LETTER = 'Bitte schreiben Sie an Jonas Weber, IBAN DE89 3704 0044 0532 0130 00, Hauptstraße 12, 04109 Leipzig.';

describe.skipIf(!browserAvailable)('data-protection guard in the browser', () => {
  let h: BrowserHarness;
  let upstream: FakeUpstream;
  const sentTo = (upstreamModel: string) => upstream.requests.filter((request) => request.body.model === upstreamModel);
  const focusInside = (selector: string) => h.page.evaluate((css) => !!document.activeElement?.closest(css), selector);

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    h = await startBrowserHarness({ seed_catalogue: false });
    const { registry } = h.server.services;
    const reviewer = systemCaller('browser-test');
    const options = { maxRetries: 0, timeoutMs: 10_000, idleTimeoutMs: 10_000 };
    await registry.connectProvider(reviewer, { id: 'eu-cloud', adapter: 'openai-compatible', baseUrl: upstream.url, zone: 'eu', jurisdiction: 'DE', options });
    await registry.connectProvider(reviewer, { id: 'us-platform', adapter: 'openai-compatible', baseUrl: upstream.url, zone: 'non-eu', jurisdiction: 'US', options });
    await registry.upsertModel(reviewer, { id: 'eu-modell', name: 'EU-Modell', kind: 'chat', status: 'approved', deployments: [{ providerId: 'eu-cloud', upstreamModel: 'eu-upstream' }], card: { parameters: { activeB: 8, totalB: 8 } } });
    await registry.upsertModel(reviewer, { id: 'us-modell', name: 'US-Modell', kind: 'chat', status: 'approved', deployments: [{ providerId: 'us-platform', upstreamModel: 'us-upstream' }], card: { parameters: { activeB: 8, totalB: 8 } } });
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  });
  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('shows what will be replaced before a prompt goes to an EU processor; the model gets placeholders, the person the real values', async () => {
    const { page } = h;
    await page.goto('/chat');
    await page.getByLabel('Modell', { exact: true }).selectOption('eu-modell');
    expect(await page.getByLabel('Datenklasse dieser Unterhaltung').inputValue()).toBe('internal');
    const input = page.getByLabel('Ihre Nachricht an die KI');
    await input.fill(LETTER);
    await input.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Vor dem Senden: personenbezogene Daten werden ersetzt' });
    await dialog.waitFor();
    expect(await focusInside('dialog')).toBe(true);
    const replacements = dialog.getByRole('list', { name: 'Was ersetzt wird (3 Angaben)' }).getByRole('listitem');
    expect(await replacements.allTextContents()).toEqual([
      'Jonas Weber →  wird ersetzt durch [PERSON_1] (Person)',
      'DE89 3704 0044 0532 0130 00 →  wird ersetzt durch [IBAN_1] (IBAN)',
      'Hauptstraße 12, 04109 Leipzig →  wird ersetzt durch [ADDRESS_1] (Anschrift)',
    ]);
    // Marked in the message itself with the type as text, not by colour alone.
    expect(await dialog.locator('mark').allTextContents()).toEqual(['Jonas Weber [Person]', 'DE89 3704 0044 0532 0130 00 [IBAN]', 'Hauptstraße 12, 04109 Leipzig [Anschrift]']);
    await expectAccessible(page, 'chat with the guard preview dialog');

    // Escape goes back to editing: nothing sent, the text is still there, focus back in the composer.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await input.inputValue()).toBe(LETTER);
    expect(await focusInside('textarea')).toBe(true);
    expect(sentTo('eu-upstream')).toHaveLength(0);

    await input.press('Enter');
    await dialog.getByRole('button', { name: 'Mit Platzhaltern senden' }).click();
    const answer = page.locator('.message-answer').last();
    await answer.locator('.ai-label').waitFor({ timeout: 20_000 });
    expect(await answer.locator('.answer-text').textContent()).toContain(`Echo: ${LETTER}`);

    const received = JSON.stringify(sentTo('eu-upstream').map((request) => request.body.messages));
    for (const secret of ['Jonas Weber', 'DE89', '0532 0130', 'Hauptstraße', '04109']) expect(received).not.toContain(secret);
    for (const placeholder of ['[PERSON_1]', '[IBAN_1]', '[ADDRESS_1]']) expect(received).toContain(placeholder);
  });

  it('explains before sending why special categories of personal data may not go outside the EU', async () => {
    const { page } = h;
    await page.goto('/chat');
    await page.getByRole('heading', { level: 2, name: 'Neue Unterhaltung' }).waitFor();
    await page.getByLabel('Modell', { exact: true }).selectOption('us-modell');
    const input = page.getByLabel('Ihre Nachricht an die KI');
    await input.fill('Frau Schneider ist an Diabetes erkrankt. Bitte einen Brief an sie entwerfen.');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'Diese Nachricht kann so nicht gesendet werden' });
    await dialog.waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('besonders schützenswerte Daten (Art. 9 DSGVO: Gesundheit)');
    expect(await dialog.getByRole('button', { name: 'Mit Platzhaltern senden' }).count()).toBe(0);
    expect(await dialog.locator('mark.guard-mark-special').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'chat with the blocked-prompt dialog');
    await dialog.getByRole('button', { name: 'Nachricht bearbeiten' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(sentTo('us-upstream')).toHaveLength(0);
  });

  it('a confidential conversation is held back from the EU processor, with the reason', async () => {
    const { page } = h;
    await page.getByLabel('Modell', { exact: true }).selectOption('eu-modell');
    await page.getByLabel('Datenklasse dieser Unterhaltung').selectOption('confidential');
    await page.getByLabel('Ihre Nachricht an die KI').fill('Haushaltsentwurf 2027, noch nicht beschlossen.');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Diese Nachricht kann so nicht gesendet werden' });
    expect(await dialog.getByRole('alert').textContent()).toContain('Daten der Klasse „vertraulich“');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('asks before each model outside the own servers in the model comparison', async () => {
    const { page } = h;
    await page.goto('/modellvergleich');
    await page.getByRole('heading', { level: 1, name: 'Modellvergleich' }).waitFor();
    await page.getByLabel('EU-Modell').check();
    await page.getByLabel('US-Modell').check();
    await page.getByLabel('Eingabe', { exact: true }).fill('Bitte eine Antwort an Jonas Weber entwerfen.');
    await page.getByRole('button', { name: 'Vergleichen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vor dem Senden: personenbezogene Daten werden ersetzt' });
    for (const model of ['EU-Modell', 'US-Modell']) {
      await dialog.getByText(`„${model}“ läuft bei`).waitFor();
      expect(await dialog.getByRole('listitem').allTextContents()).toEqual(['Jonas Weber →  wird ersetzt durch [PERSON_1] (Person)']);
      await dialog.getByRole('button', { name: 'Mit Platzhaltern senden' }).click();
    }
    const columns = page.locator('.comparison-column');
    await columns.nth(1).locator('.ai-label').waitFor({ timeout: 20_000 });
    await columns.nth(0).locator('.ai-label').waitFor();
    for (const index of [0, 1]) expect(await columns.nth(index).textContent()).toContain('Echo: Bitte eine Antwort an Jonas Weber entwerfen.');
    for (const upstreamModel of ['eu-upstream', 'us-upstream']) {
      const last = JSON.stringify(sentTo(upstreamModel).at(-1)!.body.messages);
      expect(last).toContain('[PERSON_1]');
      expect(last).not.toContain('Jonas Weber');
    }
  });

  it('lets an administrator save an own pattern, rejects an unsafe one at its field, and try the settings out', async () => {
    const { page } = h;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Datenschutz-Filter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Datenschutz-Filter' }).waitFor();
    await expectAccessible(page, 'guard settings page');

    await page.getByRole('button', { name: 'Muster hinzufügen' }).click();
    const first = page.getByRole('group', { name: /^Muster 1/ });
    await page.keyboard.type('Mitgliedsnummer'); // focus moved to the new pattern's name field
    expect(await first.getByLabel(/^Bezeichnung/).inputValue()).toBe('Mitgliedsnummer');
    await first.getByLabel(/^Regulärer Ausdruck/).fill('M-\\d{6}');
    // The page reloads the settings after saving; held back here so that it lands while the next pattern is
    // typed — which must not undo the typing.
    await page.route('**/guard-settings', async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    const reloaded = page.waitForResponse((response) => response.url().endsWith('/guard-settings') && response.request().method() === 'GET');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await page.getByText('Die Einstellungen sind gespeichert.').waitFor();

    await page.getByRole('button', { name: 'Muster hinzufügen' }).click();
    const second = page.getByRole('group', { name: /^Muster 2/ });
    await second.getByLabel(/^Bezeichnung/).fill('Kaputt');
    await reloaded;
    await page.unroute('**/guard-settings');
    expect(await second.getByLabel(/^Bezeichnung/).inputValue()).toBe('Kaputt');
    const regex = second.getByLabel(/^Regulärer Ausdruck/);
    await regex.fill('(a+)+');
    await page.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await second.locator('.field-error').waitFor();
    expect(await second.locator('.field-error').textContent()).toContain('unbegrenzte Wiederholungen');
    expect(await regex.getAttribute('aria-invalid')).toBe('true');
    expect(await regex.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectAccessible(page, 'guard settings with a field error');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Datenschutz-Filter' }).waitFor();
    await page.getByRole('group', { name: /^Muster 1/ }).waitFor();
    expect(await page.getByRole('group', { name: /^Muster \d/ }).count()).toBe(1);
    expect(await page.getByRole('group', { name: /^Muster 1/ }).getByLabel(/^Regulärer Ausdruck/).inputValue()).toBe('M-\\d{6}');

    await page.getByLabel('Modell', { exact: true }).selectOption('eu-modell');
    await page.getByLabel('Text zum Prüfen').fill('Mitglied M-123456 hat angerufen.');
    await page.getByRole('button', { name: 'Prüfen', exact: true }).click();
    await page.getByText('Dieser Text würde mit Platzhaltern gesendet.').waitFor();
    expect(await page.getByRole('list', { name: /Was ersetzt wird/ }).textContent()).toContain('M-123456 →  wird ersetzt durch [CUSTOM_1] (Mitgliedsnummer)');
    await expectAccessible(page, 'guard settings with a tried text');
  });
});
