import { systemCaller } from '../../../src/identity/principal.js';
import type { Role } from '../../../src/identity/roles.js';
import { buildRiskAnswers } from '../../../src/transparency/risk/index.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

const system = systemCaller('authz-transparency');
const readers: Role[] = ['member', 'staff', 'reviewer', 'dpo', 'admin'];
const managers: Role[] = ['staff', 'dpo', 'admin'];
const read = (spec: PrincipalSpec) => holdsAtA(spec, readers);
const manage = (spec: PrincipalSpec) => holdsAtA(spec, managers);
const year = new Date().getUTCFullYear();

const entry = {
  name: 'Authz-Eintrag',
  summary: 'Eintrag für die Berechtigungsmatrix.',
  purpose: 'Prüfen, wer was darf.',
  contact: 'ki@authz.example',
  responsiblePerson: { name: 'Prüfung', role: 'Test' },
};

/** A fresh entry of A for every call, so one principal's change does not shape the next one's. */
async function useCaseOfA(f: Fixture) {
  const created = await f.t.services.transparency.createUseCase(system, f.A.id, { ...entry, published: true });
  return { useCase: created.id };
}

async function withOpenRound(f: Fixture) {
  const { useCase } = await useCaseOfA(f);
  const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const round = await f.t.services.transparency.participation.open(system, useCase, { invitation: 'Bitte kommentieren.', closesAt });
  return { useCase, round: round.id };
}

const publicRoute = (route: string, url: string, prepare?: RouteCase['prepare']): RouteCase => ({
  route,
  access: 'public',
  ...(prepare ? { prepare } : {}),
  request: (_f, p) => ({ url: url.replace('{useCaseId}', p.useCase ?? '') }),
});

export const transparencyRouteCases: RouteCase[] = [
  { route: 'GET /api/transparency/questionnaire', access: 'authenticated', request: () => ({ url: '/api/transparency/questionnaire' }) },
  { route: 'POST /api/transparency/risk/evaluate', access: 'authenticated', request: () => ({ url: '/api/transparency/risk/evaluate', payload: { answers: {} } }) },
  { route: 'GET /api/orgs/{orgId}/transparency/use-cases', access: read, request: (f) => ({ url: `/api/orgs/${f.A.id}/transparency/use-cases` }) },
  { route: 'POST /api/orgs/{orgId}/transparency/use-cases', access: manage, request: (f) => ({ url: `/api/orgs/${f.A.id}/transparency/use-cases`, payload: entry }) },
  { route: 'GET /api/orgs/{orgId}/transparency/export', access: read, request: (f) => ({ url: `/api/orgs/${f.A.id}/transparency/export?format=csv` }) },
  { route: 'GET /api/transparency/use-cases/{useCaseId}', access: read, prepare: useCaseOfA, request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}` }) },
  { route: 'PATCH /api/transparency/use-cases/{useCaseId}', access: manage, prepare: useCaseOfA, request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}`, payload: { summary: 'Geändert.' } }) },
  { route: 'DELETE /api/transparency/use-cases/{useCaseId}', access: manage, prepare: useCaseOfA, request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}` }) },
  {
    route: 'POST /api/transparency/use-cases/{useCaseId}/status',
    access: manage,
    prepare: useCaseOfA,
    request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}/status`, payload: { status: 'retired' } }),
  },
  { route: 'GET /api/transparency/use-cases/{useCaseId}/assessments', access: read, prepare: useCaseOfA, request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}/assessments` }) },
  {
    route: 'POST /api/transparency/use-cases/{useCaseId}/assessments',
    access: manage,
    prepare: useCaseOfA,
    request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}/assessments`, payload: { answers: buildRiskAnswers() } }),
  },
  { route: 'GET /api/transparency/use-cases/{useCaseId}/participation', access: read, prepare: useCaseOfA, request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}/participation` }) },
  {
    route: 'POST /api/transparency/use-cases/{useCaseId}/participation',
    access: manage,
    prepare: useCaseOfA,
    request: (_f, p) => ({
      url: `/api/transparency/use-cases/${p.useCase}/participation`,
      payload: { invitation: 'Bitte kommentieren.', closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    }),
  },
  {
    route: 'POST /api/transparency/use-cases/{useCaseId}/participation/{roundId}/close',
    access: manage,
    prepare: withOpenRound,
    request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}/participation/${p.round}/close` }),
  },
  {
    route: 'POST /api/transparency/use-cases/{useCaseId}/comments',
    access: read,
    prepare: withOpenRound,
    request: (_f, p) => ({ url: `/api/transparency/use-cases/${p.useCase}/comments`, payload: { body: 'Ein Kommentar.', capacity: 'member' } }),
  },
  publicRoute('GET /api/public/transparency/vocabulary', '/api/public/transparency/vocabulary'),
  publicRoute('GET /api/public/transparency/register', '/api/public/transparency/register'),
  publicRoute('GET /api/public/transparency/register.csv', '/api/public/transparency/register.csv'),
  publicRoute('GET /api/public/transparency/register.atom', '/api/public/transparency/register.atom'),
  publicRoute('GET /api/public/transparency/algoritmeregister.json', '/api/public/transparency/algoritmeregister.json'),
  publicRoute('GET /api/public/transparency/register/{useCaseId}', '/api/public/transparency/register/{useCaseId}', useCaseOfA),
  publicRoute('GET /api/public/transparency/models/criteria', '/api/public/transparency/models/criteria'),
  publicRoute('GET /api/public/transparency/models/changes', '/api/public/transparency/models/changes'),
  publicRoute('GET /api/public/transparency/incidents', '/api/public/transparency/incidents'),
  publicRoute('GET /api/public/transparency/disclosures', '/api/public/transparency/disclosures'),
  publicRoute('GET /api/public/transparency/reports/{year}', `/api/public/transparency/reports/${year}`),
  publicRoute('GET /api/public/transparency/reports/{year}/report.html', `/api/public/transparency/reports/${year}/report.html`),
  publicRoute('GET /api/public/transparency/reports/{year}/report.pdf', `/api/public/transparency/reports/${year}/report.pdf`),
];
