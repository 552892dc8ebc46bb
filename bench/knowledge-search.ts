import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../src/db/connection.js';
import { runMigrations } from '../src/db/migrate.js';
import { ensureVectorIndex, fullTextSearch, vectorSearch, vectorMode } from '../src/knowledge/chunk-search.js';
import { norm } from '../src/knowledge/embeddings.js';
import { fuseRankings } from '../src/knowledge/rank-fusion.js';
import { knowledgeChunks, knowledgeCollections, knowledgeDocuments } from '../src/knowledge/schema.js';

/**
 * Hybrid search over 100,000 passages on PGlite (issue 6, item 10; target p95 < 100 ms):
 * `npx tsx bench/knowledge-search.ts` (CHUNKS=…, DIMS=…, QUERIES=… to vary).
 * Passages are German sentences from a fixed vocabulary with embeddings around topic centres (a
 * seeded generator, so runs compare). Timed per query: German full text + pgvector HNSW (cast from
 * real[] as in production) + reciprocal rank fusion + loading the passages with their documents.
 * Not timed: the query's embedding (the model's work, done by the gateway).
 */

const chunks = Number(process.env.CHUNKS ?? 100_000);
const dims = Number(process.env.DIMS ?? 384);
const queries = Number(process.env.QUERIES ?? 200);
const collectionsCount = 10;
const documentsCount = 100;

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let next = random(6);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const gaussian = () => Math.sqrt(-2 * Math.log(next() || 1e-9)) * Math.cos(2 * Math.PI * next());

// A Zipf-distributed vocabulary of made-up German-looking words: a few words occur in many passages,
// most in few, as in real documents (a tiny vocabulary would make every word match most passages).
const syllables = ['ver', 'wal', 'tung', 'bau', 'stadt', 'rat', 'haus', 'schul', 'weg', 'kreis', 'land', 'bund', 'recht', 'plan', 'mit', 'glied', 'ord', 'nung', 'ge', 'mein', 'de', 'för', 'der', 'ung', 'wohn', 'raum', 'ver', 'kehr', 'netz', 'werk', 'amt', 'frei', 'heit', 'schutz', 'kraft', 'ar', 'beit', 'sozi', 'al', 'pfle', 'ge'];
const vocabulary = [...new Set(Array.from({ length: 9000 }, () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(syllables)).join('')))].slice(0, 6000);
const weights = vocabulary.map((_, rank) => 1 / (rank + 1));
const cumulative = weights.map(((sum) => (weight: number) => (sum += weight))(0));
const zipf = () => {
  const target = next() * cumulative.at(-1)!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low]!;
};
const topics = ['Radwege', 'Sozialwohnungen', 'Kitaplätze', 'Busverbindungen', 'Klimaschutz', 'Digitalisierung', 'Schulsanierung', 'Bürgerbeteiligung', 'Haushaltsplanung', 'Gesundheitsversorgung', 'Mietpreisbremse', 'Windkraft', 'Ehrenamt', 'Pflegekräfte', 'Breitbandausbau', 'Wasserversorgung'];
const passage = (topic: string) => Array.from({ length: 60 }, (_, index) => (index % 20 === 5 ? topic : zipf())).join(' ') + '.';
/** A question: its topic and two content words of middle frequency (a question's words are rarely the commonest). */
const questionWords = () => [vocabulary[50 + Math.floor(next() * 2000)]!, vocabulary[50 + Math.floor(next() * 2000)]!];

const centres = topics.map(() => Array.from({ length: dims }, gaussian));
function embedding(topicIndex: number): number[] {
  return centres[topicIndex]!.map((value) => value + gaussian() * 0.8);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/**
 * The generated database is kept in bench/results/knowledge-search-db/<chunks>-<dims>-<schema hash>/
 * (git-ignored), so a re-run skips generation; FRESH=1 rebuilds it. The hash of the knowledge
 * module's schema is part of the name, so a database with outdated knowledge tables is never reused.
 */
const schemaHash = createHash('sha256').update(readFileSync(path.join('src', 'knowledge', 'schema.ts'))).digest('hex').slice(0, 12);
const cacheDir = path.join('bench', 'results', 'knowledge-search-db', `${chunks}-${dims}-${schemaHash}`);
const complete = path.join(cacheDir, 'complete');
if (process.env.FRESH === '1' || !existsSync(complete)) rmSync(cacheDir, { recursive: true, force: true });
const cached = existsSync(complete);

const database = await openDatabase({ dataDir: cacheDir });
// A reused database keeps the migrations it was made with (other modules' init migration may have been
// regenerated since); its knowledge tables match the current schema by the hash in its folder name.
if (!cached) await runMigrations(database);
const { db } = database;
const started = performance.now();
let inserted = started;
let indexed = started;

if (!cached) {
  const collections = await db
    .insert(knowledgeCollections)
    .values(Array.from({ length: collectionsCount }, (_, index) => ({ orgId: '00000000-0000-0000-0000-000000000001', name: `Sammlung ${index + 1}`, createdBy: 'bench' })))
    .returning({ id: knowledgeCollections.id });
  const documents = await db
    .insert(knowledgeDocuments)
    .values(Array.from({ length: documentsCount }, (_, index) => ({ collectionId: collections[index % collectionsCount]!.id, orgId: '00000000-0000-0000-0000-000000000001', title: `Dokument ${index + 1}`, filename: `d${index + 1}.pdf`, format: 'pdf', sizeBytes: 1, sha256: '0', content: Buffer.from('x'), status: 'ready', embeddingModel: 'bench', createdBy: 'bench' })))
    .returning({ id: knowledgeDocuments.id, collectionId: knowledgeDocuments.collectionId });

  // Bulk load first, indexes after: one GIN build is far cheaper than 100,000 GIN insertions.
  await db.execute(sql`drop index if exists knowledge_chunks_tsv_idx`);
  // One JSON parameter per batch (arrays as '{…}' text cast to real[]): far faster than thousands of bound array parameters.
  const BATCH = 500;
  for (let start = 0; start < chunks; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, chunks - start) }, (_, offset) => {
      const ordinal = start + offset;
      const document = documents[ordinal % documentsCount]!;
      const topic = Math.floor(next() * topics.length);
      const vector = embedding(topic);
      return { document_id: document.id, collection_id: document.collectionId, ordinal, section: `${(ordinal % 9) + 1} ${topics[topic]}`, page: (ordinal % 40) + 1, text: passage(topics[topic]!), embedding: `{${vector.map((value) => value.toFixed(5)).join(',')}}`, norm: norm(vector) };
    });
    await db.execute(sql`
      insert into knowledge_chunks (document_id, collection_id, ordinal, section, page_start, page_end, text, embedding_model, embedding_dims, embedding, embedding_norm)
      select r.document_id, r.collection_id, r.ordinal, r.section, r.page, r.page, r.text, 'bench', ${dims}, r.embedding::real[], r.norm
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(document_id uuid, collection_id uuid, ordinal int, section text, page int, text text, embedding text, norm real)`);
    if ((start / BATCH) % 20 === 0) process.stderr.write(`\rinserted ${start + rows.length}/${chunks}`);
  }
  inserted = performance.now();
  process.stderr.write(`\rinserted ${chunks} passages in ${((inserted - started) / 1000).toFixed(1)} s; building the indexes …\n`);
  // The HNSW graph of 100,000 × 384 dimensions needs a few hundred MB; when it does not fit in
  // maintenance_work_mem the build falls back to a much slower path.
  await db.execute(sql`set maintenance_work_mem = '1GB'`);
  await db.execute(sql`create index knowledge_chunks_tsv_idx on knowledge_chunks using gin (tsv)`);
  await ensureVectorIndex(database, dims);
  await db.execute(sql`vacuum analyze knowledge_chunks`);
  indexed = performance.now();
  process.stderr.write(`indexes built in ${((indexed - inserted) / 1000).toFixed(1)} s\n`);
  writeFileSync(complete, `${new Date().toISOString()}\n`);
} else {
  process.stderr.write(`reusing the generated database in ${cacheDir} (FRESH=1 rebuilds it)\n`);
  await ensureVectorIndex(database, dims);
}
const collectionIds = rowsOf<{ id: string }>(await db.execute(sql`select id from knowledge_collections order by name`)).map((row) => row.id);
const mode = await vectorMode(database);

const parts = { text: 0, vector: 0 };
/** The previous full-text search (any word, every hit ranked), for comparison: FULLTEXT=anyword. */
async function anyWordSearch(query: string, limit: number) {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with q as (select nullif(replace(plainto_tsquery('german', ${query})::text, ' & ', ' | '), '')::tsquery as query)
      select c.id from knowledge_chunks c, q
      where q.query is not null and c.collection_id = any(${sql.param(collectionIds)}::uuid[]) and c.tsv @@ q.query
      order by ts_rank(c.tsv, q.query) desc, c.id limit ${limit}`),
  );
  return rows.map((row) => ({ id: row.id, score: 0 }));
}
const textSearch = process.env.FULLTEXT === 'anyword' ? 'anyword' : 'tiers';

type Question = { text: string; vector: number[]; topic: string; words: string[] };
const quality = { onTopic: 0, withWord: 0, returned: 0 };
async function hybrid(question: Question) {
  const t0 = performance.now();
  const byText = (textSearch === 'anyword' ? await anyWordSearch(question.text, 50) : await fullTextSearch(db, { collectionIds, query: question.text, limit: 50 })).map((hit) => hit.id);
  const t1 = performance.now();
  const byMeaning = (await vectorSearch(database, { collectionIds, model: 'bench', embedding: question.vector, limit: 50 })).map((hit) => hit.id);
  parts.text += t1 - t0;
  parts.vector += performance.now() - t1;
  const rankings = [byText, byMeaning];
  const fused = fuseRankings(rankings, { limit: 8 });
  const rows = fused.length
    ? await db
        .select({ id: knowledgeChunks.id, text: knowledgeChunks.text, section: knowledgeChunks.section, page: knowledgeChunks.pageStart, title: knowledgeDocuments.title })
        .from(knowledgeChunks)
        .innerJoin(knowledgeDocuments, eq(knowledgeDocuments.id, knowledgeChunks.documentId))
        .where(inArray(knowledgeChunks.id, fused.map((entry) => entry.id)))
    : [];
  // Quality (not timed): passages on the question's topic, and passages with one of its two content words.
  for (const row of rows) {
    quality.returned += 1;
    if (row.section?.endsWith(` ${question.topic}`)) quality.onTopic += 1;
    const words = new Set(row.text.replace('.', '').split(' '));
    if (question.words.some((word) => words.has(word))) quality.withWord += 1;
  }
  return rows.length;
}

// Questions from their own seeded stream, so they are the same whether the passages were generated now or reused.
next = random(7);
const questions: Question[] = Array.from({ length: queries + 10 }, () => {
  const topic = Math.floor(next() * topics.length);
  const words = questionWords();
  return { text: `Was steht zu ${topics[topic]}, ${words[0]} und ${words[1]}?`, vector: embedding(topic), topic: topics[topic]!, words };
});
for (const question of questions.slice(0, 10)) await hybrid(question); // warm-up
Object.assign(quality, { onTopic: 0, withWord: 0, returned: 0 });
const times: number[] = [];
let found = 0;
for (const question of questions.slice(10)) {
  const begin = performance.now();
  found += await hybrid(question);
  times.push(performance.now() - begin);
}
times.sort((a, b) => a - b);
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
console.log(`knowledge hybrid search on PGlite (${mode}): ${chunks.toLocaleString('en')} passages, ${dims} dimensions, ${queries} queries`);
console.log(`  p50 ${quantile(times, 0.5).toFixed(1)} ms · p95 ${quantile(times, 0.95).toFixed(1)} ms · max ${times.at(-1)!.toFixed(1)} ms · ${(found / queries).toFixed(1)} passages per answer`);
console.log(`  full text: ${textSearch === 'tiers' ? 'all words, then at least half (src/knowledge/chunk-search.ts)' : 'any word, every hit ranked (FULLTEXT=anyword)'}`);
console.log(`  quality: ${((100 * quality.onTopic) / quality.returned).toFixed(1)} % of passages on the question's topic, ${((100 * quality.withWord) / quality.returned).toFixed(1)} % contain one of its two content words`);
console.log(`  of which on average: full text ${(parts.text / (queries + 10)).toFixed(1)} ms, vector ${(parts.vector / (queries + 10)).toFixed(1)} ms`);
console.log(cached ? `  setup: reused the generated database (${cacheDir})` : `  setup: insert ${((inserted - started) / 1000).toFixed(0)} s, GIN + HNSW indexes ${((indexed - inserted) / 1000).toFixed(0)} s`);
console.log(`  ${os.cpus().length} CPUs (nproc), ${cpu}, Node ${process.version}`);
console.log(`  target p95 < 100 ms: ${quantile(times, 0.95) < 100 ? 'met' : 'NOT met'}`);
await database.close();
