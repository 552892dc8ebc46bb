import { randomInt, randomUUID } from 'node:crypto';
import { solveChallenge } from '../../../src/accountability/proof-of-work.js';
import type { Caller } from '../../../src/identity/principal.js';
import { systemCaller } from '../../../src/identity/principal.js';
import type { Role } from '../../../src/identity/roles.js';
import { makeUser } from '../../helpers/test-app.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

const system = systemCaller('authz-accountability');
const everyone: Role[] = ['member', 'staff', 'reviewer', 'dpo', 'admin'];
const members = (spec: PrincipalSpec) => holdsAtA(spec, everyone);
const approvers = (spec: PrincipalSpec) => holdsAtA(spec, ['reviewer', 'dpo', 'admin']);
/** The four-eyes rule needs a known person: a key that nobody owns cannot approve or reject. */
const personalApprovers = (spec: PrincipalSpec) => approvers(spec) && spec.via !== 'apikey';
const readers = (spec: PrincipalSpec) => holdsAtA(spec, ['staff', 'reviewer', 'dpo', 'admin']);
const triage = (spec: PrincipalSpec) => holdsAtA(spec, ['reviewer', 'dpo', 'admin']);
const handlers = (spec: PrincipalSpec) => holdsAtA(spec, ['staff', 'dpo', 'admin']);

const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const org = (f: Fixture) => `/api/orgs/${f.A.id}`;
const inAMonth = (f: Fixture) => new Date(f.t.services.clock.now().getTime() + 30 * 86_400_000).toISOString();
/** A fresh documentation address per public call, so the per-address limits of the form never interfere. */
const someAddress = () => `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;

/** A member of A acting through the service, as a logged-in person would. */
async function memberOfA(f: Fixture): Promise<{ caller: Caller; email: string }> {
  const user = await makeUser(f.t.services, f.A.id, ['member']);
  const caller: Caller = {
    principal: { kind: 'user', userId: user.id, email: user.email, displayName: user.email, locale: 'de', grants: [{ orgId: f.A.id, role: 'member' }] },
    actor: { type: 'user', id: user.id, label: user.email },
    requestId: 'authz-accountability',
    locale: 'de',
  };
  return { caller, email: user.email };
}

const exceptionRequest = (f: Fixture) => ({
  platform: 'Kommerzielle Plattform X',
  useCase: 'Bildbeschreibungen für barrierefreie Flyer',
  category: 'multimodal' as const,
  justification: 'Die offenen Modelle beschreiben Bilder für die Barrierefreiheit noch nicht gut genug.',
  dataClasses: ['public' as const],
  roles: ['staff' as const],
  expiresAt: inAMonth(f),
});

/** A pending exception of A, requested by another person than any principal of the matrix. */
async function exceptionOfA(f: Fixture) {
  const { caller } = await memberOfA(f);
  const row = await f.t.services.accountability.exceptions.request(caller, f.A.id, exceptionRequest(f));
  return { exception: row.id };
}

async function incidentOfA(f: Fixture, options: { triaged?: boolean; attachment?: boolean } = {}) {
  const { incidents } = f.t.services.accountability;
  const row = await incidents.report(system, f.A.id, {
    title: 'Erfundenes Zitat',
    description: 'Der Entwurf enthielt ein Zitat, das es nie gegeben hat.',
    location: 'Chat im Arbeitsbereich',
    attachments: options.attachment ? [{ fileName: 'bildschirm.png', contentBase64: png }] : [],
  });
  if (options.triaged) await incidents.triage(system, f.A.id, row.id, { severity: 'medium' });
  const detail = await incidents.get(system, f.A.id, row.id);
  return { incident: row.id, attachment: detail.attachments[0]?.id ?? '' };
}

async function actionOfA(f: Fixture) {
  const { incident } = await incidentOfA(f, { triaged: true });
  const owner = await memberOfA(f);
  const action = await f.t.services.accountability.incidents.addAction(system, f.A.id, incident, { description: 'Quellenprüfung einführen', ownerEmail: owner.email, dueDate: '2099-01-31' });
  return { incident, action: action.id, owner: owner.email };
}

async function solvedChallenge(f: Fixture) {
  const { challenge, bits } = await f.t.services.accountability.publicComplaints.challenge({ ip: someAddress(), requestId: 'authz', locale: 'de' });
  return { challenge, nonce: solveChallenge(challenge, bits) };
}

const complaintBody = (f: Fixture) => ({
  org: f.A.slug,
  category: 'ai_content' as const,
  subject: 'KI-Text ohne Kennzeichnung',
  description: 'Auf der Website steht ein Text, der offenbar mit KI geschrieben und nicht gekennzeichnet ist.',
});

/** A complaint to A through the public form, with an attachment; answers with its id and status code. */
async function complaintOfA(f: Fixture) {
  const { publicComplaints, complaints } = f.t.services.accountability;
  const submitted = await publicComplaints.submit(
    { ip: someAddress(), requestId: 'authz', locale: 'de' },
    { ...complaintBody(f), attachments: [{ fileName: 'screenshot.png', contentBase64: png }], ...(await solvedChallenge(f)) },
  );
  const [row] = await complaints.list(system, f.A.id, { status: 'all' }).then((all) => all.filter((entry) => entry.caseNumber === submitted.caseNumber));
  const detail = await complaints.get(system, f.A.id, row!.id);
  return { complaint: row!.id, attachment: detail.attachments[0]!.id, token: submitted.token };
}

export const accountabilityRouteCases: RouteCase[] = [
  // Notifications: one's own only. A notification of nobody the caller knows is a 404 for everyone signed in.
  { route: 'GET /api/notifications', access: 'authenticated', request: () => ({ url: '/api/notifications?unread=true' }) },
  { route: 'GET /api/notifications/unread-count', access: 'authenticated', request: () => ({ url: '/api/notifications/unread-count' }) },
  { route: 'POST /api/notifications/{notificationId}/read', access: 'authenticated', expectAllowed: [404], request: () => ({ url: `/api/notifications/${randomUUID()}/read` }) },
  { route: 'POST /api/notifications/read-all', access: 'authenticated', request: () => ({ url: '/api/notifications/read-all' }) },

  // Exceptions (SOV-3).
  { route: 'GET /api/orgs/{orgId}/exceptions', access: members, request: (f) => ({ url: `${org(f)}/exceptions?status=all` }) },
  { route: 'POST /api/orgs/{orgId}/exceptions', access: members, request: (f) => ({ url: `${org(f)}/exceptions`, payload: exceptionRequest(f) }) },
  { route: 'GET /api/orgs/{orgId}/exceptions/statistics', access: approvers, request: (f) => ({ url: `${org(f)}/exceptions/statistics` }) },
  { route: 'GET /api/orgs/{orgId}/exceptions/models', access: members, request: (f) => ({ url: `${org(f)}/exceptions/models` }) },
  { route: 'GET /api/orgs/{orgId}/exceptions/{exceptionId}', access: approvers, prepare: exceptionOfA, request: (f, p) => ({ url: `${org(f)}/exceptions/${p.exception}` }) },
  {
    route: 'POST /api/orgs/{orgId}/exceptions/{exceptionId}/approve',
    access: personalApprovers,
    prepare: exceptionOfA,
    request: (f, p) => ({ url: `${org(f)}/exceptions/${p.exception}/approve`, payload: { conditions: 'Nur öffentliche Bilder.' } }),
  },
  {
    route: 'POST /api/orgs/{orgId}/exceptions/{exceptionId}/reject',
    access: personalApprovers,
    prepare: exceptionOfA,
    request: (f, p) => ({ url: `${org(f)}/exceptions/${p.exception}/reject`, payload: { note: 'Offene Modelle reichen aus.' } }),
  },
  { route: 'POST /api/orgs/{orgId}/exceptions/{exceptionId}/end', access: approvers, prepare: exceptionOfA, request: (f, p) => ({ url: `${org(f)}/exceptions/${p.exception}/end`, payload: { reason: 'Nicht mehr nötig.' } }) },

  // Incidents (OPEN-3): everyone reports, readers see all, triage roles work on them.
  { route: 'GET /api/orgs/{orgId}/incidents', access: members, request: (f) => ({ url: `${org(f)}/incidents` }) },
  {
    route: 'POST /api/orgs/{orgId}/incidents',
    access: members,
    request: (f) => ({ url: `${org(f)}/incidents`, payload: { title: 'Falsche Zahl', description: 'Die Antwort nannte eine falsche Einwohnerzahl.', location: 'Chat', attachments: [{ fileName: 'a.png', contentBase64: png }] } }),
  },
  { route: 'GET /api/orgs/{orgId}/incidents/{incidentId}', access: readers, prepare: (f) => incidentOfA(f), request: (f, p) => ({ url: `${org(f)}/incidents/${p.incident}` }) },
  {
    route: 'POST /api/orgs/{orgId}/incidents/{incidentId}/triage',
    access: triage,
    prepare: (f) => incidentOfA(f),
    request: (f, p) => ({ url: `${org(f)}/incidents/${p.incident}/triage`, payload: { severity: 'low', note: 'Kleiner Fehler.' } }),
  },
  {
    route: 'POST /api/orgs/{orgId}/incidents/{incidentId}/actions',
    access: triage,
    prepare: async (f) => ({ ...(await incidentOfA(f, { triaged: true })), owner: (await memberOfA(f)).email }),
    request: (f, p) => ({ url: `${org(f)}/incidents/${p.incident}/actions`, payload: { description: 'Vorlage anpassen', ownerEmail: p.owner, dueDate: '2099-02-28' } }),
  },
  {
    route: 'POST /api/orgs/{orgId}/incidents/{incidentId}/actions/{actionId}/done',
    access: triage,
    prepare: actionOfA,
    request: (f, p) => ({ url: `${org(f)}/incidents/${p.incident}/actions/${p.action}/done`, payload: { note: 'Erledigt.' } }),
  },
  {
    route: 'POST /api/orgs/{orgId}/incidents/{incidentId}/resolve',
    access: triage,
    prepare: (f) => incidentOfA(f, { triaged: true }),
    request: (f, p) => ({ url: `${org(f)}/incidents/${p.incident}/resolve`, payload: { correction: 'Zitat entfernt.', lessonsLearned: 'Zitate immer prüfen.' } }),
  },
  {
    route: 'PUT /api/orgs/{orgId}/incidents/{incidentId}/publication',
    access: triage,
    prepare: (f) => incidentOfA(f, { triaged: true }),
    request: (f, p) => ({ url: `${org(f)}/incidents/${p.incident}/publication`, payload: { published: true, publicTitle: 'Erfundenes Zitat', publicSummary: 'Ein KI-Entwurf enthielt ein erfundenes Zitat.' } }),
  },
  {
    route: 'GET /api/orgs/{orgId}/incidents/{incidentId}/attachments/{attachmentId}',
    access: readers,
    prepare: (f) => incidentOfA(f, { attachment: true }),
    request: (f, p) => ({ url: `${org(f)}/incidents/${p.incident}/attachments/${p.attachment}` }),
  },

  // The complaint office (OPEN-4).
  { route: 'GET /api/orgs/{orgId}/complaints', access: handlers, request: (f) => ({ url: `${org(f)}/complaints?status=open` }) },
  { route: 'GET /api/orgs/{orgId}/complaints/{complaintId}', access: handlers, prepare: complaintOfA, request: (f, p) => ({ url: `${org(f)}/complaints/${p.complaint}` }) },
  {
    route: 'POST /api/orgs/{orgId}/complaints/{complaintId}/status',
    access: handlers,
    prepare: complaintOfA,
    request: (f, p) => ({ url: `${org(f)}/complaints/${p.complaint}/status`, payload: { status: 'acknowledged', message: 'Wir haben Ihre Beschwerde erhalten.' } }),
  },
  { route: 'POST /api/orgs/{orgId}/complaints/{complaintId}/assign', access: handlers, prepare: complaintOfA, request: (f, p) => ({ url: `${org(f)}/complaints/${p.complaint}/assign`, payload: { assigneeEmail: null } }) },
  { route: 'POST /api/orgs/{orgId}/complaints/{complaintId}/notes', access: handlers, prepare: complaintOfA, request: (f, p) => ({ url: `${org(f)}/complaints/${p.complaint}/notes`, payload: { note: 'Rückfrage bei der Redaktion.' } }) },
  {
    route: 'GET /api/orgs/{orgId}/complaints/{complaintId}/attachments/{attachmentId}',
    access: handlers,
    prepare: complaintOfA,
    request: (f, p) => ({ url: `${org(f)}/complaints/${p.complaint}/attachments/${p.attachment}` }),
  },

  // The public side: no account.
  { route: 'GET /api/public/complaints/form', access: 'public', request: (f) => ({ url: `/api/public/complaints/form?org=${f.A.slug}` }) },
  { route: 'GET /api/public/complaints/challenge', access: 'public', request: () => ({ url: '/api/public/complaints/challenge', remoteAddress: someAddress() }) },
  {
    route: 'POST /api/public/complaints',
    access: 'public',
    prepare: solvedChallenge,
    request: (f, p) => ({ url: '/api/public/complaints', remoteAddress: someAddress(), payload: { ...complaintBody(f), challenge: p.challenge, nonce: p.nonce } }),
  },
  { route: 'POST /api/public/complaints/status', access: 'public', prepare: complaintOfA, request: (_f, p) => ({ url: '/api/public/complaints/status', remoteAddress: someAddress(), payload: { token: p.token } }) },
];
