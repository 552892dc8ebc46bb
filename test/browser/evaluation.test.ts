import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { scriptModel } from '../integration/evaluation-fixture.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

/**
 * Issue 5, item 7 in the browser: a reviewer starts a small run (racism and censorship probes, German, three items each)
 * against a model the local upstream scripts to answer with racist bias, follows the progress bar to 100 %, reads
 * the report with racism failed and censorship passed, and sees the model moved from recommended to under review.
 */
const MODEL = 'bias-modell';
const crowsSample = () =>
  readFileSync(path.resolve('../shared/datasets/crows-pairs/crows_pairs_anonymized.csv'), 'utf8').split('\n').slice(0, 21).join('\n') + '\n';

/** On the runs page: racism and censorship probes, German only, the first three items of each. */
async function startSmallRun(page: Page): Promise<Locator> {
  const form = page.getByRole('region', { name: 'Lauf starten' });
  await form.getByLabel('Modell').selectOption(MODEL);
  const categories = form.getByRole('group', { name: 'Kategorien' });
  for (const box of await categories.getByRole('checkbox').all()) {
    const label = (await box.evaluate((element) => (element as HTMLInputElement).labels?.[0]?.textContent)) ?? '';
    if (label !== 'Rassismus' && label !== 'Zensur und Verzerrung') await box.uncheck();
  }
  await form.getByRole('group', { name: 'Sprachen' }).getByLabel('Englisch').uncheck();
  await form.getByLabel('Prüfungen je Kategorie und Sprache').fill('3');
  await form.getByRole('button', { name: 'Lauf starten' }).click();
  await form.getByText(/Der Lauf für bias-modell wurde gestartet/).waitFor();
  return form;
}

describe.skipIf(!browserAvailable)('bias and manipulation tests in the browser', () => {
  let h: BrowserHarness;
  let upstream: FakeUpstream;
  let runId = '';

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    h = await startBrowserHarness({ seed_catalogue: false });
    const services = h.server.services;
    const system = systemCaller('browser-test');
    await services.registry.connectProvider(system, { id: 'fake', adapter: 'openai-compatible', baseUrl: upstream.url, zone: 'own', jurisdiction: 'DE', options: { maxRetries: 0, timeoutMs: 10_000, idleTimeoutMs: 10_000 } });
    await services.registry.upsertModel(system, { id: MODEL, name: 'Bias-Testmodell', kind: 'chat', status: 'recommended', deployments: [{ providerId: 'fake', upstreamModel: MODEL }], card: { parameters: { activeB: 8, totalB: 8 } } });
    // Racist answers, unbiased everywhere else; 1.5 s per answer so the progress can be watched.
    scriptModel(upstream, MODEL, 'racism', undefined, 1500);
    const root = (await services.orgs.root())!;
    const admin = await services.users.findByEmail(BROWSER_ADMIN.email);
    await services.users.setRoles(system, root.id, admin!.id, ['admin', 'reviewer']);
    await loginThroughUi(h.page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
  });
  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('lets a reviewer start a small run and follow its progress to 100 %', async () => {
    const page = h.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Bias-Tests', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bias- und Manipulationstests' }).waitFor();
    await page.getByRole('row', { name: /Bias-Testmodell/ }).getByText('noch nie getestet').waitFor();
    await expectAccessible(page, 'evaluation runs (empty)');

    const form = await startSmallRun(page);

    // The runs list shows the run with a progress bar whose value is also given as text.
    const listBar = page.getByRole('progressbar', { name: `Fortschritt des Laufs für ${MODEL}` });
    await listBar.waitFor();
    expect(await listBar.getAttribute('aria-valuetext')).toMatch(/^\d+ von \d+ Prompts beantwortet \(\d+ %\)$/);

    await form.getByRole('link', { name: 'Lauf verfolgen' }).click();
    runId = page.url().split('/').at(-1)!;
    const bar = page.getByRole('progressbar', { name: 'Fortschritt des Laufs' });
    await bar.waitFor();
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const value = await bar.getAttribute('aria-valuenow');
          seen.add(value ?? '');
          return value;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe('100');
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^(\d+) von \1 Prompts beantwortet \(100 %\)$/);
    // It was watched moving, not only found finished.
    expect([...seen].some((value) => value !== '100')).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Abgeschlossen' }).waitFor({ timeout: 30_000 });
  });

  it('shows the report: racism failed, censorship passed, the model under review, prompts and answers of failures', async () => {
    const page = h.page;
    await page.getByRole('heading', { level: 2, name: 'Werte je Kategorie' }).waitFor();
    const table = page.getByRole('table', { name: 'Werte, Intervalle und Schwellen je Kategorie' });
    expect(await table.getByRole('row').count()).toBe(3);
    await expect.poll(() => table.getByRole('row', { name: /^Rassismus/ }).textContent()).toContain('nicht bestanden');
    const censorship = (await table.getByRole('row', { name: /^Zensur und Verzerrung/ }).textContent()) ?? '';
    expect(censorship).toContain('✓ bestanden');
    expect(censorship).not.toContain('nicht bestanden');
    // The chart is an image with a name, and says pass or fail in words beside each bar.
    const chart = page.getByRole('img', { name: 'Werte je Kategorie mit 95-%-Konfidenzintervall' });
    expect(await chart.textContent()).toMatch(/Rassismus.*✗ nicht bestanden/);

    const summary = page.getByRole('region', { name: 'Zusammenfassung' });
    const consequence = summary.locator('dd').filter({ hasText: '→' });
    expect((await consequence.textContent())?.replace(/\s+/g, ' ')).toBe('★ Empfohlen → … In Prüfung');
    expect((await h.server.services.registryQueries.getModel(MODEL))?.status).toBe('under_review');

    // Example failures of the failed category are open, with the stored prompt and the model's answer.
    const examples = page.getByRole('region', { name: 'Beispiele für nicht bestandene Prüfungen' });
    await examples.getByRole('heading', { name: 'Rassismus – nicht bestanden' }).waitFor();
    await examples.getByText('Antwort des Modells').first().waitFor();
    const answered = upstream.requests.filter((request) => request.body.model === MODEL).length;
    expect(answered).toBeGreaterThan(0);

    for (const [name, format] of [
      ['JSON herunterladen', 'json'],
      ['CSV herunterladen (eine Zeile je Kategorie)', 'csv'],
    ] as const) {
      expect(await summary.getByRole('link', { name }).getAttribute('href')).toBe(`/api/evaluation/runs/${runId}/export/${format}`);
    }
    const csv = await page.request.get(`/api/evaluation/runs/${runId}/export/csv`);
    expect(csv.ok()).toBe(true);
    expect(await csv.text()).toMatch(/,racism,pass_rate,[^\n]*,false,/);
    await expectAccessible(page, 'evaluation report');
  });

  it('lists the finished run and the model now under review on the overview', async () => {
    const page = h.page;
    await page.getByRole('link', { name: 'Zurück zu allen Läufen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bias- und Manipulationstests' }).waitFor();
    const run = page.getByRole('region', { name: 'Läufe' }).getByRole('row', { name: new RegExp(`^${MODEL}, Lauf vom`) });
    expect(await run.textContent()).toMatch(/Abgeschlossen.*100 %.*✗ nicht bestanden/);
    const model = page.getByRole('region', { name: 'Modelle und letzte Ergebnisse' }).getByRole('row', { name: /Bias-Testmodell/ });
    expect(await model.textContent()).toContain('In Prüfung');
    expect(await model.textContent()).toContain(runId);
    await expectAccessible(page, 'evaluation runs after the run');
  });

  it('links the model card to the latest report', async () => {
    const page = h.page;
    await page.goto(`/register/modelle/${MODEL}`);
    await page.getByRole('heading', { level: 1, name: 'Bias-Testmodell' }).waitFor();
    const link = page.getByRole('link', { name: /^Letzter Bericht vom .*: nicht bestanden$/ });
    expect(await link.getAttribute('href')).toBe(`/bias-tests/laeufe/${runId}`);
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Bias-Test: ${MODEL}` }).waitFor();
    await page.getByRole('table', { name: 'Werte, Intervalle und Schwellen je Kategorie' }).waitFor();
  });

  it('shows the suites and imports a CrowS-Pairs file', async () => {
    const page = h.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Testsammlungen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Testsammlungen' }).waitFor();
    const racism = await page.getByRole('row', { name: /^Rassismus/ }).textContent();
    expect(racism).toMatch(/\d/);
    await expectAccessible(page, 'evaluation suites');

    const form = page.getByRole('region', { name: 'Datensatz importieren' });
    await form.getByLabel(/^Datei/).setInputFiles({ name: 'crows_pairs_sample.csv', mimeType: 'text/csv', buffer: Buffer.from(crowsSample()) });
    await form.getByLabel(/^Name/).fill('CrowS-Pairs Probe');
    await form.getByRole('button', { name: 'Importieren' }).click();
    await form.getByText(/„CrowS-Pairs Probe“ importiert: 20 Prüfungen/).waitFor();
    await page.getByRole('row', { name: /CrowS-Pairs Probe/ }).waitFor();
    await expectAccessible(page, 'evaluation suites after import');
  });

  it('lets the board set a threshold to exclude and schedule re-runs', async () => {
    const page = h.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Schwellen und Zeitpläne', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Schwellen und Zeitpläne' }).waitFor();
    await expectAccessible(page, 'evaluation settings');

    await page.getByLabel('Folge bei Nichtbestehen für Sexismus').selectOption('excluded');
    await page.getByLabel('Mindestwert für Sexismus').fill('0.9');
    await page.getByLabel(/^Begründung der Änderung/).fill('Beschluss der Modellprüfung vom Montag');
    await page.getByRole('button', { name: 'Schwellen speichern' }).click();
    await page.getByText('Die Schwellen wurden gespeichert.').waitFor();
    const thresholds = await h.server.services.evaluation.board.thresholdMap();
    expect(thresholds.sexism).toEqual({ minScore: 0.9, maxAbsBbqBias: 0.1, onFail: 'excluded' });
    expect(thresholds.racism.onFail).toBe('under_review');

    const schedules = page.getByRole('region', { name: 'Zeitpläne' });
    await schedules.getByLabel('Modell').selectOption(MODEL);
    await schedules.getByLabel('Abstand in Tagen').fill('30');
    await schedules.getByRole('button', { name: 'Zeitplan speichern' }).click();
    await schedules.getByText('Der Zeitplan für Bias-Testmodell wurde gespeichert.').waitFor();
    await schedules.getByRole('row', { name: /Bias-Testmodell.*alle 30 Tage/ }).waitFor();
    await expectAccessible(page, 'evaluation settings after saving');
  });

  it('reads the report in English too', async () => {
    const page = h.page;
    await page.goto(`/bias-tests/laeufe/${runId}`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Scores per category' }).waitFor();
    const table = page.getByRole('table', { name: 'Scores, intervals and thresholds per category' });
    expect(await table.getByRole('row', { name: /^Racism/ }).textContent()).toContain('✗ failed');
    expect(await page.getByRole('img', { name: 'Scores per category with 95 % confidence intervals' }).textContent()).toMatch(/Censorship and distortion.*✓ passed/);
    await expectAccessible(page, 'evaluation report in English');
    await page.getByRole('button', { name: 'Deutsch' }).click();
  });

  it('compares a second run with the first one', async () => {
    const page = h.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Bias-Tests', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bias- und Manipulationstests' }).waitFor();
    const form = await startSmallRun(page);
    await form.getByRole('link', { name: 'Lauf verfolgen' }).click();
    await page.getByRole('status').filter({ hasText: 'Abgeschlossen' }).waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Werte, Intervalle und Schwellen je Kategorie' });
    // Same scripted answers, same items: the same score, and the change says so.
    expect(await table.getByRole('row', { name: /^Zensur und Verzerrung/ }).textContent()).toMatch(/1,00: Veränderung 0\./);
    const history = page.getByRole('table', { name: `Abgeschlossene Läufe von ${MODEL}` });
    expect(await history.getByRole('row').count()).toBe(2);
    expect(await history.getByRole('link').getAttribute('href')).toBe(`/bias-tests/laeufe/${runId}`);
    // Already under review: a second failing run does not change the status again.
    expect(await page.getByRole('region', { name: 'Zusammenfassung' }).textContent()).toContain('Status bleibt „In Prüfung“');
    await expectAccessible(page, 'evaluation report with history');
  });

  it('lets the board cancel a running run', async () => {
    const page = h.page;
    await page.getByRole('navigation').getByRole('link', { name: 'Bias-Tests', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bias- und Manipulationstests' }).waitFor();
    const form = await startSmallRun(page);
    await form.getByRole('link', { name: 'Lauf verfolgen' }).click();
    await page.getByRole('button', { name: 'Lauf abbrechen' }).click();
    await page.getByRole('status').filter({ hasText: 'Abgebrochen' }).waitFor();
    const bar = page.getByRole('progressbar', { name: 'Fortschritt des Laufs' });
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await page.getByRole('button', { name: 'Lauf abbrechen' }).count()).toBe(0);
    const cancelled = page.url().split('/').at(-1)!;
    expect((await h.server.services.evaluation.runs.get(systemCaller('browser-test'), cancelled)).status).toBe('cancelled');
    await expectAccessible(page, 'cancelled run');
  });
});
