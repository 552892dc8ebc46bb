import { systemCaller, type Caller } from '../../../src/identity/principal.js';
import { tools } from '../../../src/workflows/agent/tools.js';
import { workflowActions } from '../../../src/workflows/schema.js';
import { makeUser } from '../../helpers/test-app.js';
import { subsidyApplication } from '../workflows-fixture.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

/**
 * Case workflows. Cases are hidden (404) from whoever may not work on the organisation's cases;
 * deciding a case and confirming an agent action take a person: the approval role of the definition
 * (staff for the Vereinsförderung) for a decision, any case worker for a confirmation.
 */
const system = systemCaller('authz-workflows');
const caseWorkers = (spec: PrincipalSpec) => holdsAtA(spec, ['staff', 'admin']);
const admins = (spec: PrincipalSpec) => holdsAtA(spec, ['admin']);
const person = (spec: PrincipalSpec) => spec.via !== 'apikey';
/** Vereinsförderung: `approval.roles: [staff]` — an administrator sees the case but may not decide it. */
const approvers = (spec: PrincipalSpec) => person(spec) && holdsAtA(spec, ['staff']);
/** Who may not see the case gets 404; who sees it (a case worker) but may not decide gets 403. */
const hiddenOrForbidden = (spec: PrincipalSpec) => (caseWorkers(spec) ? 403 : 404);

const org = (f: Fixture) => `/api/orgs/${f.A.id}`;
const workflow = 'vereinsfoerderung';

/** A staff person at A, as the service sees them after login. */
const staffCallers = new WeakMap<Fixture, Promise<Caller>>();
function staffOfA(f: Fixture): Promise<Caller> {
  let pending = staffCallers.get(f);
  if (!pending) {
    pending = (async () => {
      const user = await makeUser(f.t.services, f.A.id, ['staff']);
      return {
        principal: { kind: 'user', userId: user.id, email: user.email, displayName: 'Sachbearbeitung', locale: 'de', grants: [{ orgId: f.A.id, role: 'staff' }] },
        actor: { type: 'user', id: user.id, label: user.email },
        requestId: 'authz-workflows',
        locale: 'de',
      } satisfies Caller;
    })();
    staffCallers.set(f, pending);
  }
  return pending;
}

/** A fresh open case of A (rules checked, no draft: no model is registered in this fixture). */
async function caseOfA(f: Fixture) {
  const created = await f.t.services.workflows.cases.submit(system, f.A.id, { workflowId: workflow, input: subsidyApplication, draft: false });
  return { case: created.id };
}

/** A fresh case of A approved by a staff person: ready to be sent. */
async function approvedCaseOfA(f: Fixture) {
  const { case: caseId } = await caseOfA(f);
  await f.t.services.workflows.cases.approve(await staffOfA(f), caseId, { text: 'Bescheid über 2.200 €.', outcome: 'bewilligung' });
  return { case: caseId };
}

/** An action of an approved case as the assistant leaves it: `proposed` (waiting for a person) or `done`. */
async function actionOfA(f: Fixture, tool: 'send_email' | 'create_calendar_entry', status: 'proposed' | 'done') {
  const { case: caseId } = await approvedCaseOfA(f);
  const args =
    tool === 'send_email'
      ? { to: 'jugend@tsv-musterstadt.example', subject: 'Ihr Bescheid', body: 'Bescheid über 2.200 €.' }
      : { title: 'Übergabe des Bescheids', start: '2026-08-01T10:00', end: '2026-08-01T11:00' };
  const [action] = await f.t.services.database.db
    .insert(workflowActions)
    .values({
      caseId,
      orgId: f.A.id,
      tool,
      effect: 'external',
      arguments: args,
      preview: tools[tool].preview(args),
      status,
      proposedBy: 'authz',
      proposedAt: new Date(),
      result: status === 'done' ? { filename: 'termin.ics', ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' } : null,
    })
    .returning();
  return { action: action!.id, case: caseId };
}

/** The channel `vorstand` of A, set by the system. */
async function channelOfA(f: Fixture) {
  await f.t.services.workflows.channels.set(system, f.A.id, 'vorstand', { label: 'Vorstand', webhookUrl: 'https://hooks.example/vorstand' });
  return {};
}

/** The use case of the Vereinsförderung in A's register, entered once by an administrator of A. */
const linked = new WeakMap<Fixture, Promise<Record<string, string>>>();
function linkedToRegister(f: Fixture) {
  let pending = linked.get(f);
  if (!pending) {
    pending = (async () => {
      const user = await makeUser(f.t.services, f.A.id, ['admin']);
      const admin: Caller = {
        principal: { kind: 'user', userId: user.id, email: user.email, displayName: 'Verwaltung', locale: 'de', grants: [{ orgId: f.A.id, role: 'admin' }] },
        actor: { type: 'user', id: user.id, label: user.email },
        requestId: 'authz-workflows',
        locale: 'de',
      };
      const entry = await f.t.services.workflows.linkToRegister(admin, f.A.id, workflow);
      return { useCase: entry.id };
    })();
    linked.set(f, pending);
  }
  return pending;
}

const csv = 'verein_name;antrag_eingang;kontakt_email\nSV Blau-Weiß;2026-03-02;info@sv-blau-weiss.example\n';

export const workflowRouteCases: RouteCase[] = [
  { route: 'GET /api/orgs/{orgId}/workflows', access: caseWorkers, request: (f) => ({ url: `${org(f)}/workflows` }) },
  // Definitions are open for every signed-in person to review (rules, prompts, approval role).
  { route: 'GET /api/workflows/{workflowId}', access: 'authenticated', request: () => ({ url: `/api/workflows/${workflow}` }) },
  // Entering in the register is the administrators'; once entered, repeating it returns the entry.
  { route: 'POST /api/orgs/{orgId}/workflows/{workflowId}/register', access: admins, prepare: linkedToRegister, request: (f) => ({ url: `${org(f)}/workflows/${workflow}/register` }) },
  { route: 'GET /api/orgs/{orgId}/workflow-cases', access: caseWorkers, request: (f) => ({ url: `${org(f)}/workflow-cases?status=in_review&workflowId=${workflow}` }) },
  {
    route: 'POST /api/orgs/{orgId}/workflow-cases',
    access: caseWorkers,
    request: (f) => ({ url: `${org(f)}/workflow-cases`, payload: { workflowId: workflow, input: subsidyApplication, draft: false, source: 'form' } }),
  },
  { route: 'POST /api/orgs/{orgId}/workflow-cases/csv', access: caseWorkers, request: (f) => ({ url: `${org(f)}/workflow-cases/csv`, payload: { workflowId: workflow, csv } }) },
  { route: 'GET /api/workflow-cases/{caseId}', access: caseWorkers, deniedStatus: 404, prepare: caseOfA, request: (_f, p) => ({ url: `/api/workflow-cases/${p.case}` }) },
  { route: 'GET /api/workflow-cases/{caseId}/explanation', access: caseWorkers, deniedStatus: 404, prepare: caseOfA, request: (_f, p) => ({ url: `/api/workflow-cases/${p.case}/explanation` }) },
  // No model is registered here: the draft fails and is stored as failed, the case answers 200.
  { route: 'POST /api/workflow-cases/{caseId}/draft', access: caseWorkers, deniedStatus: 404, prepare: caseOfA, request: (_f, p) => ({ url: `/api/workflow-cases/${p.case}/draft`, payload: {} }) },
  { route: 'PUT /api/workflow-cases/{caseId}/text', access: caseWorkers, deniedStatus: 404, prepare: caseOfA, request: (_f, p) => ({ url: `/api/workflow-cases/${p.case}/text`, payload: { text: 'Geänderter Entwurf' } }) },
  {
    route: 'POST /api/workflow-cases/{caseId}/approve',
    access: approvers,
    deniedStatus: hiddenOrForbidden,
    prepare: caseOfA,
    request: (_f, p) => ({ url: `/api/workflow-cases/${p.case}/approve`, payload: { text: 'Bescheid über 2.200 €.', outcome: 'bewilligung' } }),
  },
  {
    route: 'POST /api/workflow-cases/{caseId}/reject',
    access: approvers,
    deniedStatus: hiddenOrForbidden,
    prepare: caseOfA,
    request: (_f, p) => ({ url: `/api/workflow-cases/${p.case}/reject`, payload: { note: 'Vorhaben bereits begonnen.' } }),
  },
  // Sending needs an approved text, not a person: whoever works on the cases may send it.
  { route: 'POST /api/workflow-cases/{caseId}/send', access: caseWorkers, deniedStatus: 404, prepare: approvedCaseOfA, request: (_f, p) => ({ url: `/api/workflow-cases/${p.case}/send` }) },
  {
    route: 'POST /api/workflow-cases/{caseId}/assistant',
    access: caseWorkers,
    deniedStatus: 404,
    prepare: caseOfA,
    // The assistant helps only with decided cases: who may use it reaches that check (409), before any model call.
    request: (_f, p) => ({ url: `/api/workflow-cases/${p.case}/assistant`, payload: { instruction: 'Schick dem Verein den Bescheid.' } }),
    expectAllowed: [409],
  },
  {
    route: 'POST /api/workflow-actions/{actionId}/confirm',
    access: (spec) => person(spec) && caseWorkers(spec),
    // An API key is refused before anything is looked up (403); a person who may not see the case gets 404.
    deniedStatus: (spec) => (spec.via === 'apikey' ? 403 : 404),
    prepare: (f) => actionOfA(f, 'send_email', 'proposed'),
    request: (_f, p) => ({ url: `/api/workflow-actions/${p.action}/confirm` }),
  },
  { route: 'POST /api/workflow-actions/{actionId}/reject', access: caseWorkers, deniedStatus: 404, prepare: (f) => actionOfA(f, 'send_email', 'proposed'), request: (_f, p) => ({ url: `/api/workflow-actions/${p.action}/reject` }) },
  {
    route: 'GET /api/workflow-actions/{actionId}/calendar.ics',
    access: caseWorkers,
    deniedStatus: 404,
    prepare: (f) => actionOfA(f, 'create_calendar_entry', 'done'),
    request: (_f, p) => ({ url: `/api/workflow-actions/${p.action}/calendar.ics` }),
  },
  { route: 'GET /api/orgs/{orgId}/workflow-channels', access: caseWorkers, request: (f) => ({ url: `${org(f)}/workflow-channels` }) },
  { route: 'PUT /api/orgs/{orgId}/workflow-channels/{name}', access: admins, request: (f) => ({ url: `${org(f)}/workflow-channels/presse`, payload: { label: 'Pressestelle', webhookUrl: 'https://hooks.example/presse' } }) },
  { route: 'DELETE /api/orgs/{orgId}/workflow-channels/{name}', access: admins, prepare: channelOfA, request: (f) => ({ url: `${org(f)}/workflow-channels/vorstand` }) },
];
