import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

const reviewer = systemCaller('energy-browser-test');

describe.skipIf(!browserAvailable)('energy dashboard in the browser', () => {
  let h: BrowserHarness;
  let upstream: FakeUpstream;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    h = await startBrowserHarness({ seed_catalogue: false });
    const { registry } = h.server.services;
    await registry.connectProvider(reviewer, { id: 'fake', adapter: 'openai-compatible', baseUrl: upstream.url, zone: 'own', jurisdiction: 'DE', options: { maxRetries: 0, timeoutMs: 10_000, idleTimeoutMs: 10_000 } });
    for (const [id, wh] of [['energie-gross', 0.8], ['energie-sparsam', 0.2]] as const) {
      await registry.upsertModel(reviewer, { id, name: `Modell ${id}`, kind: 'chat', status: 'approved', deployments: [{ providerId: 'fake', upstreamModel: id }], card: { parameters: { activeB: 8, totalB: 8 }, energy: { whPer1kOutputTokens: wh, method: 'measured', source: 'https://example.org/energie' } } });
    }
    // Three real calls through the gateway as the administrator, with the browser context's session.
    const login = await h.context.request.post('/api/auth/login', { data: BROWSER_ADMIN });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    for (const [model, content] of [['energie-gross', 'Fasse das Protokoll zusammen'], ['energie-gross', 'Schreibe eine Einladung'], ['energie-sparsam', 'Kurzer Gruß']]) {
      const response = await h.context.request.post('/v1/chat/completions', { headers: { 'x-csrf-token': csrfToken }, data: { model, messages: [{ role: 'user', content }] } });
      expect(response.status(), await response.text()).toBe(200);
    }
    await h.server.services.recorder.flush();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('shows own use with totals, a chart with its table, comparisons and the more frugal model', async () => {
    const { page } = h;
    await page.goto('/energie');
    await page.getByRole('heading', { level: 1, name: 'Energie und Ressourcen' }).waitFor();
    await page.getByRole('status').filter({ hasText: '3 Anfragen im gewählten Zeitraum.' }).waitFor();
    const table = page.getByRole('table', { name: 'Verbrauch nach Modell' });
    await table.getByRole('row', { name: /Modell energie-gross/ }).waitFor();
    expect(await table.getByRole('row').count()).toBe(3);
    await page.getByRole('img', { name: 'Energie in Wattstunden nach Modell' }).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('0 von 3 Anfragen gemessen (0 %), die übrigen geschätzt.');
    expect(main).toMatch(/Dieselbe Arbeit mit Modell energie-sparsam würde \d+ % weniger Energie verbrauchen\./);
    expect(main).toContain('mit dem E-Bike');
    await expectAccessible(page, 'energy dashboard (own use)');
    await page.getByLabel('Aufteilen nach').selectOption('assistant');
    await page.getByRole('table', { name: 'Verbrauch nach Assistent' }).getByRole('row', { name: /ohne Assistent/ }).waitFor();
  });

  it('switches to the organisation by month and downloads the same selection as German CSV', async () => {
    const { page } = h;
    await page.getByLabel('Wessen Nutzung').selectOption('org');
    await page.getByLabel('Aufteilen nach').selectOption('month');
    const table = page.getByRole('table', { name: 'Verbrauch nach Monat' });
    await table.getByRole('row', { name: new RegExp(new Date().toISOString().slice(0, 7)) }).waitFor();
    const href = (await page.getByRole('link', { name: 'Tabelle als CSV herunterladen' }).getAttribute('href'))!;
    expect(href).toContain('scope=org');
    const csv = await (await page.request.get(href)).text();
    expect(csv.split('\r\n')[0]).toBe('Zeitraum;Anfragen;davon gemessen;Eingabe-Tokens;Ausgabe-Tokens;Energie (Wh);CO2e (g);Wasser (ml)');
    expect(csv.split('\r\n')[1]).toMatch(/^\d{4}-\d{2};3;0;\d+;\d+;\d+,\d+;\d+,\d+;\d+,\d+$/);
    const monthly = await page.request.get((await page.getByRole('link', { name: 'Monatsübersicht herunterladen (JSON)' }).getAttribute('href'))!);
    expect(((await monthly.json()) as { totals: { requests: number } }).totals.requests).toBe(3);
    await expectAccessible(page, 'energy dashboard (organisation by month)');
  });

  it('publishes the methodology to anonymous visitors', async () => {
    const visitor = await h.newContext();
    const page = await visitor.newPage();
    await page.goto('/transparenz');
    await page.getByRole('navigation', { name: 'Transparenzseiten' }).getByRole('link', { name: 'Energie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Energie, CO2e und Wasser: so wird gerechnet' }).waitFor();
    await page.getByRole('table', { name: 'Konstanten und Quellen' }).getByRole('row', { name: /PUE/ }).first().waitFor();
    expect(await page.locator('main').textContent()).toContain('doi:10.21105/joss.07471');
    await expectAccessible(page, 'public energy methodology');
    await visitor.close();
  });
});
