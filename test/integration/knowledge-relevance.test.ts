import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/connection.js';
import { fullTextSearch, RANKED_PER_TIER, vectorSearch } from '../../src/knowledge/chunk-search.js';
import type { Passage } from '../../src/knowledge/search-service.js';
import { deterministicEmbedding } from '../helpers/fake-upstream.js';
import type { GatewayFixture } from '../helpers/gateway-fixture.js';
import type { Session } from '../helpers/test-app.js';
import { eventsOf, loginAs, textOf } from './workspace-helpers.js';
import { CHAT_MODEL, createCollection, EMBEDDING_MODEL, knowledgeFixture, uploadAndIngest } from './knowledge-fixture.js';

/**
 * More passages with one common word ("Haushalt") than full-text search ranks per tier, and — last, so
 * a search that ranked only the first rows with any word would not even see it — one passage that
 * has all the question's words once.
 */
const COMMON = RANKED_PER_TIER + 40;
const budget = [
  '# Haushalt 2026',
  ...Array.from({ length: COMMON }, (_, index) => [
    `## Haushalt Titel ${index + 1}`,
    `Der Haushalt wurde beraten. Der Haushalt ist ausgeglichen. Im Haushalt steht mehr als im letzten Haushalt, und der Haushalt wächst.`,
  ]).flat(),
  '## Bäder',
  'Für die Sanierung im Schwimmbad stehen im Haushalt zwei Millionen Euro bereit.',
].join('\n\n');

/** The fake upstream's embeddings are hashes of the text: only the same text is more than 0.95 similar. */
const MIN_SIMILARITY = 0.95;

describe('knowledge search relevance', () => {
  let f: GatewayFixture;
  let orgId: string;
  let staff: Session;
  let collectionId: string;

  beforeAll(async () => {
    ({ f, orgId } = await knowledgeFixture('kb-relevance', { knowledge_min_similarity: MIN_SIMILARITY }));
    staff = (await loginAs(f, orgId, ['staff'])).session;
    collectionId = await createCollection(staff, orgId, 'Haushalt');
    const [document] = await uploadAndIngest(f, staff, collectionId, [{ filename: 'haushalt.md', bytes: Buffer.from(budget) }]);
    expect(document).toMatchObject({ status: 'ready', chunkCount: COMMON + 1 });
  });
  afterAll(async () => f?.closeAll());

  it('ranks the passage with all of the question\'s words before passages that only repeat a common one', async () => {
    const query = 'Sanierung Schwimmbad Haushalt';
    // Precondition: the common word alone matches more passages than one tier ranks.
    const common = rowsOf<{ n: number }>(await f.services.database.db.execute(sql`select count(*)::int as n from knowledge_chunks where collection_id = ${collectionId} and tsv @@ plainto_tsquery('german', 'Haushalt')`));
    expect(common[0]!.n).toBe(COMMON + 1);
    expect(common[0]!.n).toBeGreaterThan(RANKED_PER_TIER);

    const hits = await fullTextSearch(f.services.database.db, { collectionIds: [collectionId], query, limit: 10 });
    const texts = await textsOf(hits.map((hit) => hit.id));
    expect(texts[0]).toContain('Sanierung im Schwimmbad');
    // Three words: a passage needs at least two of them; "Haushalt" alone is not a hit.
    expect(texts).toHaveLength(1);

    const { passages } = (await staff.request('POST', `/api/orgs/${orgId}/knowledge/search`, { query })).json<{ passages: Passage[] }>();
    expect(passages[0]).toMatchObject({ section: 'Haushalt 2026 › Bäder', matchedBy: expect.arrayContaining(['text']) });
  });

  it('finds passages with at least half of the words when none has all of them', async () => {
    // "Hallenbad" is in no passage: the all-words tier is empty, the "two of three" tier finds the passage.
    const hits = await fullTextSearch(f.services.database.db, { collectionIds: [collectionId], query: 'Sanierung Hallenbad Schwimmbad', limit: 10 });
    expect(await textsOf(hits.map((hit) => hit.id))).toEqual([expect.stringContaining('Sanierung im Schwimmbad')]);
    // One word: passages with it, as many as asked for.
    expect(await fullTextSearch(f.services.database.db, { collectionIds: [collectionId], query: 'Haushalt', limit: 10 })).toHaveLength(10);
  });

  it('finds nothing when no passage is relevant, and the answer says so instead of citing unrelated passages', async () => {
    const question = 'Wann öffnet das Freibad im Sommer?';
    // Precondition: no passage has the question's words, but vector search alone always has nearest neighbours.
    expect(await fullTextSearch(f.services.database.db, { collectionIds: [collectionId], query: question, limit: 10 })).toEqual([]);
    const nearest = await vectorSearch(f.services.database, { collectionIds: [collectionId], model: EMBEDDING_MODEL, embedding: deterministicEmbedding(question), limit: 6 });
    expect(nearest).toHaveLength(6);
    expect(nearest[0]!.score).toBeGreaterThan(0.5);
    expect(nearest[0]!.score).toBeLessThan(MIN_SIMILARITY);

    const search = (await staff.request('POST', `/api/orgs/${orgId}/knowledge/search`, { query: question })).json<{ passages: Passage[] }>();
    expect(search.passages).toEqual([]);

    const chatCalls = () => f.upstream.requests.filter((request) => request.path.endsWith('/chat/completions')).length;
    const before = chatCalls();
    const answer = await staff.request('POST', `/api/orgs/${orgId}/knowledge/answer`, { question });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      answer: null,
      citations: [],
      message: { de: expect.stringContaining('steht dazu nichts'), en: expect.stringContaining('say nothing about this') },
    });
    expect(chatCalls()).toBe(before);
  });

  it('answers and cites when a passage is relevant by its words', async () => {
    f.upstream.script(CHAT_MODEL, { reply: () => 'Für die Sanierung stehen zwei Millionen Euro bereit [1].' });
    const answer = (await staff.request('POST', `/api/orgs/${orgId}/knowledge/answer`, { question: 'Was kostet die Sanierung im Schwimmbad?' })).json<{ answer: string; citations: (Passage & { cited: boolean })[] }>();
    expect(answer.answer).toContain('[1]');
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]).toMatchObject({ n: 1, cited: true, section: 'Haushalt 2026 › Bäder' });
  });

  it('in chat, an assistant whose collections have nothing on the question says so: no sources, a marker, and the model is told', async () => {
    f.upstream.script(CHAT_MODEL, { reply: (body) => (String(body.messages[0]?.content).includes('nichts Passendes gefunden') ? 'In den Dokumenten der Organisation steht dazu nichts.' : 'Laut Dokument [1] ist es so.') });
    const created = await staff.request('POST', '/api/workspace/assistants', { orgId, name: 'Haushaltsfragen', systemPrompt: 'Du beantwortest Fragen zum Haushalt.', modelId: CHAT_MODEL, knowledgeCollectionIds: [collectionId] });
    expect(created.statusCode, created.body).toBe(201);
    const assistantId = created.json<{ id: string }>().id;
    const chat = async (question: string) => {
      const conversation = (await staff.request('POST', '/api/workspace/conversations', { orgId, assistantId })).json<{ id: string }>();
      const events = eventsOf(await staff.request('POST', `/api/workspace/conversations/${conversation.id}/messages`, { content: question }));
      const system = String(f.upstream.requests.filter((request) => request.path.endsWith('/chat/completions')).at(-1)!.body.messages[0]!.content);
      const stored = (await staff.request('GET', `/api/workspace/conversations/${conversation.id}`)).json<{ messages: { role: string; citations: unknown[]; knowledgeOutcome: string | null }[] }>();
      const types = events.map((event) => event.type).filter((type, index, all) => type !== all[index - 1]);
      return { events, types, system, answer: stored.messages.find((message) => message.role === 'assistant')! };
    };

    const nothing = await chat('Wann öffnet das Freibad im Sommer?');
    expect(nothing.types).toEqual(['start', 'knowledge', 'delta', 'done']);
    expect(nothing.events[1]).toEqual({ type: 'knowledge', outcome: 'nothing_found' });
    expect(textOf(nothing.events)).toBe('In den Dokumenten der Organisation steht dazu nichts.');
    expect(nothing.system).toMatch(/^Du beantwortest Fragen zum Haushalt\.\n\nIn den Wissenssammlungen dieses Assistenten .* wurde zu dieser Frage nichts Passendes gefunden\./);
    expect(nothing.system).toContain('Erfinde keine Quellen');
    expect(nothing.system).not.toContain('Auszüge');
    expect(nothing.answer).toMatchObject({ citations: [], knowledgeOutcome: 'nothing_found' });

    // The same assistant with a relevant question cites, and carries no 'nothing found' marker.
    const found = await chat('Was kostet die Sanierung im Schwimmbad?');
    expect(found.types).toEqual(['start', 'citations', 'delta', 'done']);
    expect(found.system).toContain('[1] Haushalt 2026, Haushalt 2026 › Bäder\nFür die Sanierung im Schwimmbad');
    expect(found.system).not.toContain('nichts Passendes gefunden');
    expect(found.answer).toMatchObject({ knowledgeOutcome: 'cited', citations: [expect.objectContaining({ n: 1, section: 'Haushalt 2026 › Bäder' })] });
  });

  async function textsOf(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = rowsOf<{ id: string; text: string }>(await f.services.database.db.execute(sql`select id, text from knowledge_chunks where id = any(${sql.param(ids)}::uuid[])`));
    return ids.map((id) => rows.find((row) => row.id === id)!.text);
  }
});
