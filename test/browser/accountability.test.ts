import sharp from 'sharp';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const system = systemCaller('accountability-browser-test');
const REVIEWER = { email: 'pruefer@browser.example', password: 'reviewer test password 1' };

/**
 * OPEN-4, SOV-3, OPEN-3 in the browser: the public complaint form and status page (no account, proof
 * of work solved in the browser), the complaint office, the four-eyes rule for exceptions, incidents.
 */
describe.skipIf(!browserAvailable)('accountability in the browser', () => {
  let h: BrowserHarness;
  let visitor: BrowserContext;
  let anonymous: Page;
  let second: BrowserContext;
  let reviewer: Page;
  let screenshot: Buffer;
  let caseNumber = '';
  let code = '';

  beforeAll(async () => {
    h = await startBrowserHarness({ complaint_pow_bits: 14 });
    const { services } = h.server;
    const root = (await services.orgs.root())!;
    await services.users.create(system, root.id, { email: REVIEWER.email, displayName: 'Robin Prüfer', roles: ['reviewer'], password: REVIEWER.password });
    screenshot = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#c0392b' } }).png().toBuffer();
    visitor = await h.newContext();
    anonymous = await visitor.newPage();
    second = await h.newContext();
    reviewer = await second.newPage();
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  });
  afterAll(async () => {
    await visitor?.close();
    await second?.close();
    await h?.close();
  });

  it('takes a complaint without an account and answers with a case number, a code and a status link', async () => {
    await anonymous.goto('/beschwerde');
    await anonymous.getByRole('heading', { level: 1, name: 'Beschwerde einreichen' }).waitFor();
    await anonymous.getByText(/Höchstens 5 Dateien, je höchstens 5 MB/).waitFor();
    await expectAccessible(anonymous, 'public complaint form');
    await anonymous.getByLabel('Worum geht es?').selectOption('labelling');
    await anonymous.getByLabel(/^Betreff/).fill('Wahlplakat ohne KI-Hinweis');
    await anonymous.getByLabel(/^Ihre Beschwerde/).fill('Das Plakat am Marktplatz zeigt ein offensichtlich KI-erzeugtes Bild ohne Kennzeichnung.');
    await anonymous.getByLabel(/^Ihr Name/).fill('Alex Beispiel');
    await anonymous.getByLabel(/^Anhänge/).setInputFiles({ name: 'plakat.png', mimeType: 'image/png', buffer: screenshot });
    await anonymous.getByRole('button', { name: 'Beschwerde absenden' }).click();
    await anonymous.getByRole('heading', { name: 'Ihre Beschwerde ist eingegangen' }).waitFor();
    const text = (await anonymous.locator('main').textContent()) ?? '';
    caseNumber = /B-\d{4}-\d{5}/.exec(text)?.[0] ?? '';
    expect(caseNumber).not.toBe('');
    code = (await anonymous.getByLabel('Zugangscode').textContent()) ?? '';
    expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    expect(await anonymous.getByLabel('Link zur Statusseite').textContent()).toContain(`/beschwerde/status#${code}`);
    await expectAccessible(anonymous, 'complaint received');
  });

  it('shows the complaint on the status page, from the link and from case number and code', async () => {
    await anonymous.getByRole('link', { name: 'Zum Stand Ihrer Beschwerde' }).click();
    await anonymous.getByRole('heading', { level: 2, name: `Beschwerde ${caseNumber}` }).waitFor();
    const shown = (await anonymous.locator('main').textContent()) ?? '';
    expect(shown).toContain('Wahlplakat ohne KI-Hinweis');
    expect(shown).toContain('Eingegangen');
    expect(shown).toContain('Ihre Beschwerde ist eingegangen. Wir bestätigen den Eingang bis zum');
    expect(shown).toContain('plakat.png');
    await expectAccessible(anonymous, 'status page from the link');

    await anonymous.goto('/beschwerde/status');
    await anonymous.getByLabel(/^Aktenzeichen/).fill(caseNumber);
    await anonymous.getByLabel(/^Zugangscode/).fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    await anonymous.getByRole('button', { name: 'Stand anzeigen' }).click();
    await anonymous.getByRole('alert').waitFor();
    expect(await anonymous.getByRole('heading', { name: `Beschwerde ${caseNumber}` }).count()).toBe(0);
    await expectAccessible(anonymous, 'status page with a wrong code');
    await anonymous.getByLabel(/^Zugangscode/).fill(code.toLowerCase().replaceAll('-', ' '));
    await anonymous.getByRole('button', { name: 'Stand anzeigen' }).click();
    await anonymous.getByRole('heading', { level: 2, name: `Beschwerde ${caseNumber}` }).waitFor();
    await expectAccessible(anonymous, 'status page');
  });

  it('lets the complaint office change the status with a message the complainant then sees', async () => {
    await h.page.getByRole('link', { name: 'Beschwerdestelle' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Beschwerdestelle' }).waitFor();
    const row = h.page.getByRole('row', { name: new RegExp(caseNumber) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/noch \d+ Tage/);
    await expectAccessible(h.page, 'complaint queue');
    await h.page.getByRole('link', { name: caseNumber }).click();
    await h.page.getByRole('heading', { level: 2, name: new RegExp(`Beschwerde ${caseNumber}`) }).waitFor();
    await expectAccessible(h.page, 'complaint detail');
    await h.page.getByLabel('Neuer Stand').selectOption('acknowledged');
    await h.page.getByLabel(/^Nachricht an die beschwerdeführende Person/).fill('Wir haben Ihre Beschwerde erhalten und prüfen das Plakat mit der Kampagnenleitung.');
    await h.page.getByLabel(/^Interne Notiz/).first().fill('Kampagnenteam fragen');
    await h.page.getByRole('button', { name: 'Stand ändern und Nachricht senden' }).click();
    await h.page.getByText('Der Stand ist geändert; die Nachricht ist auf der Statusseite sichtbar.').waitFor();
    await h.page.getByText('Kampagnenteam fragen').first().waitFor();
    await expectAccessible(h.page, 'complaint detail after the change');

    await anonymous.goto(`/beschwerde/status#${code}`);
    await anonymous.getByRole('heading', { level: 2, name: `Beschwerde ${caseNumber}` }).waitFor();
    const shown = (await anonymous.locator('main').textContent()) ?? '';
    expect(shown).toContain('Eingang bestätigt');
    expect(shown).toContain('prüfen das Plakat mit der Kampagnenleitung');
    expect(shown).not.toContain('Kampagnenteam fragen');
  });

  it('counts the handler’s unread notifications in the shell and lists them in the inbox', async () => {
    const link = h.page.getByRole('link', { name: /^Benachrichtigungen/ });
    await expect.poll(async () => (await link.textContent()) ?? '', { timeout: 10_000 }).toMatch(/ungelesene/);
    await link.click();
    await h.page.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    await h.page.getByRole('heading', { level: 2, name: new RegExp(`Neue Beschwerde ${caseNumber}`) }).waitFor();
    await expectAccessible(h.page, 'notifications');
    await h.page.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
    await h.page.getByText('0 ungelesene Benachrichtigungen.').waitFor();
    await expect.poll(async () => (await link.textContent()) ?? '').not.toMatch(/ungelesene/);
  });

  it('keeps the requester of an exception from approving it; another person approves it with conditions', async () => {
    await h.page.getByRole('link', { name: 'Ausnahmen' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Ausnahmen für kommerzielle KI-Plattformen' }).waitFor();
    await expectAccessible(h.page, 'exceptions');
    const until = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await h.page.getByLabel(/^Plattform/).fill('Kommerzielle Bildplattform X');
    await h.page.getByLabel(/^Wofür\?/).fill('Bildbeschreibungen für barrierefreie Wahlprogramme');
    await h.page.getByLabel('Fortgeschrittene multimodale Werkzeuge').check();
    await h.page.getByLabel(/^Begründung \(Pflichtfeld\)/).fill('Die offenen Modelle beschreiben Diagramme noch nicht zuverlässig genug.');
    await h.page.getByLabel('Öffentlich').check();
    await h.page.getByLabel('Mitarbeiter*in').check();
    await h.page.getByLabel(/^Gültig bis/).fill(until);
    await h.page.getByRole('button', { name: 'Ausnahme beantragen' }).click();
    const requested = h.page.getByText(/Ihr Antrag A-\d{4}-\d{5} ist eingegangen/);
    await requested.waitFor();
    const number = /A-\d{4}-\d{5}/.exec((await requested.textContent()) ?? '')![0];
    await h.page.getByRole('link', { name: number }).click();
    await h.page.getByRole('heading', { level: 2, name: new RegExp(`Ausnahme ${number}`) }).waitFor();
    await h.page.getByText('Sie haben diese Ausnahme selbst beantragt.', { exact: false }).waitFor();
    expect(await h.page.getByRole('button', { name: 'Genehmigen' }).count()).toBe(0);
    await expectAccessible(h.page, 'own exception request');

    await loginThroughUi(reviewer, REVIEWER.email, REVIEWER.password);
    await reviewer.getByRole('link', { name: /^Benachrichtigungen/ }).click();
    await reviewer.getByRole('link', { name: /Öffnen \(Ausnahme beantragt: Kommerzielle Bildplattform X\)/ }).click();
    await reviewer.getByRole('heading', { level: 2, name: new RegExp(`Ausnahme ${number}`) }).waitFor();
    await expectAccessible(reviewer, 'exception to decide');
    await reviewer.getByLabel(/^Auflagen/).fill('Nur für veröffentlichte Grafiken, keine personenbezogenen Daten.');
    await reviewer.getByRole('button', { name: 'Genehmigen' }).click();
    await reviewer.getByText(`Die Ausnahme ${number} ist genehmigt.`).waitFor();
    // The notice comes first; the panel shows the new state once the exception is reloaded.
    await expect.poll(async () => (await reviewer.locator('section.panel').first().textContent()) ?? '').toContain('In Kraft');
    const detail = (await reviewer.locator('section.panel').first().textContent()) ?? '';
    expect(detail).toContain('Robin Prüfer');
    expect(detail).toContain('Nur für veröffentlichte Grafiken');
    await reviewer.getByRole('heading', { name: 'Kennzahlen des Registers' }).waitFor();
    await expectAccessible(reviewer, 'approved exception and register figures');
  });

  it('reports an incident with a screenshot, triages it and assigns a correction action', async () => {
    await h.page.getByRole('link', { name: 'Vorfälle' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Vorfälle' }).waitFor();
    await expectAccessible(h.page, 'incidents');
    await h.page.getByLabel(/^Kurzbeschreibung/).fill('Erfundenes Zitat in Pressemitteilung');
    await h.page.getByLabel(/^Was ist passiert\?/).fill('Der Entwurf aus dem Chat enthielt ein Zitat der Bürgermeisterin, das es nie gab.');
    await h.page.getByLabel(/^Wo ist es passiert\?/).fill('Chat im Arbeitsbereich');
    await h.page.getByLabel(/^Bildschirmfoto oder Datei/).setInputFiles({ name: 'chat.png', mimeType: 'image/png', buffer: screenshot });
    await h.page.getByRole('button', { name: 'Vorfall melden' }).click();
    const reported = h.page.getByText(/Der Vorfall V-\d{4}-\d{5} ist gemeldet/);
    await reported.waitFor();
    const number = /V-\d{4}-\d{5}/.exec((await reported.textContent()) ?? '')![0];
    await h.page.getByRole('link', { name: number }).click();
    await h.page.getByRole('heading', { level: 2, name: new RegExp(`Vorfall ${number}`) }).waitFor();
    await h.page.getByRole('link', { name: 'chat.png' }).waitFor();
    await expectAccessible(h.page, 'incident detail');
    await h.page.getByLabel(/^Schweregrad/).selectOption('medium');
    await h.page.getByLabel(/^Notiz zur Einstufung/).fill('Vor Veröffentlichung bemerkt.');
    await h.page.getByRole('button', { name: 'Einstufung speichern' }).click();
    await h.page.getByText('Die Einstufung ist gespeichert.').waitFor();
    await h.page.getByText('Eingestuft als „mittel“ – Vor Veröffentlichung bemerkt.').waitFor();
    await h.page.getByLabel(/^Maßnahme \(Pflichtfeld\)/).fill('Zitate vor Veröffentlichung gegenprüfen');
    await h.page.getByLabel(/^Verantwortlich \(E-Mail-Adresse\)/).fill(REVIEWER.email);
    await h.page.getByLabel(/^Fällig am/).fill(new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    await h.page.getByRole('button', { name: 'Maßnahme hinzufügen' }).click();
    await h.page.getByText('Die Maßnahme ist angelegt; die verantwortliche Person wird benachrichtigt.').waitFor();
    const action = h.page.getByRole('row', { name: /Zitate vor Veröffentlichung gegenprüfen/ });
    await action.waitFor();
    expect(await action.textContent()).toContain('Robin Prüfer');
    expect(await h.page.locator('main').textContent()).toContain('Eingestuft');
    await expectAccessible(h.page, 'triaged incident with an action');
  });
});
