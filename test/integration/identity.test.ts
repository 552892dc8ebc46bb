import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { verifyAuditChain } from '../../src/audit/audit-service.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, makeApiKey, makeOrg, makeUser, Session, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
const clock = manualClock(new Date('2026-03-02T08:00:00Z'));

beforeAll(async () => {
  t = await createTestApp({ login_max_failures: 3, login_lockout_minutes: 10 }, { clock });
});
afterAll(async () => t.close());

describe('first start', () => {
  it('creates a root organisation and an admin who can log in', async () => {
    const admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const session = (await admin.request('GET', '/api/auth/session')).json();
    expect(session.authenticated).toBe(true);
    expect(session.user.email).toBe(ADMIN_EMAIL);
    expect(session.orgs).toEqual([expect.objectContaining({ slug: 'root', roles: ['admin'] })]);
  });
});

describe('password login', () => {
  it('rejects a wrong password with a German problem document by default', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password: 'wrong password' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', detail: 'E-Mail-Adresse oder Passwort ist falsch.' });
  });

  it('answers in English when the browser prefers English', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' },
      payload: { email: 'nobody@test.example', password: 'x' },
    });
    expect(response.json().detail).toBe('Email address or password is incorrect.');
  });

  it('locks an account after repeated failures and unlocks it when the lockout ends', async () => {
    const root = (await t.services.orgs.root())!;
    const user = await makeUser(t.services, root.id, ['staff']);
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'nope nope nope' } });
      expect(response.statusCode).toBe(401);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().reason).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(11 * 60_000);
    const unlocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    expect(unlocked.statusCode).toBe(200);
  });

  it('throttles many attempts from one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 32; attempt++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: `spray${attempt}@test.example`, password: 'guess' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
  });

  it('sets an HttpOnly, SameSite session cookie and ends the session on logout', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    const cookie = response.cookies.find((entry) => entry.name === 'lp_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const session = new Session(t.app, `lp_session=${cookie.value}`, response.json().csrfToken);
    expect((await session.request('GET', '/api/orgs')).statusCode).toBe(200);
    expect((await session.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await session.request('GET', '/api/orgs')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const root = (await t.services.orgs.root())!;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: admin.cookie },
      payload: { slug: 'csrf-test', name: 'CSRF', kind: 'local', parentId: root.id },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().reason).toBe('csrf');
    expect((await admin.request('GET', '/api/orgs')).json().some((org: { slug: string }) => org.slug === 'csrf-test')).toBe(false);
  });

  it('makes a one-time password usable once and then changeable', async () => {
    const root = (await t.services.orgs.root())!;
    const admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const created = (await admin.request('POST', `/api/orgs/${root.id}/users`, { email: 'neu@test.example', displayName: 'Neue Person', roles: ['staff'] })).json();
    expect(created.oneTimePassword).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
    const user = await Session.login(t.app, 'neu@test.example', created.oneTimePassword);
    expect((await user.request('GET', '/api/auth/session')).json().user.mustChangePassword).toBe(true);
    const changed = await user.request('POST', '/api/auth/password', { currentPassword: created.oneTimePassword, newPassword: 'ein neues langes Passwort' });
    expect(changed.statusCode).toBe(204);
    await expect(Session.login(t.app, 'neu@test.example', created.oneTimePassword)).rejects.toThrow(/401/);
    const again = await Session.login(t.app, 'neu@test.example', 'ein neues langes Passwort');
    expect((await again.request('GET', '/api/auth/session')).json().user.mustChangePassword).toBe(false);
  });
});

describe('validation', () => {
  it('names the invalid fields in both languages', async () => {
    const admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const root = (await t.services.orgs.root())!;
    const response = await admin.request('POST', `/api/orgs/${root.id}/users`, { email: 'not-an-email', displayName: '' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.errors.map((issue: { path: string }) => issue.path).sort()).toEqual(['body.displayName', 'body.email']);
    expect(JSON.stringify(body)).not.toContain('stack');
  });

  it('never leaks a stack trace for an unknown route', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'route_not_found' });
  });
});

describe('organisations', () => {
  it('builds a tree in which admins manage their own subtree only', async () => {
    const root = (await t.services.orgs.root())!;
    const state = await makeOrg(t.services, 'lv-test', root.id);
    const local = await makeOrg(t.services, 'kv-test', state.id);
    const sibling = await makeOrg(t.services, 'lv-other', root.id);
    const stateAdmin = await makeUser(t.services, state.id, ['admin']);
    const session = await Session.login(t.app, stateAdmin.email, stateAdmin.password);

    const visible = (await session.request('GET', '/api/orgs')).json().map((org: { slug: string }) => org.slug).sort();
    expect(visible).toEqual(['kv-test', 'lv-test']);
    expect((await session.request('POST', '/api/orgs', { slug: 'ov-neu', name: 'OV', kind: 'local', parentId: local.id })).statusCode).toBe(201);
    expect((await session.request('POST', '/api/orgs', { slug: 'ov-x', name: 'OV', kind: 'local', parentId: sibling.id })).statusCode).toBe(403);
    expect((await session.request('POST', '/api/orgs', { slug: 'lv-2', name: 'LV', kind: 'state', parentId: root.id })).statusCode).toBe(403);
    expect((await session.request('GET', `/api/orgs/${sibling.id}/users`)).statusCode).toBe(403);
  });

  it('refuses a duplicate slug with a conflict', async () => {
    const admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const root = (await t.services.orgs.root())!;
    await admin.request('POST', '/api/orgs', { slug: 'dup', name: 'Dup', kind: 'local', parentId: root.id });
    const again = await admin.request('POST', '/api/orgs', { slug: 'dup', name: 'Dup 2', kind: 'local', parentId: root.id });
    expect(again.statusCode).toBe(409);
  });

  it('keeps the last root administrator', async () => {
    const admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const root = (await t.services.orgs.root())!;
    const session = (await admin.request('GET', '/api/auth/session')).json();
    const users = (await admin.request('GET', `/api/orgs/${root.id}/users`)).json();
    const admins = users.filter((user: { roles: string[] }) => user.roles.includes('admin'));
    expect(admins).toHaveLength(1);
    const response = await admin.request('PUT', `/api/orgs/${root.id}/users/${session.user.id}/roles`, { roles: ['staff'] });
    expect(response.statusCode).toBe(409);
    expect(response.json().reason).toBe('last_admin');
  });
});

describe('API keys', () => {
  it('shows a key once, stores only its hash, and stops it working when revoked', async () => {
    const admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const root = (await t.services.orgs.root())!;
    const created = await admin.request('POST', `/api/orgs/${root.id}/api-keys`, { name: 'Skript', role: 'staff' });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json();
    expect(key).toMatch(/^lp_[\w-]{40,}$/);
    const listed = (await admin.request('GET', `/api/orgs/${root.id}/api-keys`)).json();
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed[0]).toMatchObject({ id: apiKey.id, keyPrefix: key.slice(0, 10), role: 'staff' });

    const withKey = () => t.app.inject({ method: 'GET', url: '/api/orgs', headers: { authorization: `Bearer ${key}` } });
    expect((await withKey()).statusCode).toBe(200);
    expect((await admin.request('DELETE', `/api/orgs/${root.id}/api-keys/${apiKey.id}`)).statusCode).toBe(200);
    const refused = await withKey();
    expect(refused.statusCode).toBe(401);
    expect(refused.json().reason).toBe('invalid_api_key');
  });

  it('refuses an expired key', async () => {
    const root = (await t.services.orgs.root())!;
    const { key } = await t.services.apiKeys.create(
      { principal: { kind: 'system', grants: [] }, actor: { type: 'system', label: 't' }, requestId: 'x', locale: 'de' },
      root.id,
      { name: 'kurz', role: 'member', expiresAt: new Date(clock.now().getTime() + 60_000) },
    );
    const call = () => t.app.inject({ method: 'GET', url: '/api/orgs', headers: { authorization: `Bearer ${key}` } });
    expect((await call()).statusCode).toBe(200);
    clock.advance(2 * 60_000);
    expect((await call()).statusCode).toBe(401);
  });

  it('acts with its own role and organisation only', async () => {
    const root = (await t.services.orgs.root())!;
    const other = await makeOrg(t.services, 'key-scope', root.id);
    const { key } = await makeApiKey(t.services, other.id, 'member');
    const headers = { authorization: `Bearer ${key}` };
    const orgs = (await t.app.inject({ method: 'GET', url: '/api/orgs', headers })).json();
    expect(orgs.map((org: { slug: string }) => org.slug)).toEqual(['key-scope']);
    expect((await t.app.inject({ method: 'GET', url: `/api/orgs/${other.id}/users`, headers })).statusCode).toBe(403);
  });
});

describe('audit', () => {
  it('records administrative changes with actor and before/after, in an intact chain', async () => {
    const admin = await Session.login(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const root = (await t.services.orgs.root())!;
    const created = (await admin.request('POST', '/api/orgs', { slug: 'audited', name: 'Vorher', kind: 'local', parentId: root.id })).json();
    await admin.request('PATCH', `/api/orgs/${created.id}`, { name: 'Nachher' });
    const entries = (await admin.request('GET', `/api/orgs/${root.id}/audit?action=org.update`)).json();
    expect(entries[0]).toMatchObject({
      action: 'org.update',
      actorType: 'user',
      actorLabel: ADMIN_EMAIL,
      targetId: created.id,
      before: expect.objectContaining({ name: 'Vorher' }),
      after: expect.objectContaining({ name: 'Nachher' }),
    });
    expect(await verifyAuditChain(t.services.database.db)).toMatchObject({ ok: true });
    expect((await admin.request('GET', '/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
