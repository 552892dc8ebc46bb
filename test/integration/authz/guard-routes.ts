import { holdsAtA } from './fixtures.js';
import type { RouteCase } from './route-case.js';

export const guardRouteCases: RouteCase[] = [
  {
    route: 'POST /api/guard/preview',
    access: (spec) => holdsAtA(spec, ['member', 'staff', 'reviewer', 'dpo', 'admin']),
    // No model is usable in this fixture: authorised callers get as far as the model lookup.
    request: (f) => ({ url: '/api/guard/preview', payload: { orgId: f.A.id, model: 'none', text: 'Hallo' } }),
    expectAllowed: [404],
  },
  { route: 'GET /api/orgs/{orgId}/guard-settings', access: (spec) => holdsAtA(spec, ['dpo', 'admin']), request: (f) => ({ url: `/api/orgs/${f.A.id}/guard-settings` }) },
  { route: 'PUT /api/orgs/{orgId}/guard-settings', access: (spec) => holdsAtA(spec, ['dpo', 'admin']), request: (f) => ({ url: `/api/orgs/${f.A.id}/guard-settings`, payload: { pseudonymise: { own: true } } }) },
];
