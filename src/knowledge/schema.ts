import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A collection of documents: the organisation's (owner null, managed by staff) or one person's own
 * (owner = `user:<id>` / `apikey:<id>`, seen by nobody else).
 */
export const knowledgeCollections = pgTable(
  'knowledge_collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    owner: text('owner'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Embedding model for this collection; null = the organisation's setting. */
    embeddingModel: text('embedding_model'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('knowledge_collections_org_idx').on(table.orgId, table.owner)],
);

export const knowledgeDocuments = pgTable(
  'knowledge_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => knowledgeCollections.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    filename: text('filename').notNull(),
    format: text('format').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The uploaded file, kept so ingestion can resume on any instance and the source can be opened. */
    content: bytea('content').notNull(),
    status: text('status').notNull().default('queued'),
    error: text('error'),
    jobId: uuid('job_id'),
    pageCount: integer('page_count'),
    chunkCount: integer('chunk_count').notNull().default(0),
    embeddingModel: text('embedding_model'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }),
  },
  (table) => [index('knowledge_documents_collection_idx').on(table.collectionId, table.createdAt)],
);

/**
 * Passages for search. Embeddings are `real[]` so the table exists on every PostgreSQL; where pgvector
 * is installed, search casts them to `vector(n)` and a partial HNSW index per dimension is created at
 * run time (see vector-index.ts); elsewhere search computes exact cosine in SQL.
 */
export const knowledgeChunks = pgTable(
  'knowledge_chunks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => knowledgeDocuments.id, { onDelete: 'cascade' }),
    collectionId: uuid('collection_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    /** Heading path, e.g. "2 Wohnen › 2.1 Mieten". */
    section: text('section'),
    pageStart: integer('page_start'),
    pageEnd: integer('page_end'),
    text: text('text').notNull(),
    tsv: tsvector('tsv')
      .notNull()
      .generatedAlwaysAs(sql`setweight(to_tsvector('german', coalesce(section, '')), 'A') || setweight(to_tsvector('german', text), 'B')`),
    embeddingModel: text('embedding_model'),
    embeddingDims: integer('embedding_dims'),
    embedding: real('embedding').array(),
    embeddingNorm: real('embedding_norm'),
  },
  (table) => [
    index('knowledge_chunks_document_idx').on(table.documentId, table.ordinal),
    index('knowledge_chunks_collection_idx').on(table.collectionId),
    index('knowledge_chunks_tsv_idx').using('gin', table.tsv),
  ],
);

/** Structuring of many inputs (WORK-2): one run, its items and the clusters found. */
export const structuringRuns = pgTable(
  'structuring_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    owner: text('owner').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull().default('queued'),
    jobId: uuid('job_id'),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    itemCount: integer('item_count').notNull().default(0),
    clusterCount: integer('cluster_count').notNull().default(0),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('structuring_runs_owner_idx').on(table.orgId, table.owner, table.createdAt)],
);

export const structuringItems = pgTable(
  'structuring_items',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => structuringRuns.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    /** The input's own id (row id, amendment number, file name). */
    sourceId: text('source_id').notNull(),
    text: text('text').notNull(),
    embedding: real('embedding').array(),
    cluster: integer('cluster'),
  },
  (table) => [primaryKey({ columns: [table.runId, table.ordinal] })],
);

export const structuringClusters = pgTable(
  'structuring_clusters',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => structuringRuns.id, { onDelete: 'cascade' }),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    keywords: text('keywords').array().notNull(),
    count: integer('count').notNull(),
    quotes: jsonb('quotes').$type<{ sourceId: string; text: string }[]>().notNull(),
    summarisedBy: text('summarised_by'),
  },
  (table) => [primaryKey({ columns: [table.runId, table.ordinal] })],
);
