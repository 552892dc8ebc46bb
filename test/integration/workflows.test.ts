import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { shippedDefinitionsDir } from '../../src/workflows/load-definitions.js';
import type { RegisteredUseCase, RegisterLink } from '../../src/workflows/register-link.js';
import { makeOrg, makeUser, Session } from '../helpers/test-app.js';
import {
  createWorkflowFixture,
  DRAFT_MODEL,
  motion,
  subsidyApplication,
  type WorkflowFixture,
} from './workflows-fixture.js';

type CaseBody = {
  id: string;
  status: string;
  reference: string;
  definitionVersion: number;
  definitionHash: string;
  suggestedOutcome: string;
  evaluation: {
    rules: { id: string; passed: boolean | null; explanation: { de: string } }[];
    computed: { id: string; value: unknown }[];
  };
  draftText: string | null;
  workingText: string | null;
  finalText: string | null;
  draftReport: { model: string; model_revision: string; provider: string; provenance_id: string } | null;
  draftError: { de: string } | null;
  riskClass: string;
  riskClassSource: string;
  registerUseCaseId: string | null;
  allowed: { work: boolean; approve: boolean };
  events: { type: string; actor: string }[];
};

describe('case workflows over HTTP', () => {
  let f: WorkflowFixture;
  beforeAll(async () => {
    f = await createWorkflowFixture();
  });
  afterAll(async () => f?.closeAll());

  const submit = (
    session: Session,
    workflowId: string,
    input: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) =>
    session.request('POST', `/api/orgs/${f.orgId}/workflow-cases`, {
      workflowId,
      input,
      model: DRAFT_MODEL,
      ...extra,
    });

  it('lists both shipped workflows with their use case and risk class', async () => {
    const response = await f.staff.request('GET', `/api/orgs/${f.orgId}/workflows`);
    expect(response.statusCode).toBe(200);
    const workflows = response.json<
      {
        id: string;
        version: number;
        useCase: { riskClass: string };
        register: { connected: boolean; entry: unknown };
      }[]
    >();
    expect(workflows.map((workflow) => workflow.id).sort()).toEqual([
      'parteitag-antrag',
      'vereinsfoerderung',
    ]);
    expect(
      workflows.every(
        (workflow) =>
          workflow.useCase.riskClass === 'minimal' &&
          workflow.register.connected &&
          workflow.register.entry === null,
      ),
    ).toBe(true);
    const definition = (await f.member.request('GET', '/api/workflows/vereinsfoerderung')).json<{
      form: { fields: unknown[] };
      rules: unknown[];
      hash: string;
    }>();
    expect(definition.form.fields.length).toBeGreaterThan(10);
    expect(definition.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('checks the rules, drafts through the gateway at temperature 0 and keeps the model call', async () => {
    f.upstream.reset();
    f.upstream.script(DRAFT_MODEL, { reply: () => 'Betreff: Zuwendungsbescheid\n\nwir bewilligen 2.200 €.' });
    const response = await submit(f.staff, 'vereinsfoerderung', subsidyApplication, { source: 'form' });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<CaseBody>();
    expect(body.status).toBe('in_review');
    expect(body.suggestedOutcome).toBe('bewilligung');
    expect(body.evaluation.computed.find((entry) => entry.id === 'foerderbetrag')!.value).toBe(2200);
    expect(body.draftText).toBe('Betreff: Zuwendungsbescheid\n\nwir bewilligen 2.200 €.');
    expect(body.workingText).toBe(body.draftText);
    expect(body.finalText).toBeNull();
    expect(body.draftReport).toMatchObject({ model: DRAFT_MODEL, provider: 'upstream' });
    expect(body.draftReport!.provenance_id).toMatch(/[0-9a-f-]{36}/);
    expect(body.allowed).toEqual({ work: true, approve: true });
    expect(body.events.map((event) => event.type)).toEqual(['submitted', 'draft_generated']);
    const sent = f.upstream.requests.at(-1)!.body;
    expect(sent.temperature).toBe(0);
    expect(String(sent.messages[1]!.content)).toContain(
      '- erfüllt – Vereinssatzung: Die Vereinssatzung liegt bei.',
    );
    expect(String(sent.messages[1]!.content)).toContain('Vorgeschlagene Entscheidung: Bewilligung');
  });

  it('refuses an invalid form with a message per field', async () => {
    const response = await submit(f.staff, 'vereinsfoerderung', {
      ...subsidyApplication,
      kontakt_email: 'kein-at',
      mitglieder_gesamt: -3,
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ reason: string; errors: { path: string }[] }>();
    expect(problem.reason).toBe('invalid_input');
    expect(problem.errors.map((error) => error.path).sort()).toEqual([
      'input.kontakt_email',
      'input.mitglieder_gesamt',
    ]);
  });

  describe('nothing is final or sent without approval (DECIDE-2)', () => {
    let caseId: string;
    beforeAll(async () => {
      caseId = (await submit(f.staff, 'vereinsfoerderung', subsidyApplication)).json<CaseBody>().id;
    });

    it('sends nothing for a case that is only edited', async () => {
      const edited = await f.staff.request('PUT', `/api/workflow-cases/${caseId}/text`, {
        text: 'Überarbeiteter Entwurf',
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json<CaseBody>()).toMatchObject({
        status: 'in_review',
        workingText: 'Überarbeiteter Entwurf',
        finalText: null,
      });
      const send = await f.staff.request('POST', `/api/workflow-cases/${caseId}/send`);
      expect(send.statusCode).toBe(409);
      expect(send.json<{ reason: string }>().reason).toBe('not_approved');
      const viaKey = await f.app.inject({
        method: 'POST',
        url: `/api/workflow-cases/${caseId}/send`,
        headers: { authorization: `Bearer ${f.staffKey}` },
      });
      expect(viaKey.statusCode).toBe(409);
      expect(f.outbox()).toEqual([]);
    });

    it('lets no API key approve, even with the approval role', async () => {
      const response = await f.app.inject({
        method: 'POST',
        url: `/api/workflow-cases/${caseId}/approve`,
        headers: { authorization: `Bearer ${f.staffKey}` },
        payload: { text: 'Freigabe per Skript', outcome: 'bewilligung' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json<{ reason: string }>().reason).toBe('person_required');
    });

    it('hides the case from a member, who cannot approve it either', async () => {
      expect((await f.member.request('GET', `/api/workflow-cases/${caseId}`)).statusCode).toBe(404);
      expect(
        (
          await f.member.request('POST', `/api/workflow-cases/${caseId}/approve`, {
            text: 'x',
            outcome: 'bewilligung',
          })
        ).statusCode,
      ).toBe(404);
    });

    it('refuses an admin where the definition names staff as approvers', async () => {
      const view = (await f.admin.request('GET', `/api/workflow-cases/${caseId}`)).json<CaseBody>();
      expect(view.allowed).toEqual({ work: true, approve: false });
      const response = await f.admin.request('POST', `/api/workflow-cases/${caseId}/approve`, {
        text: 'x',
        outcome: 'bewilligung',
      });
      expect(response.statusCode).toBe(403);
      expect(response.json<{ reason: string; detail: string }>()).toMatchObject({
        reason: 'approval_role_required',
        detail: 'Diesen Vorgang dürfen nur Personen mit der Rolle Mitarbeiter*in freigeben oder verwerfen.',
      });
      expect((await f.staff.request('GET', `/api/workflow-cases/${caseId}`)).json<CaseBody>().status).toBe(
        'in_review',
      );
    });

    it('needs a reason to depart from the rules’ suggestion', async () => {
      const response = await f.staff.request('POST', `/api/workflow-cases/${caseId}/approve`, {
        text: 'Ablehnung',
        outcome: 'ablehnung',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ reason: string }>().reason).toBe('justification_required');
    });

    it('makes the approved text final, closes it to edits, and sends it once with the AI disclosure', async () => {
      const approved = await f.staff.request('POST', `/api/workflow-cases/${caseId}/approve`, {
        text: 'Endgültiger Bescheid über 2.200 €.',
        outcome: 'bewilligung',
      });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json<CaseBody>()).toMatchObject({
        status: 'approved',
        finalText: 'Endgültiger Bescheid über 2.200 €.',
        allowed: { work: false, approve: false },
      });
      expect(
        (await f.staff.request('PUT', `/api/workflow-cases/${caseId}/text`, { text: 'nachträglich' }))
          .statusCode,
      ).toBe(409);
      expect((await f.staff.request('POST', `/api/workflow-cases/${caseId}/draft`, {})).statusCode).toBe(409);
      expect(
        (
          await f.staff.request('POST', `/api/workflow-cases/${caseId}/approve`, {
            text: 'nochmal',
            outcome: 'bewilligung',
          })
        ).statusCode,
      ).toBe(409);
      expect(f.outbox()).toEqual([]);

      const sent = await f.staff.request('POST', `/api/workflow-cases/${caseId}/send`);
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json<CaseBody>().status).toBe('sent');
      const mails = f.outbox();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain('To: jugend@tsv-musterstadt.example');
      expect(mails[0]!.text).toContain(
        'Endgültiger Bescheid über 2.200 €.\r\n\r\n-- \r\nDieses Schreiben wurde mit Unterstützung eines KI-Sprachmodells entworfen',
      );
      expect(
        (await f.staff.request('POST', `/api/workflow-cases/${caseId}/send`)).json<{ reason: string }>()
          .reason,
      ).toBe('already_sent');
      expect(f.outbox()).toHaveLength(1);
    });
  });

  it('lets only the definition’s approval role decide a party motion, and a rejected draft is never sent', async () => {
    const created = (
      await submit(f.staff, 'parteitag-antrag', { ...motion, eingang: '2026-10-12' })
    ).json<CaseBody>();
    expect(created.suggestedOutcome).toBe('nicht_zulaessig');
    expect(created.allowed.approve).toBe(false);
    const byStaff = await f.staff.request('POST', `/api/workflow-cases/${created.id}/reject`, {
      note: 'Zu spät.',
    });
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json<{ reason: string }>().reason).toBe('approval_role_required');
    expect(
      (await f.admin.request('POST', `/api/workflow-cases/${created.id}/reject`, { note: '  ' })).json<{
        reason: string;
      }>().reason,
    ).toBe('reason_required');
    const rejected = await f.admin.request('POST', `/api/workflow-cases/${created.id}/reject`, {
      note: 'Die Antragskommission klärt die Frist zuerst.',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json<CaseBody>()).toMatchObject({ status: 'rejected', finalText: null });
    expect(
      (await f.admin.request('POST', `/api/workflow-cases/${created.id}/send`)).json<{ reason: string }>()
        .reason,
    ).toBe('not_approved');
  });

  it('keeps a case whose draft failed, and the case worker can write the text', async () => {
    f.upstream.script('kaputt', { status: 500 });
    await f.addModel('kaputt');
    const created = (
      await submit(f.staff, 'vereinsfoerderung', subsidyApplication, { model: 'kaputt' })
    ).json<CaseBody>();
    expect(created.status).toBe('draft_failed');
    expect(created.draftError!.de).toContain('Der Entwurf konnte nicht erzeugt werden');
    expect(created.events.map((event) => event.type)).toEqual(['submitted', 'draft_failed']);
    const approved = await f.staff.request('POST', `/api/workflow-cases/${created.id}/approve`, {
      text: 'Von Hand geschrieben.',
      outcome: 'bewilligung',
    });
    expect(approved.json<CaseBody>()).toMatchObject({
      status: 'approved',
      draftText: null,
      finalText: 'Von Hand geschrieben.',
    });
  });

  it('reproduces a decided case with the same inputs and versions after the definition changed (DECIDE-1)', async () => {
    const first = (
      await submit(f.staff, 'vereinsfoerderung', { ...subsidyApplication, mitglieder_gesamt: 120 })
    ).json<CaseBody>();
    await f.staff.request('POST', `/api/workflow-cases/${first.id}/approve`, {
      text: 'Bescheid',
      outcome: 'bewilligung',
    });

    // The municipality raises its minimum membership: version 2. Changing version 1 in place is refused.
    const source = parseYaml(
      readFileSync(path.join(shippedDefinitionsDir, 'vereinsfoerderung.yaml'), 'utf8'),
    ) as { version: number; parameters: Record<string, number> };
    source.parameters.mindestmitglieder = 150;
    await expect(f.services.workflows.publishDefinition(toYaml(source), 'test:v1-changed')).rejects.toThrow(
      /raise "version"/,
    );
    source.version = 2;
    await f.services.workflows.publishDefinition(toYaml(source), 'test:v2');

    const second = (
      await submit(f.staff, 'vereinsfoerderung', { ...subsidyApplication, mitglieder_gesamt: 120 })
    ).json<CaseBody>();
    expect(second.definitionVersion).toBe(2);
    expect(second.suggestedOutcome).toBe('ablehnung');

    const why = await f.staff.request('GET', `/api/workflow-cases/${first.id}/explanation`);
    expect(why.statusCode).toBe(200);
    const explanation = why.json<{
      input: Record<string, unknown>;
      definition: {
        version: number;
        hash: string;
        intact: boolean;
        latestVersion: number;
        parameters: Record<string, number>;
      };
      evaluation: { outcome: { id: string } };
      reproduction: { identical: boolean; differences: string[]; promptIdentical: boolean };
      draft: {
        request: { model: string; settings: { temperature: number }; messages: unknown[] };
        report: { model: string; model_revision: string; provenance_id: string };
      };
      decision: {
        decision: string;
        decidedOutcome: string;
        finalText: string;
        editedFromDraft: boolean;
        decidedBy: string;
      };
    }>();
    expect(explanation.input).toEqual({ ...subsidyApplication, mitglieder_gesamt: 120 });
    expect(explanation.definition).toMatchObject({
      version: 1,
      hash: first.definitionHash,
      intact: true,
      latestVersion: 2,
    });
    expect(explanation.definition.parameters.mindestmitglieder).toBe(10);
    expect(explanation.evaluation.outcome.id).toBe('bewilligung');
    expect(explanation.reproduction).toMatchObject({
      identical: true,
      differences: [],
      promptIdentical: true,
    });
    expect(explanation.draft.request).toMatchObject({ model: DRAFT_MODEL, settings: { temperature: 0 } });
    expect(explanation.draft.report).toMatchObject({
      model: DRAFT_MODEL,
      model_revision: first.draftReport!.model_revision,
      provenance_id: first.draftReport!.provenance_id,
    });
    expect(explanation.decision).toMatchObject({
      decision: 'approved',
      decidedOutcome: 'bewilligung',
      finalText: 'Bescheid',
      editedFromDraft: true,
    });
  });

  it('turns a CSV file into cases at once and drafts them in a job', async () => {
    const csv = [
      'verein_name;antrag_eingang;kontakt_email;gesamtkosten;eigenmittel;beantragter_betrag',
      'Chor Harmonie;01.03.2026;chor@example.org;1.500,00;300;1200',
      'Schachfreunde;2026-03-02;kein-at;900;100;800',
      'Kleingärten Süd;02.03.2026;garten@example.org;3000;600;2400',
    ].join('\n');
    const response = await f.staff.request('POST', `/api/orgs/${f.orgId}/workflow-cases/csv`, {
      workflowId: 'vereinsfoerderung',
      csv,
      model: DRAFT_MODEL,
    });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json<{
      jobId: string;
      created: { line: number; caseId: string }[];
      problems: { line: number; fields: { path: string }[] }[];
    }>();
    expect(result.created.map((entry) => entry.line)).toEqual([2, 4]);
    expect(result.problems).toEqual([
      { line: 3, fields: [expect.objectContaining({ path: 'input.kontakt_email' })] },
    ]);
    await f.services.jobs.start();
    const job = await f.services.jobs.waitFor(result.jobId, 60_000);
    expect(job.status).toBe('succeeded');
    expect(job.progressDone).toBe(2);
    for (const { caseId } of result.created) {
      const view = (await f.staff.request('GET', `/api/workflow-cases/${caseId}`)).json<
        CaseBody & { source: string }
      >();
      expect(view).toMatchObject({ status: 'in_review', source: 'csv' });
      expect(view.draftReport!.model).toBe(DRAFT_MODEL);
    }
    const list = (await f.staff.request('GET', `/api/orgs/${f.orgId}/workflow-cases?status=in_review`)).json<
      { id: string }[]
    >();
    expect(list.map((entry) => entry.id)).toEqual(
      expect.arrayContaining(result.created.map((entry) => entry.caseId)),
    );
  });

  it('audits every step without the applicant’s data', async () => {
    const entries = (await f.admin.request('GET', `/api/orgs/${f.orgId}/audit?limit=500`)).json<
      { action: string; metadata: Record<string, unknown> }[]
    >();
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of [
      'workflows.case.submit',
      'workflows.case.draft',
      'workflows.case.edit',
      'workflows.case.approve',
      'workflows.case.reject',
      'workflows.case.send',
    ])
      expect(actions).toContain(action);
    expect(JSON.stringify(entries.filter((entry) => entry.action.startsWith('workflows.')))).not.toContain(
      'jugend@tsv-musterstadt.example',
    );
  });

  it('enters the use case in the register once and records its entry on every case', async () => {
    const response = await f.admin.request(
      'POST',
      `/api/orgs/${f.orgId}/workflows/vereinsfoerderung/register`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const entry = response.json<{ id: string; riskClass: string | null }>();
    const again = (
      await f.admin.request('POST', `/api/orgs/${f.orgId}/workflows/vereinsfoerderung/register`)
    ).json<{ id: string }>();
    expect(again.id).toBe(entry.id);
    const registered = (await f.admin.request('GET', `/api/orgs/${f.orgId}/transparency/use-cases`)).json<
      { id: string; name: string; purpose: string }[]
    >();
    expect(registered.find((useCase) => useCase.id === entry.id)).toMatchObject({
      name: 'Antragsprüfung Vereinsförderung mit Schreibentwurf',
    });
    const created = (
      await f.staff.request('POST', `/api/orgs/${f.orgId}/workflow-cases`, {
        workflowId: 'vereinsfoerderung',
        input: subsidyApplication,
        draft: false,
      })
    ).json<CaseBody>();
    // Not assessed in the register yet: the definition's own class stands, the entry is linked.
    expect(created).toMatchObject({
      status: 'draft_pending',
      riskClass: 'minimal',
      riskClassSource: 'definition',
      registerUseCaseId: entry.id,
    });
    expect(
      (await f.staff.request('POST', `/api/orgs/${f.orgId}/workflows/vereinsfoerderung/register`)).statusCode,
    ).toBe(403);
  });

  it('keeps organisations apart', async () => {
    const other = await makeOrg(f.services, 'wf-fremd');
    const user = await makeUser(f.services, other.id, ['staff', 'admin']);
    const stranger = await Session.login(f.app, user.email, user.password);
    const created = (
      await f.staff.request('POST', `/api/orgs/${f.orgId}/workflow-cases`, {
        workflowId: 'vereinsfoerderung',
        input: subsidyApplication,
        draft: false,
      })
    ).json<CaseBody>();
    expect((await stranger.request('GET', `/api/workflow-cases/${created.id}`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/workflow-cases/${created.id}/explanation`)).statusCode).toBe(
      404,
    );
    expect((await stranger.request('GET', `/api/orgs/${f.orgId}/workflow-cases`)).statusCode).toBe(403);
  });
});

describe('a register that has assessed the use case (OPEN-2)', () => {
  let assessed: RegisteredUseCase = { id: 'uc-1', riskClass: 'prohibited' };
  const register: RegisterLink = { connected: true, find: async () => assessed, link: async () => assessed };
  let f: WorkflowFixture;
  beforeAll(async () => {
    f = await createWorkflowFixture({ workflowRegister: register });
  });
  afterAll(async () => f?.closeAll());

  it('refuses cases of a use case classified as prohibited', async () => {
    const response = await f.staff.request('POST', `/api/orgs/${f.orgId}/workflow-cases`, {
      workflowId: 'vereinsfoerderung',
      input: subsidyApplication,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ reason: string }>().reason).toBe('use_case_prohibited');
    expect(f.upstream.requests).toEqual([]);
  });

  it('takes the register’s class over the definition’s', async () => {
    assessed = { id: 'uc-2', riskClass: 'high' };
    const created = (
      await f.staff.request('POST', `/api/orgs/${f.orgId}/workflow-cases`, {
        workflowId: 'parteitag-antrag',
        input: motion,
        draft: false,
      })
    ).json<CaseBody>();
    expect(created).toMatchObject({
      riskClass: 'high',
      riskClassSource: 'register',
      registerUseCaseId: 'uc-2',
    });
  });
});
