import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { systemCaller } from '../../src/identity/principal.js';
import { buildRiskAnswers } from '../../src/transparency/risk/index.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const system = systemCaller('transparency-browser-test');
const entry = {
  summary: 'Ein Chat beantwortet Fragen zu Sprechzeiten und Anträgen.',
  purpose: 'Bürgerinnen und Bürger finden schneller die richtige Stelle.',
  contact: 'ki@stadt.example',
  responsiblePerson: { name: 'Erika Mustermann', role: 'Leitung Bürgerservice' },
};

describe.skipIf(!browserAvailable)('transparency register in the browser', () => {
  let h: BrowserHarness;
  let visitor: BrowserContext;
  let anonymous: Page;
  let publishedId: string;
  let blockedId: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const services = h.server.services;
    const root = (await services.orgs.root())!;
    const published = await services.transparency.createUseCase(system, root.id, { ...entry, name: 'Bürgerchat Rathaus', internalNotes: 'INTERN-NICHT-ZEIGEN', published: true });
    publishedId = published.id;
    await services.transparency.assessments.record(system, publishedId, buildRiskAnswers({ 'art50-direct-interaction': 'yes' }));
    await services.transparency.createUseCase(system, root.id, { ...entry, name: 'Entwurf ohne Veröffentlichung' });
    const blocked = await services.transparency.createUseCase(system, root.id, { ...entry, name: 'Bewertung von Mitgliedern' });
    blockedId = blocked.id;
    await services.transparency.assessments.record(system, blockedId, buildRiskAnswers({ 'staff-member-scoring': 'yes' }));
    visitor = await h.newContext();
    anonymous = await visitor.newPage();
  });
  afterAll(async () => {
    await visitor?.close();
    await h?.close();
  });

  it('shows the public register to anonymous visitors, without drafts or internal fields', async () => {
    await anonymous.goto('/transparenz');
    await anonymous.getByRole('heading', { level: 1, name: 'KI-Transparenzregister' }).waitFor();
    await anonymous.getByRole('row', { name: /Bürgerchat Rathaus/ }).waitFor();
    const main = (await anonymous.locator('main').textContent()) ?? '';
    expect(main).toContain('Begrenztes Risiko');
    expect(main).not.toContain('Entwurf ohne Veröffentlichung');
    expect(main).not.toContain('INTERN-NICHT-ZEIGEN');
    expect(anonymous.url()).toMatch(/\/transparenz$/);
    await expectAccessible(anonymous, 'public register');
  });

  it('opens an entry with its risk reasoning, printable without navigation', async () => {
    await anonymous.getByRole('link', { name: 'Bürgerchat Rathaus' }).click();
    await anonymous.getByRole('heading', { level: 1, name: 'Bürgerchat Rathaus' }).waitFor();
    await anonymous.getByRole('heading', { name: 'Risikobewertung nach KI-Verordnung' }).waitFor();
    expect(await anonymous.locator('main').textContent()).toContain('Art. 50(1)');
    await expectAccessible(anonymous, 'public entry');
    await anonymous.emulateMedia({ media: 'print' });
    expect(await anonymous.getByRole('navigation', { name: 'Transparenzseiten' }).isVisible()).toBe(false);
    expect(await anonymous.getByRole('button', { name: 'Drucken' }).isVisible()).toBe(false);
    expect(await anonymous.getByRole('heading', { level: 1, name: 'Bürgerchat Rathaus' }).isVisible()).toBe(true);
    await anonymous.emulateMedia({ media: 'screen' });
  });

  it('shows models, incidents, campaign disclosure and the yearly report accessibly', async () => {
    for (const [link, heading] of [
      ['Modelle', 'Empfohlene und ausgeschlossene Modelle'],
      ['Vorfälle', 'Vorfälle'],
      ['Wo wir KI einsetzen', 'Wo wir KI einsetzen'],
      ['Jahresbericht', 'KI-Jahresbericht'],
    ] as const) {
      await anonymous.getByRole('navigation', { name: 'Transparenzseiten' }).getByRole('link', { name: link }).click();
      await anonymous.getByRole('heading', { level: 1, name: heading }).waitFor();
      // Axe checks the page as loaded, not its loading state.
      await anonymous.waitForLoadState('networkidle');
      await expectAccessible(anonymous, `public ${link}`);
    }
    await anonymous.getByRole('heading', { name: 'Anwendungen im KI-Register' }).waitFor();
    await anonymous.getByRole('table', { name: 'Nach Risikoklasse' }).getByRole('row', { name: /Begrenztes Risiko/ }).waitFor();
  });

  it('serves the HTML report itself as an accessible page', async () => {
    const year = new Date().getUTCFullYear();
    await anonymous.goto(`/api/public/transparency/reports/${year}/report.html?lang=de`);
    await anonymous.getByRole('heading', { level: 1, name: `KI-Jahresbericht ${year}` }).waitFor();
    // Risk classes and energy per month always; calls per model only in a year with calls (none here).
    const charts = anonymous.locator('svg[role="img"]');
    expect(await charts.count()).toBe(2);
    for (const chart of await charts.all()) expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    await expectAccessible(anonymous, 'report html');
  });

  it('switches the public pages to English', async () => {
    await anonymous.goto('/transparenz');
    await anonymous.getByRole('button', { name: 'English' }).click();
    await anonymous.getByRole('heading', { level: 1, name: 'AI transparency register' }).waitFor();
    await expectAccessible(anonymous, 'public register (en)');
    await anonymous.getByRole('button', { name: 'Deutsch' }).click();
  });

  it('lets staff register an application, assess it in the wizard and take it live', async () => {
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
    await h.page.getByRole('link', { name: 'KI-Register', exact: true }).click();
    await h.page.getByRole('heading', { level: 1, name: 'KI-Register' }).waitFor();
    await expectAccessible(h.page, 'internal register');
    await h.page.getByLabel(/^Name/).fill('Protokollassistent');
    await h.page.getByLabel(/^Kurzbeschreibung/).fill('Entwürfe für Sitzungsprotokolle.');
    await h.page.getByLabel(/^Zweck/).fill('Weniger Schreibarbeit nach Sitzungen.');
    await h.page.getByLabel(/^Kontakt/).fill('protokoll@stadt.example');
    await h.page.getByLabel(/^Verantwortliche Person \(Name\)/).fill('Max Beispiel');
    await h.page.getByRole('button', { name: 'Eintragen' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Protokollassistent' }).waitFor();
    await expectAccessible(h.page, 'internal entry');

    await h.page.getByRole('button', { name: 'Neue Bewertung beginnen' }).click();
    await h.page.getByText(/^Frage 1 von/).waitFor();
    await expectAccessible(h.page, 'wizard question');
    const answers = buildRiskAnswers();
    for (let step = 0; step < 40; step++) {
      if (await h.page.getByRole('button', { name: 'Bewertung speichern' }).isVisible()) break;
      const name = await h.page.locator('.tp-wizard input').first().getAttribute('name');
      const answer = answers[name!]!;
      for (const value of Array.isArray(answer) ? answer : [answer]) await h.page.locator(`.tp-wizard input[name="${name}"][value="${value}"]`).check();
      await h.page.getByRole('button', { name: 'Weiter' }).click();
      await h.page.waitForFunction((previous) => !document.querySelector(`.tp-wizard input[name="${previous}"]`), name);
    }
    await h.page.getByRole('heading', { name: 'Ergebnis' }).waitFor();
    expect(await h.page.locator('.tp-wizard').textContent()).toContain('Minimales Risiko');
    await expectAccessible(h.page, 'wizard result');
    await h.page.getByRole('button', { name: 'Bewertung speichern' }).click();
    await h.page.getByText(/Aktuelle Bewertung: Version 1/).waitFor();

    await h.page.getByLabel('Neuer Status').selectOption('in_use');
    await h.page.getByRole('button', { name: 'Status ändern' }).click();
    await h.page.getByText('Der Status ist jetzt: Im Einsatz.').waitFor();
    await expectAccessible(h.page, 'internal entry in use');
  });

  it('refuses to take a use case that scores staff or members live, and says why', async () => {
    await h.page.goto(`/steuerung/ki-register/${blockedId}`);
    await h.page.getByRole('heading', { level: 1, name: 'Bewertung von Mitgliedern' }).waitFor();
    await h.page.getByLabel('Neuer Status').selectOption('pilot');
    await h.page.getByRole('button', { name: 'Status ändern' }).click();
    await h.page.getByRole('alert').filter({ hasText: 'darf nicht in Betrieb gehen' }).waitFor();
    expect(await h.server.services.transparency.getUseCase(system, blockedId)).toMatchObject({ status: 'planned' });
    await expectAccessible(h.page, 'blocked entry');
  });

  it('opens a participation round, takes a comment and shows it', async () => {
    await h.page.goto(`/steuerung/ki-register/${blockedId}`);
    await h.page.getByRole('heading', { level: 1, name: 'Bewertung von Mitgliedern' }).waitFor();
    await h.page.getByLabel('Einladung und Fragen an die Beteiligten').fill('Bitte sagen Sie uns Ihre Meinung.');
    const closes = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await h.page.getByLabel(/^Letzter Tag der Beteiligung/).fill(closes);
    await h.page.getByRole('button', { name: 'Beteiligung eröffnen' }).click();
    await h.page.getByText(/Runde 1: .* – läuft/).waitFor();
    await h.page.getByLabel('Ich schreibe als').selectOption('staff_representative');
    await h.page.getByLabel('Ihr Kommentar').fill('Die Personalvertretung lehnt eine Bewertung von Mitgliedern ab.');
    await h.page.getByRole('button', { name: 'Kommentar senden' }).click();
    await h.page.getByText('Die Personalvertretung lehnt eine Bewertung von Mitgliedern ab.').waitFor();
    await expectAccessible(h.page, 'participation');
  });
});
