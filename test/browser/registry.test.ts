import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

describe.skipIf(!browserAvailable)('model registry in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
    const services = h.server.services;
    const root = (await services.orgs.root())!;
    const admin = await services.users.findByEmail(BROWSER_ADMIN.email);
    await services.users.setRoles(systemCaller('test'), root.id, admin!.id, ['admin', 'reviewer']);
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  });
  afterAll(async () => h?.close());

  it('tells a fresh install what to do next', async () => {
    await h.page.getByRole('heading', { name: 'Ersteinrichtung' }).waitFor();
    expect(await h.page.locator('main').textContent()).toContain('leitplanke models pull');
    await expectAccessible(h.page, 'home with setup');
  });

  it('lists, filters and opens model cards with the score breakdown', async () => {
    await h.page.getByRole('link', { name: 'Modellregister' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Modellregister' }).waitFor();
    await h.page.getByRole('row', { name: /EuroLLM 9B/ }).waitFor();
    await expectAccessible(h.page, 'registry list');
    await h.page.getByLabel('Suche').fill('apertus');
    await expect.poll(async () => h.page.getByRole('row').count()).toBe(3);
    await h.page.getByRole('link', { name: /Apertus 8B/ }).click();
    await h.page.getByRole('heading', { name: 'Bewertung nach der veröffentlichten Formel' }).waitFor();
    const scoreTable = h.page.getByRole('table', { name: 'Bewertung nach der veröffentlichten Formel' });
    expect(await scoreTable.getByRole('row').count()).toBe(9);
    await expectAccessible(h.page, 'model card');
  });

  it('lets a reviewer exclude a model with a reason and category', async () => {
    await h.page.getByLabel('Neuer Status').selectOption('excluded');
    await h.page.getByLabel('Ausschlussgrund').selectOption('security');
    await h.page.getByLabel(/^Begründung/).fill('Sicherheitslücke in der Vorlage');
    await h.page.getByRole('button', { name: 'Status ändern' }).click();
    await h.page.getByText('Der Status wurde geändert.').waitFor();
    await h.page.getByRole('row', { name: /Sicherheitslücke in der Vorlage/ }).waitFor();
    await expectAccessible(h.page, 'model card after decision');
  });

  it('compares models side by side', async () => {
    await h.page.getByRole('link', { name: 'Zurück zum Register' }).click();
    await h.page.getByLabel('EuroLLM 9B Instruct zum Vergleich auswählen').check();
    await h.page.getByLabel('EuroLLM 22B Instruct zum Vergleich auswählen').check();
    await h.page.getByRole('button', { name: /Ausgewählte vergleichen/ }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Modelle vergleichen' }).waitFor();
    await h.page.getByRole('row', { name: /Gesamt/ }).waitFor();
    await expectAccessible(h.page, 'compare');
  });

  it('shows providers, the prioritisation and organisation rules accessibly', async () => {
    for (const [link, heading] of <[string, string][]>[
      ['Anbieter', 'Anbieter'],
      ['Priorisierung', 'Transparente Priorisierung'],
      ['Regeln der Organisation', 'Regeln der Organisation'],
      ['Prüfwarteschlange', 'Prüfwarteschlange'],
    ]) {
      await h.page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      await h.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(h.page, heading);
    }
  });
});
