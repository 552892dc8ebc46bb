import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageRecords } from '../../src/gateway/schema.js';
import { cliCaller } from '../../src/cli/admin-commands.js';
import type { KnowledgeRetriever } from '../../src/workspace/index.js';
import { workspaceMessages } from '../../src/workspace/schema.js';
import { createGatewayFixture, reviewer, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeApiKey, makeOrg, type Session } from '../helpers/test-app.js';
import { eventsOf, loginAs, parseEvents, textOf, type StreamEvent } from './workspace-helpers.js';

/** A knowledge base stand-in: answers every query in collection "satzung" with two passages. */
const retrievals: { orgId: string; collectionIds: string[]; query: string }[] = [];
const knowledge: KnowledgeRetriever = {
  async retrieve(_caller, orgId, collectionIds, query) {
    retrievals.push({ orgId, collectionIds, query });
    if (!collectionIds.includes('satzung')) return [];
    return [
      { text: 'Der Vorstand besteht aus fünf Personen, die für zwei Jahre gewählt werden.', source: 'Satzung.odt', page: 3, url: '/wissen/dokumente/satzung#seite-3' },
      { text: 'Die Mitgliederversammlung tagt mindestens einmal im Jahr.', source: 'Satzung.odt', section: '§ 7' },
    ];
  },
  listCollections: async () => [{ id: 'satzung', name: 'Satzung und Ordnungen' }],
};

let f: GatewayFixture;
let orgId: string;
let alice: { session: Session; userId: string };
let bob: { session: Session; userId: string };

beforeAll(async () => {
  f = await createGatewayFixture({ seed_catalogue: false }, { knowledge });
  await f.addModel('chat-small');
  await f.addModel('chat-large');
  orgId = (await makeOrg(f.services, 'ws-chat')).id;
  alice = await loginAs(f, orgId, ['staff']);
  bob = await loginAs(f, orgId, ['staff']);
});
afterAll(async () => f?.closeAll());

async function newConversation(session: Session, body: Record<string, unknown> = {}): Promise<string> {
  const response = await session.request('POST', '/api/workspace/conversations', { orgId, ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function send(session: Session, id: string, content: string, extra: Record<string, unknown> = {}): Promise<StreamEvent[]> {
  return eventsOf(await session.request('POST', `/api/workspace/conversations/${id}/messages`, { content, ...extra }));
}

type Detail = { title: string; modelId: string; messages: { id: string; role: string; content: string; status: string; label: { de: string } | null; provenanceId: string | null; citations: unknown[] }[]; footprint: { calls: number; energyWh: number; co2eGrams: number } };
const detail = async (session: Session, id: string) => (await session.request('GET', `/api/workspace/conversations/${id}`)).json<Detail>();

describe('workspace chat', () => {
  it('offers only allowed chat models, each with registry status and energy class', async () => {
    await f.addModel('chat-excluded');
    await f.setStatus('chat-excluded', 'excluded');
    await f.addModel('embed-only', { kind: 'embedding' });
    const models = (await alice.session.request('GET', `/api/workspace/models?orgId=${orgId}`)).json<{ id: string; status: string; energyClass: string; vision: boolean }[]>();
    expect(models.map((model) => model.id).sort()).toEqual(['chat-large', 'chat-small']);
    expect(models[0]).toMatchObject({ status: 'approved', energyClass: 'A', vision: false, zone: 'own' });
  });

  it('streams a labelled answer through the gateway (purpose chat) and keeps both messages', async () => {
    f.upstream.reset();
    const id = await newConversation(alice.session);
    const events = await send(alice.session, id, 'Schreibe einen Gruß an die neuen Mitglieder im Ortsverband', { modelId: 'chat-small' });
    expect(events[0]).toMatchObject({ type: 'start', model: { id: 'chat-small', name: 'Modell chat-small' } });
    expect(events.filter((event) => event.type === 'delta').length).toBeGreaterThan(3);
    expect(textOf(events)).toBe('Echo: Schreibe einen Gruß an die neuen Mitglieder im Ortsverband');
    const done = events.at(-1)!;
    expect(done.type).toBe('done');
    const message = done.message as Detail['messages'][number];
    expect(message.label!.de).toMatch(/^KI-generiert · Modell chat-small · \d{2}\.\d{2}\.\d{4}$/);
    expect(message.provenanceId).toMatch(/^[0-9a-f-]{36}$/);
    expect((done.footprint as Detail['footprint']).energyWh).toBeGreaterThan(0);

    const sent = f.upstream.requests.at(-1)!.body;
    expect(sent.messages[0]!.role).toBe('system');
    expect(sent.messages.at(-1)).toEqual({ role: 'user', content: 'Schreibe einen Gruß an die neuen Mitglieder im Ortsverband' });

    const [usage] = await f.services.database.db.select().from(usageRecords).where(eq(usageRecords.provenanceId, message.provenanceId!));
    expect(usage).toMatchObject({ purpose: 'chat', conversationId: id, userId: alice.userId, outcome: 'ok' });

    const stored = await detail(alice.session, id);
    expect(stored.title).toBe('Schreibe einen Gruß an die neuen Mitglieder im Ortsverband');
    expect(stored.messages.map((entry) => [entry.role, entry.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(stored.footprint.calls).toBe(1);
    expect(stored.footprint.energyWh).toBeCloseTo(usage!.energyWh, 9);
  });

  it('sends the history, regenerates the last answer and edits a question (later turns replaced)', async () => {
    const id = await newConversation(alice.session);
    await send(alice.session, id, 'Erste Frage');
    await send(alice.session, id, 'Zweite Frage');
    expect(f.upstream.requests.at(-1)!.body.messages.map((message) => message.content).slice(1)).toEqual(['Erste Frage', 'Echo: Erste Frage', 'Zweite Frage']);

    f.upstream.script('chat-large', { reply: () => 'Eine andere Antwort' });
    const regenerated = eventsOf(await alice.session.request('POST', `/api/workspace/conversations/${id}/regenerate`, { modelId: 'chat-large' }));
    expect(textOf(regenerated)).toBe('Eine andere Antwort');
    let stored = await detail(alice.session, id);
    expect(stored.messages.map((entry) => entry.content)).toEqual(['Erste Frage', 'Echo: Erste Frage', 'Zweite Frage', 'Eine andere Antwort']);
    expect(stored.messages[3]!.label!.de).toContain('Modell chat-large');
    expect(stored.modelId).toBe('chat-large');

    const first = stored.messages[0]!;
    const edited = eventsOf(await alice.session.request('PUT', `/api/workspace/conversations/${id}/messages/${first.id}`, { content: 'Geänderte erste Frage', modelId: 'chat-small' }));
    expect(textOf(edited)).toBe('Echo: Geänderte erste Frage');
    stored = await detail(alice.session, id);
    expect(stored.messages.map((entry) => entry.content)).toEqual(['Geänderte erste Frage', 'Echo: Geänderte erste Frage']);
    expect(stored.footprint.calls).toBe(4);

    const notMine = await alice.session.request('PUT', `/api/workspace/conversations/${id}/messages/${stored.messages[1]!.id}`, { content: 'x' });
    expect(notMine.statusCode).toBe(400);
  });

  it('stops mid-answer: the upstream call is cancelled and what arrived is kept, marked as stopped', async () => {
    f.upstream.script('chat-small', { reply: () => Array.from({ length: 60 }, (_, index) => `Wort${index}`).join(' '), chunkDelayMs: 40 });
    const id = await newConversation(alice.session);
    const abortedBefore = f.upstream.aborted;
    const controller = new AbortController();
    const response = await fetch(`${f.baseUrl}/api/workspace/conversations/${id}/messages`, {
      method: 'POST',
      headers: { cookie: alice.session.cookie, 'x-csrf-token': alice.session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'Bitte eine lange Antwort', modelId: 'chat-small' }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let received = '';
    while (parseEvents(received).filter((event) => event.type === 'delta').length < 3) received += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await expect.poll(() => f.upstream.aborted, { timeout: 5_000 }).toBe(abortedBefore + 1);
    await expect.poll(async () => (await detail(alice.session, id)).messages.length, { timeout: 5_000 }).toBe(2);
    const answer = (await detail(alice.session, id)).messages[1]!;
    expect(answer.status).toBe('stopped');
    expect(answer.content).toMatch(/^Wort0 Wort1 Wort2/);
    expect(answer.label!.de).toContain('KI-generiert · Modell chat-small');
    f.upstream.script('chat-small', {});
  });

  it('refuses before streaming when policy denies the model, and keeps nothing', async () => {
    const id = await newConversation(alice.session);
    const response = await alice.session.request('POST', `/api/workspace/conversations/${id}/messages`, { content: 'Hallo', modelId: 'chat-excluded' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ reason: 'model_excluded' });
    expect((await detail(alice.session, id)).messages).toEqual([]);
    const image = { kind: 'image', mediaType: 'image/png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=', name: 'foto.png' };
    const noVision = await alice.session.request('POST', `/api/workspace/conversations/${id}/messages`, { content: 'Beschreibe das Bild', modelId: 'chat-small', attachments: [image] });
    expect(noVision.statusCode).toBe(400);
    expect(noVision.json()).toMatchObject({ reason: 'model_cannot_read_images' });
  });

  it('sends images to a model that reads them', async () => {
    await f.services.registry.upsertModel(reviewer, {
      id: 'chat-vision',
      name: 'Sehendes Modell',
      kind: 'chat',
      status: 'approved',
      deployments: [{ providerId: 'upstream', upstreamModel: 'chat-vision' }],
      card: { parameters: { activeB: 8, totalB: 8 }, modalities: { input: ['text', 'image'], output: ['text'] } },
    });
    const models = (await alice.session.request('GET', `/api/workspace/models?orgId=${orgId}`)).json<{ id: string; vision: boolean }[]>();
    expect(models.find((model) => model.id === 'chat-vision')?.vision).toBe(true);
    const id = await newConversation(alice.session);
    const image = { kind: 'image', mediaType: 'image/png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=', name: 'infostand.png' };
    const events = await send(alice.session, id, 'Alternativtext bitte', { modelId: 'chat-vision', attachments: [image] });
    expect(events.at(-1)!.type).toBe('done');
    expect(f.upstream.requests.at(-1)!.body.messages.at(-1)!.content).toEqual([
      { type: 'text', text: 'Alternativtext bitte' },
      { type: 'image_url', image_url: { url: image.dataUrl } },
    ]);
  });

  it("answers with an assistant's prompt and cites passages from its knowledge collections", async () => {
    const created = await alice.session.request('POST', '/api/workspace/assistants', {
      orgId,
      name: 'Satzungsfragen',
      systemPrompt: 'Du beantwortest Fragen zur Satzung.',
      knowledgeCollectionIds: ['satzung'],
      exampleInputs: ['Wie groß ist der Vorstand?'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const assistant = created.json<{ id: string }>();
    const id = await newConversation(alice.session, { assistantId: assistant.id });
    const events = await send(alice.session, id, 'Wie groß ist der Vorstand?');
    expect(retrievals.at(-1)).toEqual({ orgId, collectionIds: ['satzung'], query: 'Wie groß ist der Vorstand?' });
    const citations = events.find((event) => event.type === 'citations')!.citations as { n: number; source: string; page: number | null; url: string | null }[];
    expect(citations.map(({ n, source, page, url }) => ({ n, source, page, url }))).toEqual([
      { n: 1, source: 'Satzung.odt', page: 3, url: '/wissen/dokumente/satzung#seite-3' },
      { n: 2, source: 'Satzung.odt', page: null, url: null },
    ]);
    const system = f.upstream.requests.at(-1)!.body.messages[0]!.content as string;
    expect(system).toContain('Du beantwortest Fragen zur Satzung.');
    expect(system).toContain('[1] Satzung.odt, Seite 3\nDer Vorstand besteht aus fünf Personen');
    const [usage] = await f.services.database.db.select().from(usageRecords).where(eq(usageRecords.conversationId, id));
    expect(usage!.assistantId).toBe(assistant.id);
    expect((await detail(alice.session, id)).messages[1]!.citations).toHaveLength(2);
  });

  it('searches my conversations with German full-text search (stemming), renames and deletes them', async () => {
    const id = await newConversation(alice.session);
    await send(alice.session, id, 'Entwurf für sichere Radwege vor Grundschulen');
    const hits = (await alice.session.request('GET', `/api/workspace/conversations?q=${encodeURIComponent('Radweg Grundschule')}`)).json<{ id: string; snippet: string | null }[]>();
    expect(hits.map((hit) => hit.id)).toEqual([id]);
    expect(hits[0]!.snippet).toContain('Radwege');
    expect((await alice.session.request('GET', `/api/workspace/conversations?q=Haushaltsrede`)).json()).toEqual([]);

    expect((await alice.session.request('PATCH', `/api/workspace/conversations/${id}`, { title: 'Radverkehr: Pressemitteilung' })).statusCode).toBe(200);
    const renamed = (await alice.session.request('GET', `/api/workspace/conversations?q=Radverkehr`)).json<{ id: string; title: string }[]>();
    expect(renamed).toMatchObject([{ id, title: 'Radverkehr: Pressemitteilung' }]);
    // Found through a message alone: the new title does not contain the word.
    const byMessage = (await alice.session.request('GET', `/api/workspace/conversations?q=Grundschule`)).json<{ id: string; snippet: string }[]>();
    expect(byMessage.map((hit) => hit.id)).toEqual([id]);
    expect(byMessage[0]!.snippet).toContain('Grundschulen');

    expect((await alice.session.request('DELETE', `/api/workspace/conversations/${id}`)).statusCode).toBe(204);
    expect((await alice.session.request('GET', `/api/workspace/conversations/${id}`)).statusCode).toBe(404);
    expect(await f.services.database.db.select().from(workspaceMessages).where(eq(workspaceMessages.conversationId, id))).toEqual([]);
  });

  it('deleting a conversation also clears the prompt texts the gateway kept of it', async () => {
    const kept = await makeOrg(f.services, 'ws-keeps-prompts');
    await f.services.orgs.updateSettings(cliCaller(), kept.id, { retention: { storePrompts: true, days: 30 } });
    const carol = await loginAs(f, kept.id, ['member']);
    const response = await carol.session.request('POST', '/api/workspace/conversations', { orgId: kept.id });
    const id = response.json<{ id: string }>().id;
    await send(carol.session, id, 'Vertraulicher Entwurf Nummer 4711');
    await f.services.recorder.flush();
    const before = await f.services.database.db.select().from(usageRecords).where(eq(usageRecords.conversationId, id));
    expect(JSON.stringify(before[0]!.promptText)).toContain('Nummer 4711');
    await carol.session.request('DELETE', `/api/workspace/conversations/${id}`);
    const after = await f.services.database.db.select().from(usageRecords).where(eq(usageRecords.conversationId, id));
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ promptText: null, outputText: null, retainUntil: null });
    expect(after[0]!.energyWh).toBe(before[0]!.energyWh);
  });

  it('shows nobody else my conversations: not in lists, searches, reads, changes or answers', async () => {
    const id = await newConversation(alice.session, { title: 'Nur für Alice' });
    await send(alice.session, id, 'Geheimer Entwurf zum Haushalt');
    const bobsList = (await bob.session.request('GET', '/api/workspace/conversations')).json<{ id: string }[]>();
    expect(bobsList.some((entry) => entry.id === id)).toBe(false);
    expect((await bob.session.request('GET', '/api/workspace/conversations?q=Haushalt')).json()).toEqual([]);
    for (const [method, url, body] of [
      ['GET', `/api/workspace/conversations/${id}`, undefined],
      ['PATCH', `/api/workspace/conversations/${id}`, { title: 'x' }],
      ['DELETE', `/api/workspace/conversations/${id}`, undefined],
      ['POST', `/api/workspace/conversations/${id}/messages`, { content: 'x' }],
      ['POST', `/api/workspace/conversations/${id}/regenerate`, {}],
    ] as const) {
      expect((await bob.session.request(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const { key } = await makeApiKey(f.services, orgId, 'admin');
    const byKey = await f.app.inject({ method: 'GET', url: '/api/workspace/conversations', headers: { authorization: `Bearer ${key}` } });
    expect(byKey.statusCode).toBe(403);
    expect(byKey.json()).toMatchObject({ reason: 'personal_login_required' });
    expect((await detail(alice.session, id)).title).toBe('Nur für Alice');
  });
});
