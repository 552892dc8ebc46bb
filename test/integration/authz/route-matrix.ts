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

/**
 * Every module adds its rows to one of these groups. The groups run as separate test files (each with
 * its own app and fixture) so that the matrix's ~2,600 requests spread over the test workers.
 */
export const routeCaseGroups = {
  platform: [...identityRouteCases, ...gatewayRouteCases, ...jobRouteCases, ...registryRouteCases, ...guardRouteCases, ...energyRouteCases, ...transparencyRouteCases],
  decisions: [...accountabilityRouteCases, ...workflowRouteCases, ...evaluationRouteCases],
  workspace: [...workspaceRouteCases, ...knowledgeRouteCases, ...provenanceRouteCases],
};

export const allRouteCases: RouteCase[] = Object.values(routeCaseGroups).flat();

export type MatrixContext = { t: TestContext; fixture: Fixture; clients: Map<string, Client> };

/** One app and fixture for the file, and for each route × principal a test that it is let through or refused. */
export function describeRouteMatrix(cases: RouteCase[]): MatrixContext {
  const context = { clients: new Map<string, Client>() } as MatrixContext;
  beforeAll(async () => {
    // The matrix asks who may call a route; the public complaint form's proof of work (about 0.4 s of
    // hashing per complaint at the default 16 bits, and dozens of cases file one) is tested on its own.
    context.t = await createTestApp({ complaint_pow_bits: 4 });
    context.fixture = await buildFixture(context.t);
    for (const spec of principals) context.clients.set(spec.name, await clientFor(context.fixture, spec));
  });
  afterAll(async () => context.t.close());

  describe('authorisation matrix', () => {
    for (const entry of cases) {
      describe(entry.route, () => {
        for (const spec of principals) {
          const allowed =
            entry.access === 'public' ? true : entry.access === 'authenticated' ? spec.name !== 'anonymous' : entry.access(spec);
          const denied = typeof entry.deniedStatus === 'function' ? entry.deniedStatus(spec) : (entry.deniedStatus ?? 403);
          const expectation = allowed ? 'is let through' : spec.name === 'anonymous' ? 'gets 401' : `gets ${denied}`;
          it(`${spec.name} ${expectation}`, async () => {
            const prepared = entry.prepare ? await entry.prepare(context.fixture) : {};
            const [method] = entry.route.split(' ');
            const response = await context.clients.get(spec.name)!({ method: method as 'GET', ...entry.request(context.fixture, prepared) });
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
  return context;
}
