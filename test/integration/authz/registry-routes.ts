import { randomUUID } from 'node:crypto';
import { systemCaller } from '../../../src/identity/principal.js';
import type { Role } from '../../../src/identity/roles.js';
import { holdsAtA, type Fixture, type PrincipalSpec } from './fixtures.js';
import type { RouteCase } from './route-case.js';

const everyone = (spec: PrincipalSpec) => spec.name !== 'anonymous';
const atRoot = (roles: Role[]) => (spec: PrincipalSpec) => spec.at === 'root' && !!spec.role && roles.includes(spec.role);
const system = systemCaller('authz-registry');

/** A fresh model for each destructive call, so one principal's change does not shape the next one's. */
async function freshModel(f: Fixture) {
  const id = `authz-model-${randomUUID().slice(0, 8)}`;
  await f.t.services.registry.upsertModel(system, { id, kind: 'chat', status: 'under_review', deployments: [] });
  return { model: id };
}

async function ruleOfA(f: Fixture) {
  const rule = await f.t.services.registryRules.addOrgRule(system, f.A.id, { targetType: 'model', targetId: 'eurollm-9b-instruct', effect: 'exclude', reason: 'authz' });
  return { rule: rule.id };
}

export const registryRouteCases: RouteCase[] = [
  { route: 'GET /api/registry/models', access: everyone, request: () => ({ url: '/api/registry/models' }) },
  { route: 'GET /api/registry/models/{modelId}', access: everyone, request: () => ({ url: '/api/registry/models/eurollm-9b-instruct' }) },
  {
    route: 'POST /api/registry/models/{modelId}/status',
    access: atRoot(['reviewer']),
    prepare: freshModel,
    request: (_f, p) => ({ url: `/api/registry/models/${p.model}/status`, payload: { status: 'approved', reason: 'geprüft' } }),
  },
  {
    route: 'PUT /api/registry/models/{modelId}',
    access: atRoot(['admin']),
    prepare: freshModel,
    request: (_f, p) => ({ url: `/api/registry/models/${p.model}`, payload: { name: 'Neu', kind: 'chat', deployments: [] } }),
  },
  { route: 'GET /api/registry/providers', access: everyone, request: () => ({ url: '/api/registry/providers' }) },
  {
    route: 'PUT /api/registry/providers/{providerId}/connection',
    access: atRoot(['admin']),
    request: () => ({ url: `/api/registry/providers/p-${randomUUID().slice(0, 8)}/connection`, payload: { adapter: 'openai-compatible', baseUrl: 'http://127.0.0.1:1/v1', zone: 'own', jurisdiction: 'DE' } }),
  },
  {
    route: 'POST /api/registry/providers/{providerId}/status',
    access: atRoot(['reviewer']),
    request: () => ({ url: '/api/registry/providers/ionos/status', payload: { status: 'approved', reason: 'AVV unterzeichnet' } }),
  },
  { route: 'GET /api/registry/weights', access: everyone, request: () => ({ url: '/api/registry/weights' }) },
  {
    route: 'PUT /api/registry/weights',
    access: atRoot(['reviewer', 'admin']),
    request: () => ({ url: '/api/registry/weights', payload: { weights: { openness: 0.25, european_provider: 0.2, energy_efficiency: 0.15, bias_results: 0.15, german_quality: 0.1, accessibility: 0.05, cost: 0.1 }, reason: 'Jahresbeschluss' } }),
  },
  { route: 'GET /api/registry/review-queue', access: atRoot(['reviewer']), request: () => ({ url: '/api/registry/review-queue' }) },
  { route: 'GET /api/registry/history', access: everyone, request: () => ({ url: '/api/registry/history?entityType=model&entityId=eurollm-9b-instruct' }) },
  {
    route: 'GET /api/orgs/{orgId}/registry/rules',
    access: (spec) => holdsAtA(spec, ['member', 'staff', 'reviewer', 'dpo', 'admin']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}/registry/rules` }),
  },
  {
    route: 'POST /api/orgs/{orgId}/registry/rules',
    access: (spec) => holdsAtA(spec, ['reviewer', 'admin']),
    request: (f) => ({ url: `/api/orgs/${f.A.id}/registry/rules`, payload: { targetType: 'model', targetId: 'qwen3-32b', effect: 'exclude', reason: 'Landesbeschluss' } }),
  },
  {
    route: 'DELETE /api/orgs/{orgId}/registry/rules/{ruleId}',
    access: (spec) => holdsAtA(spec, ['reviewer', 'admin']),
    prepare: ruleOfA,
    request: (f, p) => ({ url: `/api/orgs/${f.A.id}/registry/rules/${p.rule}?reason=aufgehoben` }),
  },
  { route: 'GET /api/registry/export', access: atRoot(['reviewer', 'admin']), request: () => ({ url: '/api/registry/export?format=json' }) },
  {
    route: 'POST /api/registry/import',
    access: atRoot(['reviewer']),
    request: () => ({ url: '/api/registry/import', payload: { format: 'json', document: JSON.stringify({ format: 'leitplanke-registry', version: 1, providers: [], models: [] }) } }),
  },
  { route: 'GET /api/setup/status', access: atRoot(['admin']), request: () => ({ url: '/api/setup/status' }) },
  { route: 'GET /api/public/registry/models', access: 'public', request: () => ({ url: '/api/public/registry/models' }) },
  { route: 'GET /api/public/registry/excluded', access: 'public', request: () => ({ url: '/api/public/registry/excluded' }) },
  { route: 'GET /api/public/registry/providers', access: 'public', request: () => ({ url: '/api/public/registry/providers' }) },
  { route: 'GET /api/public/registry/changes.atom', access: 'public', request: () => ({ url: '/api/public/registry/changes.atom' }) },
];
