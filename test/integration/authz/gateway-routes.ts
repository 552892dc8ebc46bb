import { holdsAtA } from './fixtures.js';
import type { RouteCase } from './route-case.js';

/** The gateway: every authenticated principal may call it for its own organisation; the registry decides per model. */
export const gatewayRouteCases: RouteCase[] = [
  { route: 'GET /v1/models', access: 'authenticated', request: () => ({ url: '/v1/models' }) },
  {
    route: 'POST /v1/chat/completions',
    access: 'authenticated',
    // No model is registered in this fixture: authorised callers get as far as the registry's 404.
    request: () => ({ url: '/v1/chat/completions', payload: { model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] } }),
    expectAllowed: [404],
  },
  {
    route: 'POST /v1/embeddings',
    access: 'authenticated',
    request: () => ({ url: '/v1/embeddings', payload: { model: 'no-such-model', input: 'x' } }),
    expectAllowed: [404],
  },
  { route: 'GET /api/orgs/{orgId}/limits', access: (spec) => holdsAtA(spec, ['admin']), request: (f) => ({ url: `/api/orgs/${f.A.id}/limits` }) },
  {
    route: 'PUT /api/orgs/{orgId}/limits',
    access: (spec) => holdsAtA(spec, ['admin']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}/limits`, payload: { monthlyTokenBudget: 1_000_000, requestsPerMinutePerUser: 60, requestsPerMinutePerKey: null } }),
  },
];
