import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type DbOrTx } from '../db/connection.js';

export type RankedId = { id: string; score: number };

/** 'auto': pgvector where the database has it; 'exact': always exact cosine (LEITPLANKE_KNOWLEDGE_VECTOR_SEARCH). */
export type VectorPreference = 'auto' | 'exact';

const MAX_DIMENSIONS = 4096;

function dimensionsLiteral(dimensions: number) {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_DIMENSIONS) throw new Error(`unsupported embedding dimensions: ${dimensions}`);
  return sql.raw(String(dimensions));
}

/** At most this many of the question's words (in order) take part in full-text search. */
const MAX_TERMS = 8;
/** At most this many passages are ranked per tier: ranking reads every row it ranks, the GIN index only finds them. */
export const RANKED_PER_TIER = 200;

/** tsquery text for one stemmed lexeme (quoted: a lexeme is never re-parsed or re-stemmed). */
function quoted(lexeme: string) {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** All k-element subsets of the terms, AND-ed, OR-ed together: "at least k of these words". */
export function atLeastQuery(terms: string[], k: number): string {
  const groups: string[] = [];
  const pick = (from: number, chosen: string[]) => {
    if (chosen.length === k) return void groups.push(chosen.length === 1 ? chosen[0]! : `(${chosen.join(' & ')})`);
    for (let index = from; index <= terms.length - (k - chosen.length); index++) pick(index + 1, [...chosen, quoted(terms[index]!)]);
  };
  pick(0, []);
  return groups.join(' | ');
}

/** The tiers of a question with n words: all of them, then at least half (rounded up). */
export function textTiers(n: number): number[] {
  if (n === 0) return [];
  const half = Math.ceil(n / 2);
  return half < n ? [n, half] : [n];
}

/**
 * German full-text search over section and text, in tiers so that common words do not make it rank
 * the whole table: first passages with all of the question's (stemmed) words, then — only when too
 * few have all — passages with at least half of them. Each tier finds its passages through the GIN
 * index on `tsv` and ranks at most RANKED_PER_TIER of them with ts_rank against all the words (more
 * and more frequent matches first). Passages of an earlier tier come first. A passage with fewer
 * than half of the words is not a hit: a question's common words alone do not make a passage relevant.
 */
export async function fullTextSearch(db: DbOrTx, input: { collectionIds: string[]; query: string; limit: number }): Promise<RankedId[]> {
  if (input.collectionIds.length === 0 || !input.query.trim()) return [];
  const terms = rowsOf<{ lexeme: string }>(
    await db.execute(sql`select lexeme from unnest(to_tsvector('german', ${input.query})) order by positions[1] limit ${MAX_TERMS}`),
  ).map((row) => row.lexeme);
  const anyWord = atLeastQuery(terms, 1);
  const ids = sql.param(input.collectionIds);
  const hits: RankedId[] = [];
  const seen = new Set<string>();
  for (const k of textTiers(terms.length)) {
    const rows = rowsOf<{ id: string; rank: number }>(
      await db.execute(sql`
        select id, ts_rank(tsv, ${anyWord}::tsquery) as rank
        from (select id, tsv from knowledge_chunks where collection_id = any(${ids}::uuid[]) and tsv @@ ${atLeastQuery(terms, k)}::tsquery limit ${RANKED_PER_TIER}) as found
        order by rank desc, id
        limit ${input.limit}`),
    );
    for (const row of rows) {
      if (hits.length >= input.limit || seen.has(row.id)) continue;
      seen.add(row.id);
      hits.push({ id: row.id, score: Number(row.rank) });
    }
    if (hits.length >= input.limit) break;
  }
  return hits;
}

/**
 * Nearest passages by cosine distance. With pgvector the stored `real[]` is cast to `vector(n)`,
 * which the partial HNSW index per dimension serves (iterative scan keeps filtered results full);
 * without it, exact cosine in SQL over the collections' passages.
 */
export async function vectorSearch(
  database: Database,
  input: { collectionIds: string[]; model: string; embedding: number[]; limit: number; preference?: VectorPreference | undefined },
): Promise<RankedId[]> {
  if (input.collectionIds.length === 0) return [];
  const dims = dimensionsLiteral(input.embedding.length);
  const ids = sql.param(input.collectionIds);
  if ((await vectorMode(database, input.preference)) === 'pgvector') {
    const vector = `[${input.embedding.join(',')}]`;
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`set local hnsw.iterative_scan = 'relaxed_order'`);
      await tx.execute(sql`set local hnsw.ef_search = 100`);
      const rows = rowsOf<{ id: string; distance: number }>(
        await tx.execute(sql`
          select id, (embedding::vector(${dims})) <=> ${vector}::vector(${dims}) as distance
          from knowledge_chunks
          where embedding_dims = ${dims} and embedding_model = ${input.model} and collection_id = any(${ids}::uuid[])
          order by (embedding::vector(${dims})) <=> ${vector}::vector(${dims})
          limit ${input.limit}`),
      );
      // relaxed_order may return neighbours slightly out of order.
      return rows.map((row) => ({ id: row.id, score: 1 - Number(row.distance) })).sort((a, b) => b.score - a.score);
    });
  }
  const norm = Math.hypot(...input.embedding) || 1;
  const rows = rowsOf<{ id: string; similarity: number }>(
    await database.db.execute(sql`
      select id, (select sum(a * b) from unnest(embedding, ${sql.param(input.embedding)}::real[]) as t(a, b)) / nullif(embedding_norm * ${norm}, 0) as similarity
      from knowledge_chunks
      where embedding_dims = ${dims} and embedding_model = ${input.model} and collection_id = any(${ids}::uuid[])
      order by similarity desc nulls last, id
      limit ${input.limit}`),
  );
  return rows.map((row) => ({ id: row.id, score: Number(row.similarity ?? 0) }));
}

const modes = new WeakMap<Database, Promise<'pgvector' | 'exact'>>();

/** pgvector when the extension is enabled in this database (it may be available but not created for lack of privilege). */
export function vectorMode(database: Database, preference: VectorPreference = 'auto'): Promise<'pgvector' | 'exact'> {
  if (preference === 'exact') return Promise.resolve('exact');
  let mode = modes.get(database);
  if (!mode) {
    mode = database.hasVector
      ? database.db
          .execute(sql`select exists(select 1 from pg_extension where extname = 'vector') as on`)
          .then((result) => (rowsOf<{ on: boolean }>(result)[0]?.on ? 'pgvector' : 'exact'))
      : Promise.resolve('exact');
    modes.set(database, mode);
  }
  return mode;
}

const ensured = new WeakMap<Database, Set<number>>();

/** One partial HNSW index per embedding dimension, created the first time passages of that size arrive. */
export async function ensureVectorIndex(database: Database, dimensions: number, preference: VectorPreference = 'auto'): Promise<void> {
  if ((await vectorMode(database, preference)) !== 'pgvector') return;
  const done = ensured.get(database) ?? new Set<number>();
  ensured.set(database, done);
  if (done.has(dimensions)) return;
  const dims = dimensionsLiteral(dimensions);
  const name = sql.raw(`knowledge_chunks_hnsw_${dimensions}`);
  await database.db.execute(sql`create index if not exists ${name} on knowledge_chunks using hnsw ((embedding::vector(${dims})) vector_cosine_ops) where embedding_dims = ${dims}`);
  done.add(dimensions);
}
