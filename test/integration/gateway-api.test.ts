import { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit-service.js';
import { createGatewayFixture, reviewer, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeApiKey, makeOrg, makeUser } from '../helpers/test-app.js';

let f: GatewayFixture;

beforeAll(async () => {
  f = await createGatewayFixture();
  await f.addModel('eurollm-test');
  await f.addModel('embed-test', { kind: 'embedding' });
});
afterAll(async () => f.closeAll());

async function usageRows() {
  await f.services.recorder.flush();
  const { usageRecords } = await import('../../src/gateway/schema.js');
  return f.services.database.db.select().from(usageRecords);
}

describe('OpenAI-compatible API with the official openai SDK', () => {
  it('streams a chat answer with usage in the last chunk and a label', async () => {
    const stream = await f.client().chat.completions.create({
      model: 'eurollm-test',
      messages: [{ role: 'user', content: 'Schreibe einen kurzen Gruß an die Mitglieder' }],
      stream: true,
    });
    let text = '';
    const chunks = [];
    let last: Awaited<typeof stream> extends AsyncIterable<infer Chunk> ? Chunk | undefined : never;
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
      last = chunk;
    }
    expect(text).toBe('Echo: Schreibe einen kurzen Gruß an die Mitglieder');
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((chunk) => chunk.model === 'eurollm-test')).toBe(true);
    expect(last!.usage).toMatchObject({ completion_tokens: 8 });
    const report = (last as unknown as { leitplanke: { label: { de: string }; provider: string; energy: { wh: number } } }).leitplanke;
    expect(report.label.de).toMatch(/^KI-generiert · Modell eurollm-test · \d{2}\.\d{2}\.\d{4}$/);
    expect(report.provider).toBe('upstream');
    expect(report.energy.wh).toBeGreaterThan(0);
  });

  it('answers without streaming and passes tools and JSON mode through', async () => {
    f.upstream.script('eurollm-test', { toolCall: { name: 'termin_anlegen', arguments: '{"datum":"2026-05-01"}' } });
    const completion = await f.client().chat.completions.create({
      model: 'eurollm-test',
      messages: [{ role: 'user', content: 'Lege einen Termin an' }],
      tools: [{ type: 'function', function: { name: 'termin_anlegen', parameters: { type: 'object', properties: { datum: { type: 'string' } } } } }],
      response_format: { type: 'json_object' },
    });
    expect(completion.choices[0]!.message.tool_calls?.[0]).toMatchObject({ function: { name: 'termin_anlegen', arguments: '{"datum":"2026-05-01"}' } });
    const sent = f.upstream.requests.at(-1)!.body;
    expect(sent.tools).toHaveLength(1);
    expect(sent.response_format).toEqual({ type: 'json_object' });
    f.upstream.script('eurollm-test', {});
  });

  it('creates embeddings', async () => {
    const result = await f.client().embeddings.create({ model: 'embed-test', input: ['Antrag zur Verkehrswende', 'Haushaltsrede'] });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]!.embedding).toHaveLength(8);
    expect(result.model).toBe('embed-test');
  });

  it('lists only usable models, with registry status, zone and energy', async () => {
    await f.addModel('candidate-test', { status: 'candidate' });
    const models = await f.client().models.list();
    const ids = models.data.map((model) => model.id).sort();
    expect(ids).toEqual(['embed-test', 'eurollm-test']);
    const entry = models.data.find((model) => model.id === 'eurollm-test') as unknown as { leitplanke: Record<string, unknown> };
    expect(entry.leitplanke).toMatchObject({ status: 'approved', zone: 'own', kind: 'chat' });
    expect(entry.leitplanke.energy_wh_per_1k_output_tokens).toEqual(expect.any(Number));
  });

  it('refuses a model excluded a moment ago, with the recorded reason in German and English', async () => {
    await f.addModel('soon-excluded');
    const ok = await f.client().chat.completions.create({ model: 'soon-excluded', messages: [{ role: 'user', content: 'Hallo' }] });
    expect(ok.choices[0]!.message.content).toBe('Echo: Hallo');
    await f.setStatus('soon-excluded', 'excluded', 'Verbreitet staatliche Propaganda bei Fragen zu Menschenrechten.');
    const started = Date.now();
    const error = await f.client().chat.completions.create({ model: 'soon-excluded', messages: [{ role: 'user', content: 'Hallo' }] }).catch((caught: unknown) => caught);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(403);
    expect((error as APIError).message).toContain('Verbreitet staatliche Propaganda');
    const english = await f.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${f.adminKey}`, 'accept-language': 'en' },
      payload: { model: 'soon-excluded', messages: [{ role: 'user', content: 'Hi' }] },
    });
    expect(english.json()).toMatchObject({ reason: 'model_excluded', error: { code: 'model_excluded' } });
    expect(english.json().detail).toContain('is excluded');
  });

  it('keeps models under review for the reviewers’ evaluations', async () => {
    const error = await f.client().chat.completions.create({ model: 'candidate-test', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect((error as APIError).status).toBe(403);
    expect((error as APIError).code).toBe('model_under_review');
    const root = (await f.services.orgs.root())!;
    const result = await f.services.gateway.chat(
      { caller: reviewer, orgId: root.id, purpose: 'evaluation', signal: new AbortController().signal },
      { model: 'candidate-test', messages: [{ role: 'user', content: 'Prüffrage' }] },
    );
    expect(result.choices[0]!.message.content).toBe('Echo: Prüffrage');
  });

  it('requires an approved exception for exception-only models', async () => {
    await f.addModel('exception-test', { status: 'exception_only' });
    const error = await f.client().chat.completions.create({ model: 'exception-test', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect((error as APIError).status).toBe(403);
    expect((error as APIError).code).toBe('exception_required');
  });

  it('applies an organisation’s exclusion to its subtree only (federation)', async () => {
    const root = (await f.services.orgs.root())!;
    const state = await makeOrg(f.services, 'lv-fed', root.id);
    const local = await makeOrg(f.services, 'kv-fed', state.id);
    const sibling = await makeOrg(f.services, 'lv-fed-2', root.id);
    await f.services.registryRules.addOrgRule(reviewer, state.id, { targetType: 'model', targetId: 'eurollm-test', effect: 'exclude', reason: 'Landesvorstand: nur lokale Modelle' });
    const localKey = (await makeApiKey(f.services, local.id, 'staff')).key;
    const siblingKey = (await makeApiKey(f.services, sibling.id, 'staff')).key;
    const refused = await f.client(localKey).chat.completions.create({ model: 'eurollm-test', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect((refused as APIError).status).toBe(403);
    expect((refused as APIError).message).toContain('Org lv-fed');
    const allowed = await f.client(siblingKey).chat.completions.create({ model: 'eurollm-test', messages: [{ role: 'user', content: 'x' }] });
    expect(allowed.choices[0]!.message.content).toBe('Echo: x');
  });

  it('lets an organisation restrict a model to roles', async () => {
    const root = (await f.services.orgs.root())!;
    const org = await makeOrg(f.services, 'roles-only', root.id);
    await f.services.registryRules.addOrgRule(reviewer, org.id, { targetType: 'model', targetId: 'eurollm-test', effect: 'restrict_roles', roles: ['staff'], reason: 'nur Hauptamtliche' });
    const member = (await makeApiKey(f.services, org.id, 'member')).key;
    const staff = (await makeApiKey(f.services, org.id, 'staff')).key;
    expect(((await f.client(member).chat.completions.create({ model: 'eurollm-test', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e)) as APIError).code).toBe('model_restricted_roles');
    expect((await f.client(staff).chat.completions.create({ model: 'eurollm-test', messages: [{ role: 'user', content: 'x' }] })).choices).toHaveLength(1);
  });

  it('serves a logged-in user for the organisation named in X-Leitplanke-Org', async () => {
    const root = (await f.services.orgs.root())!;
    const org = await makeOrg(f.services, 'session-org', root.id);
    const user = await makeUser(f.services, org.id, ['staff']);
    const login = await f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } });
    const cookie = `lp_session=${login.cookies.find((c) => c.name === 'lp_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
    const ok = await f.app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { ...headers, 'x-leitplanke-org': 'session-org' }, payload: { model: 'eurollm-test', messages: [{ role: 'user', content: 'x' }] } });
    expect(ok.statusCode).toBe(200);
    const foreign = await f.app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { ...headers, 'x-leitplanke-org': 'lv-fed' }, payload: { model: 'eurollm-test', messages: [{ role: 'user', content: 'x' }] } });
    expect(foreign.statusCode).toBe(403);
  });

  it('validates the request and names the bad field', async () => {
    const response = await f.app.inject({ method: 'POST', url: '/v1/chat/completions', headers: { authorization: `Bearer ${f.adminKey}` }, payload: { model: 'eurollm-test', messages: [] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('body.messages');
    expect(response.json().error.message).toBeTruthy();
  });

  it('rejects a missing or wrong API key', async () => {
    const error = await f.client('lp_wrong').models.list().catch((caught: unknown) => caught);
    expect((error as APIError).status).toBe(401);
    const none = await f.app.inject({ method: 'GET', url: '/v1/models' });
    expect(none.statusCode).toBe(401);
  });
});

describe('metering and audit', () => {
  it('records every call with tokens, latency, energy and outcome, and audits it in the chain', async () => {
    await f.client().chat.completions.create({ model: 'eurollm-test', messages: [{ role: 'user', content: 'Zähle mich' }] });
    const rows = await usageRows();
    const row = rows.filter((entry) => entry.modelId === 'eurollm-test' && entry.outcome === 'ok').at(-1)!;
    expect(row).toMatchObject({ providerId: 'upstream', purpose: 'api', kind: 'chat', tokensOut: 3, usageEstimated: false, energyMethod: 'estimated' });
    expect(row.energyWh).toBeGreaterThan(0);
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
    expect(row.promptText).toBeNull();
    expect(row.outputText).toBeNull();
    expect(await verifyAuditChain(f.services.database.db)).toMatchObject({ ok: true });
    const { listAuditEntries } = await import('../../src/audit/audit-service.js');
    const audited = await listAuditEntries(f.services.database.db, { action: 'gateway.chat', limit: 50 });
    expect(audited.some((entry) => (entry.metadata as { usageId?: string }).usageId === row.id)).toBe(true);
    const refusals = await listAuditEntries(f.services.database.db, { action: 'gateway.refused', limit: 50 });
    expect(refusals.some((entry) => (entry.metadata as { reason?: string }).reason === 'model_excluded')).toBe(true);
  });

  it('keeps prompt and answer only when the organisation turned retention on', async () => {
    const root = (await f.services.orgs.root())!;
    const org = await makeOrg(f.services, 'retention-on', root.id);
    await f.services.orgs.updateSettings(reviewer, org.id, { retention: { storePrompts: true, days: 30 } });
    const key = (await makeApiKey(f.services, org.id, 'staff')).key;
    await f.client(key).chat.completions.create({ model: 'eurollm-test', messages: [{ role: 'user', content: 'Bitte aufbewahren' }] });
    const row = (await usageRows()).find((entry) => entry.orgId === org.id)!;
    expect(row.promptText).toEqual([{ role: 'user', content: 'Bitte aufbewahren' }]);
    expect(row.outputText).toBe('Echo: Bitte aufbewahren');
    expect(row.retainUntil!.getTime() - row.occurredAt.getTime()).toBe(30 * 86_400_000);
  });
});
