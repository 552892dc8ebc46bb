import type { Role } from '../../../src/identity/roles.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

const everyone: Role[] = ['member', 'staff', 'reviewer', 'dpo', 'admin'];
/** Own use: every person with a role at A; an API key is no person and has no "own" use. */
const mine = (spec: PrincipalSpec) => holdsAtA(spec, everyone) && spec.via !== 'apikey';
/** The organisation's view: administration, data protection and reviewers. */
const orgView = (spec: PrincipalSpec) => holdsAtA(spec, ['admin', 'dpo', 'reviewer']);

const org = (f: Fixture) => `/api/orgs/${f.A.id}`;
const month = new Date().toISOString().slice(0, 7);

export const energyRouteCases: RouteCase[] = [
  { route: 'GET /api/orgs/{orgId}/energy', access: mine, request: (f) => ({ url: `${org(f)}/energy?scope=mine&by=model,user` }) },
  { route: 'GET /api/orgs/{orgId}/energy.csv', access: orgView, request: (f) => ({ url: `${org(f)}/energy.csv?scope=org&by=org,model&period=day` }) },
  { route: 'GET /api/orgs/{orgId}/energy/monthly', access: orgView, request: (f) => ({ url: `${org(f)}/energy/monthly?month=${month}` }) },
  { route: 'GET /api/public/energy/methodology', access: 'public', request: () => ({ url: '/api/public/energy/methodology' }) },
];
