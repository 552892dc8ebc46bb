import { randomUUID } from 'node:crypto';
import { cliCaller } from '../../../src/cli/admin-commands.js';
import { makeApiKey, makeUser } from '../../helpers/test-app.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomUUID().slice(0, 6)}`;

export const identityRouteCases: RouteCase[] = [
  { route: 'GET /healthz', access: 'public', request: () => ({ url: '/healthz' }) },
  { route: 'GET /readyz', access: 'public', request: () => ({ url: '/readyz' }) },
  { route: 'GET /metrics', access: 'public', request: () => ({ url: '/metrics' }) },
  {
    route: 'POST /api/auth/login',
    access: 'public',
    request: () => ({ url: '/api/auth/login', payload: { email: 'nobody@test.example', password: 'x' } }),
    expectAllowed: [401],
  },
  // A throwaway cookie: logging out the principal's own session would end it for the rows after this one.
  { route: 'POST /api/auth/logout', access: 'public', request: () => ({ url: '/api/auth/logout', headers: { cookie: 'lp_session=unknown' } }) },
  { route: 'GET /api/auth/session', access: 'public', request: () => ({ url: '/api/auth/session' }) },
  {
    route: 'POST /api/auth/password',
    access: (spec) => spec.name !== 'anonymous' && spec.via !== 'apikey',
    request: () => ({ url: '/api/auth/password', payload: { currentPassword: 'wrong', newPassword: 'a new password 12345' } }),
    // Authorised callers reach the password check, which refuses the wrong current password.
    expectAllowed: [400],
  },
  { route: 'GET /api/auth/oidc/start', access: 'public', request: () => ({ url: '/api/auth/oidc/start' }), expectAllowed: [404] },
  { route: 'GET /api/auth/oidc/callback', access: 'public', request: () => ({ url: '/api/auth/oidc/callback' }), expectAllowed: [302] },
  { route: 'GET /api/orgs', access: 'authenticated', request: () => ({ url: '/api/orgs' }) },
  {
    route: 'POST /api/orgs',
    access: (spec) => holdsAtA(spec, ['admin']),
    request: (f) => ({ url: '/api/orgs', payload: { slug: unique('ov'), name: 'Ortsverband', kind: 'local', parentId: f.A.id } }),
  },
  {
    route: 'GET /api/orgs/{orgId}',
    access: (spec) => holdsAtA(spec, ['member', 'staff', 'reviewer', 'dpo', 'admin']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}` }),
  },
  {
    route: 'PATCH /api/orgs/{orgId}',
    access: (spec) => holdsAtA(spec, ['admin']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}`, payload: { name: 'Landesverband A' } }),
  },
  {
    route: 'DELETE /api/orgs/{orgId}',
    access: (spec) => holdsAtA(spec, ['admin']),
    // Deleting a leaf below A needs admin rights at A.
    prepare: async (f) => ({ leaf: (await f.t.services.orgs.create(cliCaller(), { slug: unique('leaf'), name: 'Blatt', kind: 'local', parentId: f.A.id })).id }),
    request: (_f, prepared) => ({ url: `/api/orgs/${prepared.leaf}` }),
  },
  {
    route: 'GET /api/orgs/{orgId}/users',
    access: (spec) => holdsAtA(spec, ['admin', 'dpo']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}/users` }),
  },
  {
    route: 'POST /api/orgs/{orgId}/users',
    access: (spec) => holdsAtA(spec, ['admin']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}/users`, payload: { email: `${unique('u')}@test.example`, displayName: 'Neu', roles: ['member'] } }),
  },
  {
    route: 'PUT /api/orgs/{orgId}/users/{userId}/roles',
    access: (spec) => holdsAtA(spec, ['admin']),
    prepare: async (f) => ({ user: (await makeUser(f.t.services, f.A.id, ['member'])).id }),
    request: (f, prepared) => ({ url: `/api/orgs/${f.A.id}/users/${prepared.user}/roles`, payload: { roles: ['staff'] } }),
  },
  {
    route: 'POST /api/orgs/{orgId}/users/{userId}/reset-password',
    access: (spec) => holdsAtA(spec, ['admin']),
    prepare: async (f) => ({ user: (await makeUser(f.t.services, f.A.id, ['member'])).id }),
    request: (f, prepared) => ({ url: `/api/orgs/${f.A.id}/users/${prepared.user}/reset-password` }),
  },
  {
    route: 'PATCH /api/orgs/{orgId}/users/{userId}',
    access: (spec) => holdsAtA(spec, ['admin']),
    prepare: async (f) => ({ user: (await makeUser(f.t.services, f.A.id, ['member'])).id }),
    request: (f, prepared) => ({ url: `/api/orgs/${f.A.id}/users/${prepared.user}`, payload: { active: false } }),
  },
  {
    route: 'GET /api/orgs/{orgId}/api-keys',
    access: (spec) => holdsAtA(spec, ['admin']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}/api-keys` }),
  },
  {
    route: 'POST /api/orgs/{orgId}/api-keys',
    access: (spec) => holdsAtA(spec, ['admin']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}/api-keys`, payload: { name: unique('key'), role: 'member' } }),
  },
  {
    route: 'DELETE /api/orgs/{orgId}/api-keys/{keyId}',
    access: (spec) => holdsAtA(spec, ['admin']),
    prepare: async (f) => ({ key: (await makeApiKey(f.t.services, f.A.id, 'member')).apiKey.id }),
    request: (f, prepared) => ({ url: `/api/orgs/${f.A.id}/api-keys/${prepared.key}` }),
  },
  {
    route: 'GET /api/orgs/{orgId}/audit',
    access: (spec) => holdsAtA(spec, ['admin', 'dpo']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}/audit` }),
  },
  {
    route: 'GET /api/audit/verify',
    // The whole chain: only at the root.
    access: (spec: PrincipalSpec) => spec.at === 'root' && spec.role === 'admin',
    request: () => ({ url: '/api/audit/verify' }),
  },
];

export type { Fixture };
