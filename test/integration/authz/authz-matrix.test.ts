import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../helpers/test-app.js';
import { buildFixture, clientFor, principals, type Client, type Fixture } from './fixtures.js';
import { identityRouteCases } from './identity-routes.js';
import { gatewayRouteCases } from './gateway-routes.js';
import { jobRouteCases } from './job-routes.js';
import { workspaceRouteCases } from './workspace-routes.js';
import { registryRouteCases } from './registry-routes.js';
import { guardRouteCases } from './guard-routes.js';
import { transparencyRouteCases } from './transparency-routes.js';
import { evaluationRouteCases } from './evaluation-routes.js';
import { provenanceRouteCases } from './provenance-routes.js';
import { accountabilityRouteCases } from './accountability-routes.js';
import { workflowRouteCases } from './workflow-routes.js';
import { energyRouteCases } from './energy-routes.js';
import { knowledgeRouteCases } from './knowledge-routes.js';
import type { RouteCase } from './route-case.js';

/** Every module adds its rows here; the test fails when a route exists without a row. */
const routeCases: RouteCase[] = [...identityRouteCases, ...gatewayRouteCases, ...jobRouteCases, ...workspaceRouteCases, ...registryRouteCases, ...guardRouteCases, ...transparencyRouteCases, ...evaluationRouteCases, ...provenanceRouteCases, ...energyRouteCases, ...workflowRouteCases, ...accountabilityRouteCases, ...knowledgeRouteCases];

let t: TestContext;
let fixture: Fixture;
const clients = new Map<string, Client>();

beforeAll(async () => {
  t = await createTestApp();
  fixture = await buildFixture(t);
  for (const spec of principals) clients.set(spec.name, await clientFor(fixture, spec));
});
afterAll(async () => t.close());

describe('authorisation matrix', () => {
  it('has a row for every route in the OpenAPI document, and no stale rows', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routeCases.map((entry) => entry.route).sort()).toEqual([...documented].sort());
  });

  for (const entry of routeCases) {
    describe(entry.route, () => {
      for (const spec of principals) {
        const allowed =
          entry.access === 'public' ? true : entry.access === 'authenticated' ? spec.name !== 'anonymous' : entry.access(spec);
        const denied = typeof entry.deniedStatus === 'function' ? entry.deniedStatus(spec) : (entry.deniedStatus ?? 403);
        const expectation = allowed ? 'is let through' : spec.name === 'anonymous' ? 'gets 401' : `gets ${denied}`;
        it(`${spec.name} ${expectation}`, async () => {
          const prepared = entry.prepare ? await entry.prepare(fixture) : {};
          const [method] = entry.route.split(' ');
          const response = await clients.get(spec.name)!({ method: method as 'GET', ...entry.request(fixture, prepared) });
          if (allowed) {
            const ok = entry.expectAllowed ?? [200, 201, 204];
            expect(ok, `${response.statusCode} ${response.body.slice(0, 300)}`).toContain(response.statusCode);
          } else {
            expect(response.statusCode, response.body.slice(0, 300)).toBe(spec.name === 'anonymous' ? 401 : denied);
          }
        });
      }
    });
  }
});

describe('tenant isolation of listed data', () => {
  it('never lists a foreign organisation or its audit entries', async () => {
    const foreign = clients.get('admin@B (foreign)')!;
    const orgs = (await foreign({ method: 'GET', url: '/api/orgs' })).json() as { id: string }[];
    expect(orgs.map((org) => org.id)).toEqual([fixture.B.id]);
    const audit = (await foreign({ method: 'GET', url: `/api/orgs/${fixture.B.id}/audit` })).json() as { orgId: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((entry) => entry.orgId === fixture.B.id)).toBe(true);
  });

  it('does not reveal an API key of another organisation through its own org path', async () => {
    const foreign = clients.get('admin@B (foreign)')!;
    const keyOfA = (await t.services.apiKeys.list({ principal: { kind: 'system', grants: [] }, actor: { type: 'system', label: 't' }, requestId: 'x', locale: 'de' }, fixture.A.id))[0]!;
    const response = await foreign({ method: 'DELETE', url: `/api/orgs/${fixture.B.id}/api-keys/${keyOfA.id}` });
    expect(response.statusCode).toBe(404);
  });
});
