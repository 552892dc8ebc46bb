import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeApiKey, makeOrg, makeUser, Session } from '../helpers/test-app.js';

/**
 * SOV-3 end to end: an exception is requested, approved under the four-eyes rule, and the gateway
 * lets exactly the callers in its scope use the exception-only model through /v1/chat/completions.
 */
const clock = manualClock(new Date());
let f: GatewayFixture;
let orgA: { id: string };
let orgB: { id: string };
let requester: { id: string; email: string; password: string };
let approver: { id: string; email: string; password: string };
let beneficiaryApprover: { id: string; email: string; password: string };
let bystander: { id: string; email: string; password: string };
let staffUser: { id: string; email: string; password: string };
let requesterSession: Session;
let approverSession: Session;
let requesterKey: string;

const inAWeek = () => new Date(clock.now().getTime() + 7 * 86_400_000).toISOString();
const request = (overrides: Record<string, unknown> = {}) => ({
  platform: 'Commercial X (EU-Vertrag)',
  modelId: 'commercial-x',
  useCase: 'Übersetzung von Pressemitteilungen in einfache Sprache',
  category: 'multimodal',
  justification: 'Die offenen Modelle schaffen die Bildbeschreibungen für die Barrierefreiheit noch nicht.',
  dataClasses: ['public', 'internal'],
  people: [] as string[],
  roles: [] as string[],
  expiresAt: inAWeek(),
  ...overrides,
});

async function chat(headers: Record<string, string>, extra: Record<string, string> = {}) {
  return f.app.inject({
    method: 'POST',
    url: '/v1/chat/completions',
    headers: { ...headers, ...extra },
    payload: { model: 'commercial-x', messages: [{ role: 'user', content: 'Prüffrage' }] },
  });
}
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const sessionHeaders = (session: Session) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken });

beforeAll(async () => {
  f = await createGatewayFixture({}, { clock });
  await f.addModel('commercial-x', { status: 'exception_only' });
  await f.addModel('commercial-y', { status: 'exception_only' });
  const root = (await f.services.orgs.root())!;
  orgA = await makeOrg(f.services, 'exc-a', root.id);
  orgB = await makeOrg(f.services, 'exc-b', root.id);
  // The requester is an admin: they hold the approver role and may create API keys, so the
  // four-eyes rule is the only thing standing between them and their own approval.
  requester = await makeUser(f.services, orgA.id, ['admin']);
  approver = await makeUser(f.services, orgA.id, ['reviewer']);
  beneficiaryApprover = await makeUser(f.services, orgA.id, ['dpo']);
  bystander = await makeUser(f.services, orgA.id, ['member']);
  staffUser = await makeUser(f.services, orgA.id, ['staff']);
  requesterSession = await Session.login(f.app, requester.email, requester.password);
  approverSession = await Session.login(f.app, approver.email, approver.password);
  const created = await requesterSession.request('POST', `/api/orgs/${orgA.id}/api-keys`, { name: 'Skript der antragstellenden Person', role: 'admin' });
  expect(created.statusCode).toBe(201);
  requesterKey = created.json<{ key: string }>().key;
});
afterAll(async () => f.closeAll());

describe('four-eyes rule', () => {
  let exceptionId: string;

  beforeAll(async () => {
    const response = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request({ people: [requester.email, beneficiaryApprover.email] }));
    expect(response.statusCode, response.body).toBe(201);
    exceptionId = response.json<{ id: string; state: string }>().id;
    expect(response.json<{ state: string; number: string }>()).toMatchObject({ state: 'requested', number: expect.stringMatching(/^A-\d{4}-\d{5}$/) });
  });

  it('refuses approval by the requester, with their session', async () => {
    const response = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions/${exceptionId}/approve`, {});
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ reason: 'four_eyes' });
  });

  it('refuses approval with an API key the requester created', async () => {
    const response = await f.app.inject({ method: 'POST', url: `/api/orgs/${orgA.id}/exceptions/${exceptionId}/approve`, headers: bearer(requesterKey), payload: {} });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ reason: 'four_eyes' });
    const reject = await f.app.inject({ method: 'POST', url: `/api/orgs/${orgA.id}/exceptions/${exceptionId}/reject`, headers: bearer(requesterKey), payload: { note: 'selbst abgelehnt' } });
    expect(reject.statusCode).toBe(403);
  });

  it('refuses approval by a person the exception is for', async () => {
    const session = await Session.login(f.app, beneficiaryApprover.email, beneficiaryApprover.password);
    const response = await session.request('POST', `/api/orgs/${orgA.id}/exceptions/${exceptionId}/approve`, {});
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ reason: 'four_eyes_beneficiary' });
  });

  it('refuses approval by people without the approver role and by keys without a person', async () => {
    const member = await Session.login(f.app, bystander.email, bystander.password);
    expect((await member.request('POST', `/api/orgs/${orgA.id}/exceptions/${exceptionId}/approve`, {})).statusCode).toBe(403);
    const orphanKey = (await makeApiKey(f.services, orgA.id, 'admin')).key;
    const response = await f.app.inject({ method: 'POST', url: `/api/orgs/${orgA.id}/exceptions/${exceptionId}/approve`, headers: bearer(orphanKey), payload: {} });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ reason: 'person_required' });
  });

  it('still refuses the model while the request is pending', async () => {
    const response = await chat(bearer(requesterKey));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'POLICY_DENIED', reason: 'exception_required' });
  });

  it('lets a second person approve, with conditions, once', async () => {
    const response = await approverSession.request('POST', `/api/orgs/${orgA.id}/exceptions/${exceptionId}/approve`, { conditions: 'Nur öffentliche Texte, keine Namen.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ state: 'active', decidedByLabel: expect.any(String), conditions: 'Nur öffentliche Texte, keine Namen.' });
    expect((await approverSession.request('POST', `/api/orgs/${orgA.id}/exceptions/${exceptionId}/approve`, {})).statusCode).toBe(409);
    const audit = await f.services.database.db.query.auditLog.findMany({ where: (entry, { eq }) => eq(entry.targetId, exceptionId) });
    expect(audit.map((entry) => entry.action)).toEqual(['accountability.exception.request', 'accountability.exception.approve']);
  });

  describe('the gateway honours the exception within its scope only', () => {
    it('lets the named people through, by session and by the key they created', async () => {
      expect((await chat(bearer(requesterKey))).json()).toMatchObject({ choices: [{ message: { content: 'Echo: Prüffrage' } }] });
      const response = await chat(sessionHeaders(requesterSession), { 'x-leitplanke-org': orgA.id });
      expect(response.statusCode, response.body).toBe(200);
    });

    it('refuses everyone else in the organisation, even admins and the approver', async () => {
      const member = await Session.login(f.app, bystander.email, bystander.password);
      expect((await chat(sessionHeaders(member), { 'x-leitplanke-org': orgA.id })).statusCode).toBe(403);
      expect((await chat(sessionHeaders(approverSession), { 'x-leitplanke-org': orgA.id })).statusCode).toBe(403);
      expect((await chat(bearer((await makeApiKey(f.services, orgA.id, 'admin')).key))).statusCode).toBe(403);
    });

    it('refuses data classes the exception does not allow', async () => {
      const personal = await chat(bearer(requesterKey), { 'x-leitplanke-data-class': 'personal' });
      expect(personal.statusCode).toBe(403);
      expect(personal.json()).toMatchObject({ reason: 'exception_required' });
      expect((await chat(bearer(requesterKey), { 'x-leitplanke-data-class': 'public' })).statusCode).toBe(200);
    });

    it('refuses other models and other organisations', async () => {
      const other = await f.app.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        headers: bearer(requesterKey),
        payload: { model: 'commercial-y', messages: [{ role: 'user', content: 'x' }] },
      });
      expect(other.statusCode).toBe(403);
      // The same person acting for a sibling organisation is outside the exception's organisation.
      await f.services.users.create((await import('../../src/cli/admin-commands.js')).cliCaller(), orgB.id, { email: requester.email, displayName: 'x', roles: ['member'] });
      const session = await Session.login(f.app, requester.email, requester.password);
      expect((await chat(sessionHeaders(session), { 'x-leitplanke-org': orgB.id })).statusCode).toBe(403);
      expect((await chat(sessionHeaders(session), { 'x-leitplanke-org': orgA.id })).statusCode).toBe(200);
    });

    it('counts roles held in a sub-organisation for an exception granted to a role above', async () => {
      const local = await makeOrg(f.services, 'exc-a-local', orgA.id);
      const byRole = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request({ roles: ['staff'], modelId: 'commercial-y', expiresAt: inAWeek() }));
      expect(byRole.statusCode, byRole.body).toBe(201);
      expect((await approverSession.request('POST', `/api/orgs/${orgA.id}/exceptions/${byRole.json<{ id: string }>().id}/approve`, {})).statusCode).toBe(200);
      const call = (key: string) =>
        f.app.inject({ method: 'POST', url: '/v1/chat/completions', headers: bearer(key), payload: { model: 'commercial-y', messages: [{ role: 'user', content: 'x' }] } });
      expect((await call((await makeApiKey(f.services, orgA.id, 'staff')).key)).statusCode).toBe(200);
      expect((await call((await makeApiKey(f.services, local.id, 'staff')).key)).statusCode).toBe(200);
      expect((await call((await makeApiKey(f.services, orgA.id, 'member')).key)).statusCode).toBe(403);
      expect((await call((await makeApiKey(f.services, orgB.id, 'staff')).key)).statusCode).toBe(403);
      const staffSession = await Session.login(f.app, staffUser.email, staffUser.password);
      expect((await staffSession.request('POST', '/v1/chat/completions', { model: 'commercial-y', messages: [{ role: 'user', content: 'x' }] }, { 'x-leitplanke-org': orgA.id })).statusCode).toBe(200);
    });

    it('stops at revocation', async () => {
      const revoke = await approverSession.request('POST', `/api/orgs/${orgA.id}/exceptions/${exceptionId}/end`, { reason: 'Projekt beendet' });
      expect(revoke.statusCode, revoke.body).toBe(200);
      expect(revoke.json()).toMatchObject({ state: 'revoked', endReason: 'Projekt beendet' });
      expect((await chat(bearer(requesterKey))).statusCode).toBe(403);
    });
  });
});

describe('time limits', () => {
  it('starts no earlier than its start and ends at its expiry', async () => {
    const startsAt = new Date(clock.now().getTime() + 3_600_000);
    const expiresAt = new Date(clock.now().getTime() + 3 * 3_600_000);
    const created = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request({ people: [requester.email], startsAt: startsAt.toISOString(), expiresAt: expiresAt.toISOString() }));
    const id = created.json<{ id: string }>().id;
    expect((await approverSession.request('POST', `/api/orgs/${orgA.id}/exceptions/${id}/approve`, {})).json()).toMatchObject({ state: 'scheduled' });
    expect((await chat(bearer(requesterKey))).statusCode).toBe(403);
    clock.advance(2 * 3_600_000);
    expect((await chat(bearer(requesterKey))).statusCode).toBe(200);
    clock.advance(2 * 3_600_000);
    expect((await chat(bearer(requesterKey))).statusCode).toBe(403);
    expect((await requesterSession.request('GET', `/api/orgs/${orgA.id}/exceptions/${id}`)).json()).toMatchObject({ state: 'expired' });
  });

  it('validates the request: scope, period, model status', async () => {
    const noScope = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request());
    expect(noScope.json()).toMatchObject({ status: 400, reason: 'scope_required' });
    const tooLong = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request({ roles: ['staff'], expiresAt: new Date(clock.now().getTime() + 400 * 86_400_000).toISOString() }));
    expect(tooLong.json()).toMatchObject({ status: 400, reason: 'period_too_long' });
    const past = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request({ roles: ['staff'], expiresAt: new Date(clock.now().getTime() - 1000).toISOString() }));
    expect(past.json()).toMatchObject({ status: 400, reason: 'period_invalid' });
    await f.addModel('open-model');
    const approvedModel = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request({ roles: ['staff'], modelId: 'open-model' }));
    expect(approvedModel.json()).toMatchObject({ status: 400, reason: 'model_not_exception_only' });
    const unknownPerson = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request({ people: ['niemand@test.example'] }));
    expect(unknownPerson.json()).toMatchObject({ status: 400, reason: 'person_unknown' });
    // A platform used outside Leitplanke needs no model.
    const outside = await requesterSession.request('POST', `/api/orgs/${orgA.id}/exceptions`, request({ modelId: undefined, platform: 'Gemeinsames Whiteboard mit dem Partnerverband', category: 'external_collaboration', roles: ['staff'] }));
    expect(outside.statusCode, outside.body).toBe(201);
  });
});

describe('register', () => {
  it('shows approvers everything with statistics, and others only what concerns them', async () => {
    const all = (await approverSession.request('GET', `/api/orgs/${orgA.id}/exceptions`)).json<{ requesterLabel: string }[]>();
    expect(all.length).toBeGreaterThanOrEqual(4);
    const member = await Session.login(f.app, bystander.email, bystander.password);
    expect((await member.request('GET', `/api/orgs/${orgA.id}/exceptions`)).json()).toEqual([]);
    expect((await member.request('GET', `/api/orgs/${orgA.id}/exceptions/statistics`)).statusCode).toBe(403);
    const statistics = (await approverSession.request('GET', `/api/orgs/${orgA.id}/exceptions/statistics`)).json<Record<string, unknown>>();
    expect(statistics).toMatchObject({
      total: all.length,
      byState: { revoked: 1, expired: 1, active: 1, requested: 1 },
      byCategory: { multimodal: all.length - 1, external_collaboration: 1 },
      approvalRate: 1,
    });
    expect((statistics.platforms as { platform: string }[])[0]).toMatchObject({ platform: 'Commercial X (EU-Vertrag)' });
    const models = (await member.request('GET', `/api/orgs/${orgA.id}/exceptions/models`)).json<{ id: string }[]>();
    expect(models.map((model) => model.id)).toEqual(expect.arrayContaining(['commercial-x', 'commercial-y']));
    expect(models.map((model) => model.id)).not.toContain('open-model');
  });

  it('notifies approvers of a request and the people of the decision, in the product', async () => {
    const inbox = (await approverSession.request('GET', '/api/notifications')).json<{ items: { kind: string; link: string }[]; unread: number }>();
    expect(inbox.items.filter((item) => item.kind === 'exception.requested').length).toBeGreaterThanOrEqual(3);
    expect(inbox.unread).toBe(inbox.items.length);
    const mine = (await requesterSession.request('GET', '/api/notifications')).json<{ items: { id: string; kind: string }[] }>();
    expect(mine.items.map((item) => item.kind)).toContain('exception.approved');
    expect(mine.items.map((item) => item.kind)).not.toContain('exception.requested');
    expect((await requesterSession.request('POST', `/api/notifications/${mine.items[0]!.id}/read`)).statusCode).toBe(204);
    expect((await approverSession.request('POST', `/api/notifications/${mine.items[0]!.id}/read`)).statusCode).toBe(404);
    await requesterSession.request('POST', '/api/notifications/read-all');
    expect((await requesterSession.request('GET', '/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });
});
