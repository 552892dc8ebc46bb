import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/test-app.js';

/** What operators and browsers rely on from every response: security headers, request ids, health and metrics. */

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('server operations', () => {
  it('sends the security headers on pages, API answers and errors', async () => {
    for (const url of ['/', '/api/orgs', '/v1/models', '/api/does-not-exist']) {
      const response = await t.app.inject({ url });
      expect(response.headers['content-security-policy'], url).toBe(
        "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data: blob:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
      );
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      // Without an https public URL there is no HSTS: a plain-HTTP installation must stay reachable.
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('sends HSTS once the public URL is https', async () => {
    const secure = await createTestApp({ public_url: 'https://ki.partei.example' });
    try {
      const response = await secure.app.inject({ url: '/healthz' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await secure.close();
    }
  });

  it('keeps a caller-supplied request id and makes one otherwise', async () => {
    const given = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-4711-abc' } });
    expect(given.headers['x-request-id']).toBe('lb-4711-abc');
    const made = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'no spaces <script>' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers liveness, readiness with the migrations, and Prometheus metrics', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toMatchObject({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    const checks = ready.json<{ status: string; checks: { database: { ok: boolean }; migrations: { ok: boolean; detail: string } } }>();
    expect(checks.status).toBe('ready');
    expect(checks.checks.database.ok).toBe(true);
    const [applied, expected] = checks.checks.migrations.detail.split('/').map(Number);
    expect(applied).toBe(expected);
    expect(applied).toBeGreaterThan(0);
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.body).toMatch(/^leitplanke_http_request_duration_seconds_count\{method="GET",route="\/readyz",status="200"\} 1$/m);
  });

  it('reports not ready once the database is gone', async () => {
    const doomed = await createTestApp();
    try {
      await doomed.services.database.close();
      const ready = await doomed.app.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'not_ready', checks: { database: { ok: false } } });
    } finally {
      await doomed.close().catch(() => undefined);
    }
  });
});
