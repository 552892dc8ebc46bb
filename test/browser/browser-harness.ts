import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { loadConfig, type ConfigInput } from '../../src/core/config.js';
import { startServer, type RunningServer } from '../../src/cli/start-server.js';
import { BROWSER_ADMIN, TEST_SECRET_KEY } from '../helpers/test-constants.js';
import { createTestDatabase } from '../helpers/test-database.js';

export const CHROMIUM = process.env.LEITPLANKE_CHROMIUM ?? '/usr/bin/chromium';
/** Without Debian's Chromium the browser suite cannot run; CI installs it and must never skip. */
export const browserAvailable = existsSync(CHROMIUM);
if (!browserAvailable) {
  const message = `Browser tests need Chromium at ${CHROMIUM} (apt-get install chromium).`;
  if (process.env.CI) throw new Error(message);
  console.warn(`SKIPPING browser tests: ${message}`);
}

export { BROWSER_ADMIN };

export type BrowserHarness = {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Another visitor (own cookies) with the same browser settings. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
};

/** A real server (PGlite in a temp folder, or DATABASE_URL) on a free port, and headless Chromium. */
export async function startBrowserHarness(overrides: Partial<ConfigInput> = {}): Promise<BrowserHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-browser-'));
  // Every harness gets its own installation, copied from one just set up (test/setup/global-browser-db.ts).
  const template = inject('browserTemplates')[overrides.seed_catalogue === false ? 'empty' : 'seeded'];
  const database = process.env.DATABASE_URL ? await createTestDatabase({ template }) : undefined;
  if (!database) cpSync(template, dataDir, { recursive: true });
  const config = loadConfig(
    {},
    {
      data_dir: dataDir,
      port: 0,
      admin_email: BROWSER_ADMIN.email,
      admin_password: BROWSER_ADMIN.password,
      log_level: 'warn',
      secret_key: TEST_SECRET_KEY,
      ...(database?.url ? { database_url: database.url } : {}),
      ...overrides,
    },
  );
  const server = await startServer(config, () => undefined);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // A browser in Germany: dates on the pages are the user's local dates, as the tests expect them.
  const newContext = () => browser.newContext({ baseURL: server.url, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const context = await newContext();
  const page = await context.newPage();
  return {
    server,
    browser,
    context,
    page,
    newContext,
    async close() {
      await context.close();
      await browser.close();
      await server.stop();
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Zero axe-core violations (WCAG 2.0–2.2 A/AA rules) on the page as it is now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function loginThroughUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/anmelden');
  await page.getByLabel(/E-Mail-Adresse|Email address/).fill(email);
  await page.getByLabel(/^(Passwort|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Anmelden|Log in)$/ }).click();
  await page.getByRole('navigation').first().waitFor();
}
