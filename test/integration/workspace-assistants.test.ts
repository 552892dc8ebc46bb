import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/audit/schema.js';
import { usageRecords } from '../../src/gateway/schema.js';
import { starters } from '../../src/workspace/starters.js';
import { createGatewayFixture, reviewer, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeOrg, type Session } from '../helpers/test-app.js';
import { eventsOf, loginAs } from './workspace-helpers.js';

let f: GatewayFixture;
let A: { id: string };
let A1: { id: string };
let B: { id: string };
let staffA: Session;
let memberA1: Session;
let memberB: Session;

type Listing = { assistants: { id: string; name: string; starterKey: string | null; available: boolean; canManage: boolean; orgId: string }[]; canCreate: boolean; collections: unknown[] };

beforeAll(async () => {
  f = await createGatewayFixture({ seed_catalogue: false });
  await f.addModel('chat-a');
  await f.addModel('chat-b');
  A = await makeOrg(f.services, 'as-a');
  A1 = await makeOrg(f.services, 'as-a1', A.id);
  B = await makeOrg(f.services, 'as-b');
  staffA = (await loginAs(f, A.id, ['staff'])).session;
  memberA1 = (await loginAs(f, A1.id, ['member'])).session;
  memberB = (await loginAs(f, B.id, ['member'])).session;
});
afterAll(async () => f?.closeAll());

const list = async (session: Session, orgId: string) => (await session.request('GET', `/api/workspace/assistants?orgId=${orgId}`)).json<Listing>();

describe('assistants', () => {
  it('ships German starters for the seeds’ work to every organisation', async () => {
    const { assistants, canCreate } = await list(memberA1, A1.id);
    expect(canCreate).toBe(false);
    expect(assistants.filter((entry) => entry.starterKey).map((entry) => entry.starterKey).sort()).toEqual(
      ['alt-text', 'citizen-reply', 'motion', 'plain-language', 'press-release', 'summary', 'translation'].sort(),
    );
    expect(assistants.map((entry) => entry.name)).toContain('Leichte Sprache und einfache Sprache');
    expect(assistants.every((entry) => !entry.canManage)).toBe(true);
    for (const starter of starters) {
      expect(starter.systemPrompt.length, starter.key).toBeGreaterThan(300);
      expect(starter.exampleInputs.length, starter.key).toBeGreaterThan(0);
    }
  });

  it('offers the alt-text assistant only where a model that reads images is allowed', async () => {
    const altText = (listing: Listing) => listing.assistants.find((entry) => entry.starterKey === 'alt-text')!.available;
    expect(altText(await list(staffA, A.id))).toBe(false);
    await f.services.registry.upsertModel(reviewer, {
      id: 'vision-model',
      name: 'Bildmodell',
      kind: 'chat',
      status: 'approved',
      deployments: [{ providerId: 'upstream', upstreamModel: 'vision-model' }],
      card: { modalities: { input: ['text', 'image'], output: ['text'] } },
    });
    expect(altText(await list(staffA, A.id))).toBe(true);
  });

  it('lets staff create assistants for their organisation and everything below it, not beside it', async () => {
    const created = await staffA.request('POST', '/api/workspace/assistants', { orgId: A.id, name: 'Ratsanfragen', systemPrompt: 'Du hilfst bei Anfragen an den Stadtrat.', modelId: 'chat-b', exampleInputs: ['Anfrage zu Kita-Plätzen'] });
    expect(created.statusCode, created.body).toBe(201);
    const assistant = created.json<{ id: string }>();
    expect((await list(memberA1, A1.id)).assistants.map((entry) => entry.name)).toContain('Ratsanfragen');
    expect((await list(memberB, B.id)).assistants.map((entry) => entry.name)).not.toContain('Ratsanfragen');
    expect((await list(staffA, A.id)).assistants.find((entry) => entry.id === assistant.id)!.canManage).toBe(true);

    const refused = await memberA1.request('POST', '/api/workspace/assistants', { orgId: A1.id, name: 'x', systemPrompt: 'y' });
    expect(refused.statusCode).toBe(403);
    const foreign = await memberB.request('POST', '/api/workspace/conversations', { orgId: B.id, assistantId: assistant.id });
    expect(foreign.statusCode).toBe(404);

    // A conversation started with the assistant answers with its model and prompt.
    const conversation = (await memberA1.request('POST', '/api/workspace/conversations', { orgId: A1.id, assistantId: assistant.id })).json<{ id: string }>();
    const events = eventsOf(await memberA1.request('POST', `/api/workspace/conversations/${conversation.id}/messages`, { content: 'Wie viele Kita-Plätze fehlen?' }));
    expect(events[0]).toMatchObject({ type: 'start', model: { id: 'chat-b' } });
    expect(f.upstream.requests.at(-1)!.body.messages[0]).toEqual({ role: 'system', content: 'Du hilfst bei Anfragen an den Stadtrat.' });

    const updated = await staffA.request('PATCH', `/api/workspace/assistants/${assistant.id}`, { description: 'Für Fraktionsanfragen' });
    expect(updated.json()).toMatchObject({ description: 'Für Fraktionsanfragen', name: 'Ratsanfragen' });
    expect((await staffA.request('DELETE', `/api/workspace/assistants/${assistant.id}`)).statusCode).toBe(204);
    const actions = (await f.services.database.db.select().from(auditLog).where(eq(auditLog.targetId, assistant.id)).orderBy(auditLog.seq)).map((entry) => entry.action);
    expect(actions).toEqual(['workspace.assistant.create', 'workspace.assistant.update', 'workspace.assistant.delete']);
  });

  it('hides a shipped starter instead of deleting it, so a restart does not bring it back', async () => {
    const root = (await f.services.orgs.root())!;
    const admin = (await loginAs(f, root.id, ['admin'])).session;
    const summary = (await list(admin, root.id)).assistants.find((entry) => entry.starterKey === 'summary')!;
    expect((await admin.request('DELETE', `/api/workspace/assistants/${summary.id}`)).statusCode).toBe(204);
    expect(await f.services.workspace.assistants.installStarters(root.id)).toBe(0);
    expect((await list(admin, root.id)).assistants.some((entry) => entry.starterKey === 'summary')).toBe(false);
  });
});

describe('playground', () => {
  it('runs one prompt against two models side by side with latency, tokens and energy for each', async () => {
    f.upstream.script('chat-a', { reply: () => 'Antwort von A', chunkDelayMs: 5 });
    f.upstream.script('chat-b', { reply: () => 'Antwort von Modell B, etwas länger', chunkDelayMs: 5 });
    const response = await staffA.request('POST', '/api/workspace/playground', { orgId: A.id, prompt: 'Was ist Leichte Sprache?', modelIds: ['chat-a', 'chat-b'] });
    const events = eventsOf(response);
    expect(events[0]).toEqual({ type: 'start', slots: [{ slot: 0, modelId: 'chat-a', name: 'Modell chat-a' }, { slot: 1, modelId: 'chat-b', name: 'Modell chat-b' }] });
    const textOf = (slot: number) => events.filter((event) => event.type === 'delta' && event.slot === slot).map((event) => event.text).join('');
    expect(textOf(0)).toBe('Antwort von A');
    expect(textOf(1)).toBe('Antwort von Modell B, etwas länger');
    const results = events.filter((event) => event.type === 'done').sort((a, b) => (a.slot as number) - (b.slot as number));
    expect(results).toHaveLength(2);
    for (const result of results.map((event) => event.result as Record<string, number | null | { de: string }>)) {
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(result.ttftMs).not.toBeNull();
      expect(result.tokensOut).toBeGreaterThan(0);
      expect(result.energyWh).toBeGreaterThan(0);
      expect((result.label as { de: string }).de).toMatch(/^KI-generiert · Modell chat-[ab] · /);
    }
    expect((results[1]!.result as { tokensOut: number }).tokensOut).toBeGreaterThan((results[0]!.result as { tokensOut: number }).tokensOut);
    await f.services.recorder.flush();
    const calls = await f.services.database.db.select().from(usageRecords).where(and(eq(usageRecords.purpose, 'playground'), eq(usageRecords.orgId, A.id)));
    expect(calls.map((call) => call.modelId).sort()).toEqual(['chat-a', 'chat-b']);
  });

  it('reports a refused model in its own column while the others answer', async () => {
    await f.addModel('chat-excluded');
    await f.setStatus('chat-excluded', 'excluded');
    const events = eventsOf(await staffA.request('POST', '/api/workspace/playground', { orgId: A.id, prompt: 'Hallo', modelIds: ['chat-a', 'chat-excluded'] }));
    expect(events.find((event) => event.type === 'done')!.slot).toBe(0);
    const error = events.find((event) => event.type === 'error')!;
    expect(error.slot).toBe(1);
    expect(error.error).toMatchObject({ status: 403, reason: 'model_excluded' });
  });

  it('needs two or three different models', async () => {
    for (const modelIds of [['chat-a'], ['chat-a', 'chat-a'], ['chat-a', 'chat-b', 'vision-model', 'chat-excluded']]) {
      const response = await staffA.request('POST', '/api/workspace/playground', { orgId: A.id, prompt: 'Hallo', modelIds });
      expect(response.statusCode, JSON.stringify(modelIds)).toBe(400);
    }
  });
});
