import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/connection.js';
import type { Passage } from '../../src/knowledge/search-service.js';
import type { GatewayFixture } from '../helpers/gateway-fixture.js';
import { programmePdf, statutesOdt } from '../helpers/knowledge-documents.js';
import { makeOrg, Session, ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/test-app.js';
import { CHAT_MODEL, createCollection, knowledgeFixture, uploadAndIngest } from './knowledge-fixture.js';
import { eventsOf, loginAs, textOf } from './workspace-helpers.js';

type Citation = { n: number; source: string; page: number | null; section: string | null; url: string | null; excerpt: string };

let f: GatewayFixture;
let orgId: string;
let staff: { session: Session; userId: string };
let member: { session: Session; userId: string };
let orgCollection: string;

beforeAll(async () => {
  ({ f, orgId } = await knowledgeFixture('kb-chat'));
  staff = await loginAs(f, orgId, ['staff']);
  member = await loginAs(f, orgId, ['member']);
  orgCollection = await createCollection(staff.session, orgId, 'Satzung und Programm');
  await uploadAndIngest(f, staff.session, orgCollection, [
    { filename: 'satzung.odt', bytes: statutesOdt() },
    { filename: 'wahlprogramm.pdf', bytes: await programmePdf() },
  ]);
  // The chat model answers citing the first passage it was given.
  f.upstream.script(CHAT_MODEL, { reply: (body) => (String(body.messages[0]?.content).includes('[1]') ? 'Der Vorstand hat fünf Mitglieder [1].' : 'Dazu habe ich keine Quelle.') });
});
afterAll(async () => f?.closeAll());

async function assistantWith(session: Session, collectionIds: string[]): Promise<string> {
  const response = await session.request('POST', '/api/workspace/assistants', { orgId, name: `Satzungsfragen ${collectionIds.length}`, systemPrompt: 'Du beantwortest Fragen zur Satzung.', modelId: CHAT_MODEL, knowledgeCollectionIds: collectionIds });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function ask(session: Session, assistantId: string, question: string) {
  const created = await session.request('POST', '/api/workspace/conversations', { orgId, assistantId });
  expect(created.statusCode, created.body).toBe(201);
  const events = eventsOf(await session.request('POST', `/api/workspace/conversations/${created.json<{ id: string }>().id}/messages`, { content: question }));
  return { text: textOf(events), citations: (events.find((event) => event.type === 'citations')?.citations ?? []) as Citation[] };
}

describe('cited answers in chat', () => {
  it('answers with an assistant that has the collection, citing document and page; the citation opens the passage', async () => {
    const assistant = await assistantWith(staff.session, [orgCollection]);
    const { text, citations } = await ask(member.session, assistant, 'Wie viele Personen hat der Vorstand?');
    expect(text).toBe('Der Vorstand hat fünf Mitglieder [1].');
    expect(citations[0]).toMatchObject({ n: 1, source: 'Satzung des Kreisverbands', page: 2, section: 'Satzung des Kreisverbands › § 7 Vorstand' });
    expect(citations[0]!.excerpt).toContain('fünf Personen');
    const system = String(f.upstream.requests.at(-1)!.body.messages[0]!.content);
    expect(system).toContain('[1] Satzung des Kreisverbands, Seite 2, Satzung des Kreisverbands › § 7 Vorstand\nDer Vorstand besteht aus fünf Personen');

    const url = citations[0]!.url!;
    expect(url).toMatch(/^\/wissen\/stelle\/[0-9a-f-]{36}$/);
    const opened = await member.session.request('GET', `/api/knowledge/passages/${url.split('/').pop()}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ pageStart: 2, document: { title: 'Satzung des Kreisverbands', filename: 'satzung.odt' } });
    expect(opened.json<{ text: string }>().text).toContain('fünf Personen');
  });

  it('answers through the knowledge answer endpoint with numbered citations, and without passages does not call the model', async () => {
    const calls = f.upstream.requests.length;
    const answered = (await member.session.request('POST', `/api/orgs/${orgId}/knowledge/answer`, { question: 'Wie viele Personen hat der Vorstand?' })).json<{ answer: string; citations: (Passage & { n: number; cited: boolean })[]; label: { de: string } }>();
    expect(answered.answer).toBe('Der Vorstand hat fünf Mitglieder [1].');
    expect(answered.citations[0]).toMatchObject({ n: 1, cited: true, source: 'Satzung des Kreisverbands', page: 2 });
    expect(answered.label.de).toContain('KI-generiert');
    // An empty collection has no passage to give (the vector ranking always finds neighbours where passages exist).
    const empty = await createCollection(staff.session, orgId, 'Noch leer');
    const nothing = (await member.session.request('POST', `/api/orgs/${orgId}/knowledge/answer`, { question: 'Wie viele Personen hat der Vorstand?', collectionIds: [empty] })).json<{ answer: null; message: { de: string } }>();
    expect(nothing.answer).toBeNull();
    expect(nothing.message.de).toContain('steht dazu nichts');
    // One chat call for the first answer; none for the empty collection.
    expect(f.upstream.requests.slice(calls).filter((request) => request.path.endsWith('/chat/completions'))).toHaveLength(1);
  });
});

describe('collection permissions', () => {
  it("keeps a person's own collection invisible to everyone else, even in chat and to administrators", async () => {
    const own = await createCollection(member.session, orgId, 'Meine Notizen', 'personal');
    await uploadAndIngest(f, member.session, own, [{ filename: 'notizen.md', bytes: Buffer.from('# Notizen\n\nDer Vorstand trifft sich geheim im Gartenhaus am Stadtpark.') }]);
    const mine = (await member.session.request('GET', `/api/orgs/${orgId}/knowledge/collections`)).json<{ id: string; scope: string }[]>();
    expect(mine.find((collection) => collection.id === own)).toMatchObject({ scope: 'personal' });

    const rootAdmin = await Session.login(f.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const other of [staff.session, rootAdmin]) {
      const listed = (await other.request('GET', `/api/orgs/${orgId}/knowledge/collections`)).json<{ id: string }[]>();
      expect(listed.map((collection) => collection.id)).toContain(orgCollection);
      expect(listed.map((collection) => collection.id)).not.toContain(own);
      expect((await other.request('GET', `/api/knowledge/collections/${own}`)).statusCode).toBe(404);
      const { passages } = (await other.request('POST', `/api/orgs/${orgId}/knowledge/search`, { query: 'Gartenhaus Stadtpark', collectionIds: [own] })).json<{ passages: Passage[] }>();
      expect(passages).toEqual([]);
    }
    // Staff build an assistant naming the member's collection: the staff member's chat gets nothing from it.
    const assistant = await assistantWith(staff.session, [own]);
    expect((await ask(staff.session, assistant, 'Wo trifft sich der Vorstand geheim?')).citations).toEqual([]);
    // The member's own chat with the same assistant does cite it.
    expect((await ask(member.session, assistant, 'Wo trifft sich der Vorstand geheim? Gartenhaus')).citations[0]).toMatchObject({ source: 'Notizen' });

    const chunkOfOwn = rowsOf<{ id: string }>(await f.services.database.db.execute(sql`select id from knowledge_chunks where collection_id = ${own} limit 1`))[0]!.id;
    expect((await staff.session.request('GET', `/api/knowledge/passages/${chunkOfOwn}`)).statusCode).toBe(404);
    expect((await member.session.request('GET', `/api/knowledge/passages/${chunkOfOwn}`)).statusCode).toBe(200);
  });

  it('lets members read organisation collections, staff manage them, and no other organisation see them', async () => {
    expect((await member.session.request('POST', `/api/orgs/${orgId}/knowledge/collections`, { name: 'Verboten', scope: 'organisation' })).statusCode).toBe(403);
    expect((await member.session.request('GET', `/api/knowledge/collections/${orgCollection}`)).statusCode).toBe(200);
    const upload = await member.session.request('POST', `/api/knowledge/collections/${orgCollection}/documents`, { files: [{ filename: 'x.txt', contentBase64: Buffer.from('x').toString('base64') }] });
    expect(upload.statusCode).toBe(403);
    expect((await member.session.request('DELETE', `/api/knowledge/collections/${orgCollection}`)).statusCode).toBe(403);
    expect((await staff.session.request('PATCH', `/api/knowledge/collections/${orgCollection}`, { description: 'Stand 2026' })).statusCode).toBe(200);

    const foreignOrg = await makeOrg(f.services, 'kb-foreign');
    const foreign = await loginAs(f, foreignOrg.id, ['admin']);
    expect((await foreign.session.request('GET', `/api/knowledge/collections/${orgCollection}`)).statusCode).toBe(404);
    expect((await foreign.session.request('GET', `/api/orgs/${orgId}/knowledge/collections`)).statusCode).toBe(403);
    expect((await foreign.session.request('POST', `/api/orgs/${orgId}/knowledge/search`, { query: 'Vorstand' })).statusCode).toBe(403);
    // Its own search never reaches into another organisation's collection.
    const { passages } = (await foreign.session.request('POST', `/api/orgs/${foreignOrg.id}/knowledge/search`, { query: 'Vorstand', collectionIds: [orgCollection] })).json<{ passages: Passage[] }>();
    expect(passages).toEqual([]);
  });

  it("puts a person's own collections in their data export and erases them with their data", async () => {
    const person = await loginAs(f, orgId, ['member']);
    const own = await createCollection(person.session, orgId, 'Privatablage', 'personal');
    await uploadAndIngest(f, person.session, own, [{ filename: 'a.txt', bytes: Buffer.from('Ein privater Text über Haushaltsfragen.') }]);
    const exported = (await person.session.request('GET', '/api/workspace/my-data')).json<{ knowledge: { personalCollections: { id: string; documents: { filename: string }[] }[] } }>();
    expect(exported.knowledge.personalCollections).toMatchObject([{ id: own, documents: [{ filename: 'a.txt' }] }]);
    const erased = (await person.session.request('DELETE', '/api/workspace/my-data')).json<{ knowledge: number }>();
    expect(erased.knowledge).toBe(1);
    const left = rowsOf<{ n: number }>(await f.services.database.db.execute(sql`select (select count(*) from knowledge_collections where id = ${own}) + (select count(*) from knowledge_chunks where collection_id = ${own}) as n`));
    expect(Number(left[0]!.n)).toBe(0);
    expect((await staff.session.request('GET', `/api/knowledge/collections/${orgCollection}`)).statusCode).toBe(200);
  });
});
