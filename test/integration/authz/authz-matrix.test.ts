import { describe, expect, it } from 'vitest';
import { allRouteCases, describeRouteMatrix, routeCaseGroups } from './route-matrix.js';

// The platform group; the other groups run in authz-decisions.test.ts and authz-workspace.test.ts.
const context = describeRouteMatrix(routeCaseGroups.platform);

describe('route coverage', () => {
  it('has a row for every route in the OpenAPI document, and no stale rows', async () => {
    const document = (await context.t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(allRouteCases.map((entry) => entry.route).sort()).toEqual([...documented].sort());
  });
});

describe('tenant isolation of listed data', () => {
  it('never lists a foreign organisation or its audit entries', async () => {
    const foreign = context.clients.get('admin@B (foreign)')!;
    const orgs = (await foreign({ method: 'GET', url: '/api/orgs' })).json() as { id: string }[];
    expect(orgs.map((org) => org.id)).toEqual([context.fixture.B.id]);
    const audit = (await foreign({ method: 'GET', url: `/api/orgs/${context.fixture.B.id}/audit` })).json() as { orgId: string }[];
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((entry) => entry.orgId === context.fixture.B.id)).toBe(true);
  });

  it('does not reveal an API key of another organisation through its own org path', async () => {
    const foreign = context.clients.get('admin@B (foreign)')!;
    const keyOfA = (await context.t.services.apiKeys.list({ principal: { kind: 'system', grants: [] }, actor: { type: 'system', label: 't' }, requestId: 'x', locale: 'de' }, context.fixture.A.id))[0]!;
    const response = await foreign({ method: 'DELETE', url: `/api/orgs/${context.fixture.B.id}/api-keys/${keyOfA.id}` });
    expect(response.statusCode).toBe(404);
  });
});
