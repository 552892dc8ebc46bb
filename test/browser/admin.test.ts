import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

describe.skipIf(!browserAvailable)('administration in the browser', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('sends visitors to an accessible German login page', async () => {
    await h.page.goto('/');
    await h.page.waitForURL(/\/anmelden/);
    await h.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await h.page.getByRole('heading', { level: 1 }).textContent()).toBe('Anmelden');
    expect(await h.page.evaluate(() => document.documentElement.lang)).toBe('de');
    await expectAccessible(h.page, 'login');
  });

  it('shows a clear error for a wrong password', async () => {
    await h.page.getByLabel('E-Mail-Adresse').fill(BROWSER_ADMIN.email);
    await h.page.getByLabel(/^Passwort/).fill('falsches Passwort');
    await h.page.keyboard.press('Enter');
    await h.page.getByRole('alert').waitFor();
    expect(await h.page.getByRole('alert').textContent()).toContain('E-Mail-Adresse oder Passwort ist falsch.');
    await expectAccessible(h.page, 'login with error');
  });

  it('logs the admin in and shows the overview', async () => {
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
    expect(await h.page.getByRole('heading', { level: 1 }).textContent()).toBe('Willkommen, Administration');
    await expectAccessible(h.page, 'home');
  });

  it('offers a skip link as the first tab stop that moves focus to the content', async () => {
    await h.page.goto('/');
    await h.page.getByRole('heading', { level: 1 }).waitFor();
    await h.page.keyboard.press('Tab');
    const focused = await h.page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Zum Inhalt springen');
    await h.page.keyboard.press('Enter');
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('creates a person with a one-time password', async () => {
    await h.page.getByRole('link', { name: 'Personen und Rollen' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Personen und Rollen' }).waitFor();
    await expectAccessible(h.page, 'users');
    await h.page.getByLabel('E-Mail-Adresse').fill('kim.mueller@browser.example');
    await h.page.getByLabel(/^Name/).fill('Kim Müller');
    await h.page.getByRole('group', { name: 'Rollen' }).getByLabel('Mitarbeiter*in').check();
    await h.page.getByRole('button', { name: 'Person hinzufügen' }).click();
    await h.page.getByText('Einmalpasswort für kim.mueller@browser.example').first().waitFor();
    await h.page.getByRole('row', { name: /Kim Müller/ }).waitFor();
    expect(await h.page.getByRole('row', { name: /Kim Müller/ }).textContent()).toContain('Mitarbeiter*in');
    await expectAccessible(h.page, 'users after create');
  });

  it('creates an API key that works against the API, shown once', async () => {
    await h.page.getByRole('link', { name: 'API-Schlüssel' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'API-Schlüssel' }).waitFor();
    await expectAccessible(h.page, 'api keys');
    await h.page.getByLabel(/^Bezeichnung/).fill('Auswertungsskript');
    await h.page.getByLabel('Rolle').selectOption('staff');
    await h.page.getByRole('button', { name: 'Schlüssel erzeugen' }).click();
    const key = await h.page.locator('.copy-box code').textContent();
    expect(key).toMatch(/^lp_/);
    const response = await fetch(`${h.server.url}/api/orgs`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    await h.page.getByRole('row', { name: /Auswertungsskript/ }).waitFor();
    await expectAccessible(h.page, 'api keys after create');
    await h.page.reload();
    expect(await h.page.locator('body').textContent()).not.toContain(key!);
  });

  it('creates a sub-organisation', async () => {
    await h.page.getByRole('link', { name: 'Organisationen' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Organisationen' }).waitFor();
    await expectAccessible(h.page, 'organisations');
    await h.page.getByLabel(/^Name/).fill('Landesverband Sachsen');
    await h.page.getByLabel(/^Kürzel/).fill('lv-sachsen');
    await h.page.getByLabel('Ebene').selectOption('state');
    await h.page.getByRole('button', { name: 'Anlegen' }).click();
    await h.page.getByText('Die Organisation „Landesverband Sachsen“ wurde angelegt.').waitFor();
    await expectAccessible(h.page, 'organisations after create');
  });

  it('shows the audit log and verifies its chain', async () => {
    await h.page.getByRole('link', { name: 'Prüfprotokoll' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Prüfprotokoll' }).waitFor();
    await h.page.getByRole('button', { name: 'Kette prüfen' }).click();
    await h.page.getByText(/Das Prüfprotokoll ist intakt/).waitFor();
    expect(await h.page.locator('table').textContent()).toContain('apikey.create');
    await expectAccessible(h.page, 'audit');
  });

  it('switches to English, including server messages', async () => {
    await h.page.getByRole('link', { name: 'Mein Konto' }).click();
    await expectAccessible(h.page, 'account');
    await h.page.getByRole('button', { name: 'English' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await h.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await h.page.getByLabel(/^Current password/).fill('wrong current password');
    await h.page.getByLabel(/^New password/).fill('a brand new password');
    await h.page.getByLabel(/^Repeat new password/).fill('a brand new password');
    await h.page.getByRole('button', { name: 'Change password' }).click();
    await h.page.getByRole('alert').first().waitFor();
    expect(await h.page.getByRole('alert').first().textContent()).toContain('The current password is incorrect.');
    await expectAccessible(h.page, 'account in English with error');
  });
});
