import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { makeUser } from '../helpers/test-app.js';
import { browserAvailable, BROWSER_ADMIN, expectAccessible, loginThroughUi, startBrowserHarness, type BrowserHarness } from './browser-harness.js';

/** The Vereinsförderung's draft model (definitions/vereinsfoerderung.yaml), served by the fake upstream. */
const MODEL = 'eurollm-9b-instruct';
const DRAFT = 'Betreff: Zuwendungsbescheid\n\nSehr geehrte Damen und Herren,\nwir bewilligen Ihnen einen Zuschuss von 2.200 €.\n\nMit freundlichen Grüßen';
const EDITED = `${DRAFT}\n\nIhre Gemeindeverwaltung, Sachgebiet Vereinsförderung`;

type ActionState = { tool: string; status: string };
const actionsOf = (page: Page, caseId: string) =>
  page.evaluate(async (id) => ((await (await fetch(`/api/workflow-cases/${id}`)).json()) as { actions: ActionState[] }).actions, caseId);

describe.skipIf(!browserAvailable)('case workflows in the browser', () => {
  let h: BrowserHarness;
  let upstream: FakeUpstream;
  let caseUrl: string;
  let caseId: string;

  beforeAll(async () => {
    upstream = await startFakeUpstream();
    h = await startBrowserHarness({ seed_catalogue: false });
    const { registry, orgs } = h.server.services;
    const reviewer = systemCaller('browser-test');
    await registry.connectProvider(reviewer, { id: 'fake', adapter: 'openai-compatible', baseUrl: upstream.url, zone: 'own', jurisdiction: 'DE', options: { maxRetries: 0, timeoutMs: 10_000, idleTimeoutMs: 10_000 } });
    await registry.upsertModel(reviewer, { id: MODEL, name: 'EuroLLM 9B Instruct', kind: 'chat', status: 'approved', deployments: [{ providerId: 'fake', upstreamModel: MODEL }], card: { parameters: { activeB: 9, totalB: 9 } } });
    upstream.script(MODEL, { reply: () => DRAFT });
    // The case worker: staff (the Vereinsförderung's approval role) and administrator (register, channels).
    const worker = await makeUser(h.server.services, (await orgs.root())!.id, ['staff', 'admin']);
    await loginThroughUi(h.page, worker.email, worker.password);
  });
  afterAll(async () => {
    await h?.close();
    await upstream?.close();
  });

  it('lists the workflows with version and risk class, and enters one in the AI register', async () => {
    await h.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Arbeitsabläufe', exact: true }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Arbeitsabläufe' }).waitFor();
    const card = h.page.getByRole('region', { name: 'Vereinsförderung – Zuschuss für ein Vorhaben' });
    await card.waitFor();
    const facts = await card.textContent();
    expect(facts).toContain('Version 1');
    expect(facts).toContain('minimales Risiko');
    expect(facts).toContain('Mitarbeiter*in');
    expect(facts).toContain('noch nicht eingetragen');
    expect(await h.page.getByRole('region', { name: 'Antragsprüfung für den Landesparteitag' }).textContent()).toContain('Parteiarbeit');
    await expectAccessible(h.page, 'workflows');
    await card.getByRole('button', { name: /^Im KI-Register eintragen/ }).click();
    await h.page.getByRole('status').filter({ hasText: 'ist im KI-Register eingetragen' }).waitFor();
    await card.getByRole('link', { name: 'Eintrag „Antragsprüfung Vereinsförderung mit Schreibentwurf“ ansehen' }).waitFor();
    await expectAccessible(h.page, 'workflows after registering');
  });

  it('submits a Vereinsförderung case through the generated form; errors stand next to their field', async () => {
    await h.page.getByRole('region', { name: 'Vereinsförderung – Zuschuss für ein Vorhaben' }).getByRole('link', { name: /^Neuer Vorgang/ }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Neuer Vorgang: Vereinsförderung – Zuschuss für ein Vorhaben' }).waitFor();
    await expectAccessible(h.page, 'case form');
    const page = h.page;
    await page.getByLabel(/^Name des Vereins/).fill('TSV Musterstadt 1890 e. V.');
    await page.getByLabel(/^Vereinsregister/).fill('VR 1234, Amtsgericht Musterstadt');
    await page.getByRole('group', { name: 'Der Verein hat seinen Sitz in der Gemeinde' }).getByLabel('Ja').check();
    await page.getByRole('group', { name: 'Vom Finanzamt als gemeinnützig anerkannt' }).getByLabel('Ja').check();
    await page.getByLabel('Datum des Freistellungsbescheids').fill('2024-06-12');
    await page.getByLabel('Mitglieder insgesamt').fill('240');
    await page.getByLabel('Davon unter 18 Jahren').fill('40');
    await page.getByLabel('Art des Vorhabens').selectOption('jugendarbeit');
    await page.getByLabel('Beschreibung des Vorhabens').fill('Ein Zeltlager für die Jugendabteilung mit Trainingseinheiten, Ausflügen und einer Schulung für Jugendleiterinnen und Jugendleiter.');
    await page.getByLabel('Geplanter Beginn des Vorhabens').fill('2026-07-20');
    await page.getByLabel(/^Eingang des Antrags/).fill('2026-03-02');
    await page.getByLabel('Gesamtkosten in Euro').fill('4000');
    await page.getByLabel('Eigenmittel des Vereins in Euro').fill('800');
    await page.getByLabel('Zuschüsse Dritter in Euro').fill('1000');
    await page.getByLabel('Beantragter Zuschuss in Euro').fill('2200');
    for (const document of ['Vereinssatzung', 'Freistellungsbescheid des Finanzamts', 'Kosten- und Finanzierungsplan']) await page.getByLabel(document).check();
    await page.getByLabel(/^E-Mail-Adresse für die Antwort/).fill('kein-at');
    await page.getByRole('button', { name: 'Prüfen und Entwurf erstellen' }).click();
    const email = page.getByLabel(/^E-Mail-Adresse für die Antwort/);
    await page.waitForFunction(() => document.querySelector('input[type="email"]')?.getAttribute('aria-invalid') === 'true');
    expect(await email.getAttribute('aria-describedby')).toBeTruthy();
    const errorId = (await email.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('Bitte eine gültige E-Mail-Adresse angeben.');
    await expectAccessible(page, 'case form with an error');
    await email.fill('jugend@tsv-musterstadt.example');
    await page.getByRole('button', { name: 'Prüfen und Entwurf erstellen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Vorgang VF-\d{4}-/ }).waitFor();
    caseUrl = new URL(page.url()).pathname;
    caseId = caseUrl.split('/').at(-1)!;
  });

  it('shows the rule results with explanations and amounts, and the draft from the model', async () => {
    const page = h.page;
    const rules = page.getByRole('table', { name: 'Ergebnis der Regelprüfung' });
    expect(await rules.getByRole('row', { name: /^Vereinssatzung/ }).textContent()).toContain('erfüllt');
    expect(await rules.getByRole('row', { name: /^Mindestzahl an Mitgliedern/ }).textContent()).toContain('Der Verein hat 240 Mitglieder (mindestens 10).');
    expect(await rules.getByRole('row', { name: /^Angebote für Anschaffungen/ }).textContent()).toContain('nicht anwendbar');
    expect(await page.getByText('Vorschlag der Regeln: Bewilligung.', { exact: false }).count()).toBeGreaterThan(0);
    const computed = await page.getByRole('region', { name: 'Berechnete Beträge' }).textContent();
    expect(computed).toMatch(/Förderfähiger Zuschuss nach Richtlinie.*2\.200/);
    expect(await page.getByLabel('Text des Schreibens (Entwurf)').inputValue()).toBe(DRAFT);
    expect(await page.getByText(`${MODEL}, Revision`).count()).toBe(1);
    await expectAccessible(page, 'case detail');
  });

  it('keeps the edit a draft: it cannot be sent before approval, then is approved and sent', async () => {
    const page = h.page;
    await page.getByLabel('Text des Schreibens (Entwurf)').fill(EDITED);
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Der Entwurf ist gespeichert. Er ist noch nicht freigegeben.' }).waitFor();
    const send = page.getByRole('button', { name: 'Versenden' });
    expect(await send.isDisabled()).toBe(true);
    expect(await page.getByText('Versenden nicht möglich: Versandt wird erst nach der Freigabe.').count()).toBe(1);
    // The assistant waits for the decision too.
    expect(await page.getByRole('button', { name: 'Assistenten fragen' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'case detail after editing');

    await page.getByRole('button', { name: 'Freigeben' }).click();
    await page.getByRole('status').filter({ hasText: 'Freigegeben. Der Text ist jetzt endgültig' }).waitFor();
    expect(await page.getByLabel('Text des Schreibens', { exact: true }).inputValue()).toBe(EDITED);
    expect(await page.getByRole('button', { name: 'Freigeben' }).isDisabled()).toBe(true);
    expect(await page.getByText('Freigeben und Verwerfen nicht möglich: Der Vorgang ist bereits entschieden.').count()).toBe(1);
    await send.click();
    await page.getByRole('status').filter({ hasText: 'Versandt.' }).waitFor();
    await page.getByText(/^Versenden nicht möglich: Bereits am .* an jugend@tsv-musterstadt\.example versandt\.$/).waitFor();
    await expectAccessible(page, 'case detail after sending');
  });

  it('explains why: inputs, rule version, model and settings, draft against final text, reproduction', async () => {
    const page = h.page;
    await page.getByRole('link', { name: /^Warum wurde so entschieden\?/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Warum wurde so entschieden\? Vorgang VF-/ }).waitFor();
    await page.getByText('Die gespeicherte Regelversion, erneut auf die gespeicherten Angaben angewandt, ergibt genau dasselbe Ergebnis.').waitFor();
    const versions = await page.getByRole('region', { name: 'Versionen und Modell' }).textContent();
    expect(versions).toContain('Version 1');
    expect(versions).toContain(`${MODEL}, Revision`);
    expect(versions).toContain('temperature: 0');
    expect(versions).toContain('unverändert');
    const texts = page.getByRole('region', { name: 'Entwurf und endgültiger Text' });
    expect(await texts.textContent()).toContain('Die Sachbearbeitung hat den Entwurf vor der Freigabe geändert.');
    expect(await texts.textContent()).toContain('Ihre Gemeindeverwaltung, Sachgebiet Vereinsförderung');
    expect(await page.getByRole('region', { name: 'Angaben im Antrag' }).textContent()).toContain('TSV Musterstadt 1890 e. V.');
    await expectAccessible(page, 'why view');
  });

  it('shows exactly what an assistant action will do and runs it only after confirmation', async () => {
    const page = h.page;
    await page.goto(caseUrl);
    await page.getByRole('heading', { level: 1, name: /^Vorgang VF-/ }).waitFor();
    upstream.reset();
    upstream.script(MODEL, { toolCall: { name: 'send_email', arguments: JSON.stringify({ to: 'jugend@tsv-musterstadt.example', subject: 'Termin zur Übergabe', body: 'Wir laden Sie zur Übergabe des Bescheids ein.' }) } });
    await page.getByLabel('Auftrag an den Assistenten').fill('Lade den Verein zur Übergabe des Bescheids ein.');
    await page.getByRole('button', { name: 'Assistenten fragen' }).click();
    await page.getByRole('status').filter({ hasText: 'Der Assistent schlägt 1 Aktion vor.' }).waitFor();
    const card = page.getByRole('article', { name: 'E-Mail an jugend@tsv-musterstadt.example senden' });
    await card.waitFor();
    const shown = await card.textContent();
    for (const part of ['wartet auf Bestätigung', 'Betreff', 'Termin zur Übergabe', 'Wir laden Sie zur Übergabe des Bescheids ein.']) expect(shown).toContain(part);
    expect(await actionsOf(page, caseId)).toEqual([expect.objectContaining({ tool: 'send_email', status: 'proposed' })]);
    expect(upstream.requests).toHaveLength(1);
    await expectAccessible(page, 'case with a proposed action');

    await card.getByRole('button', { name: /^Bestätigen und ausführen/ }).click();
    await page.getByRole('status').filter({ hasText: 'Die Aktion ist ausgeführt.' }).waitFor();
    expect(await actionsOf(page, caseId)).toEqual([expect.objectContaining({ tool: 'send_email', status: 'done' })]);
    expect(upstream.requests).toHaveLength(1);
    await expectAccessible(page, 'case after confirming the action');
  });

  it('lists the case with its status and filters by status', async () => {
    const page = h.page;
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vorgänge', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vorgänge' }).waitFor();
    const row = page.getByRole('row', { name: /TSV Musterstadt 1890/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('versandt');
    await page.getByLabel('Status').selectOption('in_review');
    await page.getByText('0 Vorgänge').waitFor();
    await page.getByLabel('Status').selectOption('sent');
    await page.getByText('1 Vorgang', { exact: true }).waitFor();
    await expectAccessible(page, 'case list');
  });

  it('sets up a channel for the assistant (administrators)', async () => {
    const page = h.page;
    await page.getByRole('link', { name: 'Kanäle für Assistenten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kanäle für Assistenten' }).waitFor();
    await expectAccessible(page, 'channels');
    await page.getByLabel(/^Kurzname/).fill('vorstand');
    await page.getByLabel(/^Bezeichnung/).fill('Vorstand');
    await page.getByLabel(/^Webhook-Adresse/).fill('https://hooks.example/vorstand');
    await page.getByRole('button', { name: 'Kanal speichern' }).click();
    await page.getByRole('row', { name: /Vorstand/ }).waitFor();
    expect(await page.content()).not.toContain('hooks.example/vorstand');
    await expectAccessible(page, 'channels after saving');
  });

  it('takes many applications as CSV and shows the progress of the drafting job', async () => {
    const page = h.page;
    upstream.script(MODEL, { reply: () => DRAFT });
    await page.goto('/vorgaenge/neu/vereinsfoerderung');
    await page.getByRole('heading', { level: 2, name: 'Viele Anträge als CSV-Datei' }).waitFor();
    const csv = [
      'verein_name;antrag_eingang;kontakt_email;mitglieder_gesamt',
      'SV Blau-Weiß;02.03.2026;info@sv-blau-weiss.example;35',
      'Chor Harmonie;2026-03-05;chor@harmonie.example;12',
      'Schachfreunde;2026-03-06;kein-at;8',
    ].join('\n');
    await page.getByLabel('CSV-Datei', { exact: true }).setInputFiles({ name: 'antraege.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Hochladen und prüfen' }).click();
    await page.getByText('2 Vorgänge angelegt.').waitFor();
    expect(await page.getByText('1 Zeile hat Fehler und wurde nicht übernommen.').count()).toBe(1);
    expect(await page.getByText(/^Zeile 4: kontakt_email: Bitte eine gültige E-Mail-Adresse angeben\.$/).count()).toBe(1);
    await page.getByText('Fertig.').waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Entwürfe: 2 von 2 erstellt').count()).toBe(1);
    await expectAccessible(page, 'case form after a CSV upload');
    await page.getByRole('link', { name: /^VF-\d{4}-/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Vorgang VF-/ }).waitFor();
    expect(await page.getByLabel('Text des Schreibens (Entwurf)').inputValue()).toBe(DRAFT);
  });

  it('tells an administrator without the approval role why approving is not available', async () => {
    const context = await h.newContext();
    try {
      const page = await context.newPage();
      await loginThroughUi(page, BROWSER_ADMIN.email, BROWSER_ADMIN.password);
      upstream.script(MODEL, { reply: () => DRAFT });
      const created = await page.evaluate(async () => {
        const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string; orgs: { id: string }[] };
        const response = await fetch(`/api/orgs/${session.orgs[0]!.id}/workflow-cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ workflowId: 'vereinsfoerderung', input: { verein_name: 'SV Blau-Weiß', antrag_eingang: '2026-03-02', kontakt_email: 'info@sv-blau-weiss.example' } }),
        });
        return (await response.json()) as { id: string };
      });
      await page.goto(`/vorgaenge/${created.id}`);
      await page.getByRole('heading', { level: 1, name: /^Vorgang VF-/ }).waitFor();
      await page.getByLabel('Text des Schreibens (Entwurf)').waitFor();
      expect(await page.getByRole('button', { name: 'Freigeben' }).isDisabled()).toBe(true);
      await page.getByText('Freigeben und Verwerfen nicht möglich: Freigeben und Verwerfen dürfen nur Personen mit der Rolle Mitarbeiter*in; Sie haben diese Rolle hier nicht.').waitFor();
      expect(await page.getByRole('row', { name: /^Vereinssatzung/ }).textContent()).toContain('nicht erfüllt');
      await expectAccessible(page, 'case detail without the approval role');
    } finally {
      await context.close();
    }
  });
});
