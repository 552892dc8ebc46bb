import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/connection.js';
import { vectorMode, vectorSearch } from '../../src/knowledge/chunk-search.js';
import type { Passage } from '../../src/knowledge/search-service.js';
import { deterministicEmbedding } from '../helpers/fake-upstream.js';
import type { GatewayFixture } from '../helpers/gateway-fixture.js';
import { programmePdf, statutesOdt } from '../helpers/knowledge-documents.js';
import type { Session } from '../helpers/test-app.js';
import { loginAs } from './workspace-helpers.js';
import { createCollection, EMBEDDING_MODEL, knowledgeFixture, uploadAndIngest, type DocumentRow } from './knowledge-fixture.js';

type DocumentDetail = { title: string; pageCount: number | null; chunks: { id: string; section: string | null; pageStart: number | null; pageEnd: number | null; text: string }[] };
type PassageView = { id: string; text: string; section: string | null; pageStart: number | null; document: { id: string; title: string }; collection: { id: string }; before: unknown[]; after: unknown[] };

/**
 * Upload → ingestion job → passages with headings and pages → hybrid search → the passage a citation
 * opens. The same flow runs on pgvector (PGlite has it) and on the exact fallback that a PostgreSQL
 * without pgvector uses (forced here with LEITPLANKE_KNOWLEDGE_VECTOR_SEARCH=exact).
 */
describe.each([
  { mode: 'auto' as const, expected: 'pgvector' as const },
  { mode: 'exact' as const, expected: 'exact' as const },
])('knowledge base with vector search "$mode"', ({ mode, expected: preferred }) => {
  let expected: 'pgvector' | 'exact' = preferred;
  let f: GatewayFixture;
  let orgId: string;
  let staff: Session;
  let collectionId: string;
  let odt: DocumentRow;
  let pdf: DocumentRow;
  const odtBytes = statutesOdt();

  beforeAll(async () => {
    ({ f, orgId } = await knowledgeFixture(`kb-${mode}`, { knowledge_vector_search: mode }));
    staff = (await loginAs(f, orgId, ['staff'])).session;
    collectionId = await createCollection(staff, orgId, 'Satzung und Programm');
    const ingested = await uploadAndIngest(f, staff, collectionId, [
      { filename: 'satzung.odt', bytes: odtBytes },
      { filename: 'wahlprogramm.pdf', bytes: await programmePdf() },
    ]);
    odt = ingested[0]!;
    pdf = ingested[1]!;
  });
  afterAll(async () => f?.closeAll());

  it(`uses ${expected} for vector search where the database has pgvector, else the exact fallback`, async () => {
    // PGlite always has pgvector; Debian's PostgreSQL 15 (CI) does not, so "auto" falls back there.
    const installed = rowsOf<{ on: boolean }>(await f.services.database.db.execute(sql`select exists(select 1 from pg_extension where extname = 'vector') as on`))[0]!.on;
    if (!installed) expected = 'exact';
    expect(await vectorMode(f.services.database, mode)).toBe(expected);
    const indexes = rowsOf<{ indexname: string }>(await f.services.database.db.execute(sql`select indexname from pg_indexes where tablename = 'knowledge_chunks' and indexname like 'knowledge_chunks_hnsw_%'`));
    expect(indexes.map((row) => row.indexname)).toEqual(expected === 'pgvector' ? ['knowledge_chunks_hnsw_8'] : []);
  });

  it('ingests ODT and PDF into passages that carry their heading path and page', async () => {
    expect(odt).toMatchObject({ status: 'ready', format: 'odt', title: 'Satzung des Kreisverbands', pageCount: 2, error: null });
    expect(pdf).toMatchObject({ status: 'ready', format: 'pdf', title: 'Wahlprogramm 2026', pageCount: 2, error: null });

    const statutes = (await staff.request('GET', `/api/knowledge/documents/${odt.id}`)).json<DocumentDetail>();
    const board = statutes.chunks.find((chunk) => chunk.text.includes('fünf Personen'))!;
    expect(board).toMatchObject({ section: 'Satzung des Kreisverbands › § 7 Vorstand', pageStart: 2, pageEnd: 2 });
    expect(statutes.chunks.find((chunk) => chunk.text.includes('Musterstadt'))).toMatchObject({ section: 'Satzung des Kreisverbands › § 1 Name und Sitz', pageStart: 1 });

    const programme = (await staff.request('GET', `/api/knowledge/documents/${pdf.id}`)).json<DocumentDetail>();
    expect(programme.chunks.find((chunk) => chunk.text.includes('Sozialwohnungen'))).toMatchObject({ section: '1 Wohnen', pageStart: 1 });
    expect(programme.chunks.find((chunk) => chunk.text.includes('Radwege'))).toMatchObject({ section: '2 Verkehr', pageStart: 2 });

    // Every passage got an embedding from the gateway (metered as the uploader's call).
    const embedded = rowsOf<{ n: number }>(await f.services.database.db.execute(sql`select count(*)::int as n from knowledge_chunks where collection_id = ${collectionId} and embedding_model = ${EMBEDDING_MODEL} and embedding_dims = 8`));
    expect(embedded[0]!.n).toBe(statutes.chunks.length + programme.chunks.length);
    expect(f.upstream.requests.some((request) => request.path.endsWith('/embeddings') && request.body.model === EMBEDDING_MODEL)).toBe(true);
  });

  it('finds a passage by German full text (stemmed) and fuses it with the vector ranking', async () => {
    const response = await staff.request('POST', `/api/orgs/${orgId}/knowledge/search`, { query: 'Wie wird der Vorstand gewählt?' });
    expect(response.statusCode, response.body).toBe(200);
    const { passages, notices } = response.json<{ passages: Passage[]; notices: unknown[] }>();
    expect(notices).toEqual([]);
    expect(passages[0]).toMatchObject({ source: 'Satzung des Kreisverbands', page: 2, section: 'Satzung des Kreisverbands › § 7 Vorstand', location: 'S. 2, Satzung des Kreisverbands › § 7 Vorstand' });
    expect(passages[0]!.text).toContain('fünf Personen');
    expect(passages[0]!.matchedBy).toContain('text');
    expect(passages[0]!.url).toBe(`/wissen/stelle/${passages[0]!.chunkId}`);
  });

  it('ranks a passage first by meaning alone when the query embeds like it', async () => {
    // The fake upstream's embeddings are hashes of the text: the query that embeds exactly like a
    // passage is its own embedding text, so the vector ranking puts that passage first.
    const programme = (await staff.request('GET', `/api/knowledge/documents/${pdf.id}`)).json<DocumentDetail>();
    const target = programme.chunks.find((chunk) => chunk.text.includes('Radwege'))!;
    const hits = await vectorSearch(f.services.database, { collectionIds: [collectionId], model: EMBEDDING_MODEL, embedding: deterministicEmbedding(`${target.section}\n${target.text}`), limit: 5, preference: mode });
    expect(hits[0]!.id).toBe(target.id);
    expect(hits[0]!.score).toBeCloseTo(1, 4);

    const { passages } = (await staff.request('POST', `/api/orgs/${orgId}/knowledge/search`, { query: `${target.section}\n${target.text}` })).json<{ passages: Passage[] }>();
    expect(passages[0]).toMatchObject({ chunkId: target.id, page: 2, matchedBy: ['text', 'meaning'] });
  });

  it('still answers by full text when the embedding model is refused, and says so', async () => {
    await f.setStatus(EMBEDDING_MODEL, 'excluded');
    try {
      const { passages, notices } = (await staff.request('POST', `/api/orgs/${orgId}/knowledge/search`, { query: 'Sozialwohnungen' })).json<{ passages: Passage[]; notices: { de: string }[] }>();
      expect(passages[0]).toMatchObject({ source: 'Wahlprogramm 2026', page: 1, matchedBy: ['text'] });
      expect(notices[0]!.de).toMatch(/^Nur Volltextsuche/);
    } finally {
      await f.setStatus(EMBEDDING_MODEL, 'approved');
    }
  });

  it('opens the passage a citation points to, with its neighbours, and the original file', async () => {
    const { passages } = (await staff.request('POST', `/api/orgs/${orgId}/knowledge/search`, { query: 'Nachfolge Amtszeit' })).json<{ passages: Passage[] }>();
    const hit = passages[0]!;
    const response = await staff.request('GET', `/api/knowledge/passages/${hit.chunkId}`);
    expect(response.statusCode, response.body).toBe(200);
    const passage = response.json<PassageView>();
    expect(passage).toMatchObject({ id: hit.chunkId, pageStart: 2, section: 'Satzung des Kreisverbands › § 7 Vorstand', document: { id: odt.id, title: 'Satzung des Kreisverbands' }, collection: { id: collectionId } });
    expect(passage.text).toContain('Nachfolge');
    expect(passage.before.length + passage.after.length).toBeGreaterThan(0);

    const original = await staff.request('GET', `/api/knowledge/documents/${odt.id}/file`);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-disposition']).toContain('satzung.odt');
    expect(original.rawPayload.equals(odtBytes)).toBe(true);
  });

  it('deletes a document with its passages', async () => {
    const extra = await createCollection(staff, orgId, 'Wegwerf');
    const [document] = await uploadAndIngest(f, staff, extra, [{ filename: 'notiz.md', bytes: Buffer.from('# Notiz\n\nDas Sommerfest findet im Juli statt.') }]);
    expect(document).toMatchObject({ status: 'ready', format: 'markdown', chunkCount: 1 });
    expect((await staff.request('DELETE', `/api/knowledge/documents/${document!.id}`)).statusCode).toBe(204);
    expect((await staff.request('GET', `/api/knowledge/documents/${document!.id}`)).statusCode).toBe(404);
    const left = rowsOf<{ n: number }>(await f.services.database.db.execute(sql`select count(*)::int as n from knowledge_chunks where collection_id = ${extra}`));
    expect(left[0]!.n).toBe(0);
  });
});
