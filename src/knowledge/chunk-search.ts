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

/**
 * German full-text search over section and text. The question's words are OR-ed (a question rarely
 * has all its words in one passage); ts_rank puts passages with more and rarer matches first.
 */
export async function fullTextSearch(db: DbOrTx, input: { collectionIds: string[]; query: string; limit: number }): Promise<RankedId[]> {
  if (input.collectionIds.length === 0 || !input.query.trim()) return [];
  const rows = rowsOf<{ id: string; rank: number }>(
    await db.execute(sql`
      with q as (select nullif(replace(plainto_tsquery('german', ${input.query})::text, ' & ', ' | '), '')::tsquery as query)
      select c.id, ts_rank(c.tsv, q.query) as rank
      from knowledge_chunks c, q
      where q.query is not null and c.collection_id = any(${sql.param(input.collectionIds)}::uuid[]) and c.tsv @@ q.query
      order by rank desc, c.id
      limit ${input.limit}`),
  );
  return rows.map((row) => ({ id: row.id, score: Number(row.rank) }));
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
