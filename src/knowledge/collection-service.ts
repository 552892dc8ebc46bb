import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import { rowsOf, type Database } from '../db/connection.js';
import type { OrgTree } from '../identity/org-directory.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { canReadCollection, canWriteCollection, ownerKeyOf } from './access.js';
import { detectFormat } from './extract/extract-document.js';
import { knowledgeMessages } from './messages.js';
import { knowledgeChunks, knowledgeCollections, knowledgeDocuments } from './schema.js';

export const INGEST_JOB = 'knowledge.ingest';
export const MAX_FILE_MB = 20;

type Deps = { database: Database; clock: Clock; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree>; jobs: JobQueue };

export type Collection = typeof knowledgeCollections.$inferSelect;
export type UploadedFile = { filename: string; bytes: Buffer };

const documentColumns = {
  id: knowledgeDocuments.id,
  collectionId: knowledgeDocuments.collectionId,
  title: knowledgeDocuments.title,
  filename: knowledgeDocuments.filename,
  format: knowledgeDocuments.format,
  sizeBytes: knowledgeDocuments.sizeBytes,
  status: knowledgeDocuments.status,
  error: knowledgeDocuments.error,
  jobId: knowledgeDocuments.jobId,
  pageCount: knowledgeDocuments.pageCount,
  chunkCount: knowledgeDocuments.chunkCount,
  embeddingModel: knowledgeDocuments.embeddingModel,
  createdAt: knowledgeDocuments.createdAt,
  ingestedAt: knowledgeDocuments.ingestedAt,
};

function present(collection: Collection) {
  const { owner, ...rest } = collection;
  return { ...rest, scope: owner === null ? ('organisation' as const) : ('personal' as const) };
}

/** Collections, their documents, and the passages cited from them. */
export function createCollectionService(deps: Deps) {
  const { database, clock, audit, orgs, jobs } = deps;
  const { db } = database;

  /** Loads a collection the caller may see; one they may not see does not exist for them. */
  async function visible(caller: Caller, collectionId: string): Promise<Collection> {
    const [collection] = await db.select().from(knowledgeCollections).where(eq(knowledgeCollections.id, collectionId));
    if (!collection || !canReadCollection(caller.principal, await orgs.get(), collection)) throw new ServiceError('NOT_FOUND', knowledgeMessages.collectionNotFound);
    return collection;
  }

  async function writable(caller: Caller, collectionId: string): Promise<Collection> {
    const collection = await visible(caller, collectionId);
    if (!canWriteCollection(caller.principal, await orgs.get(), collection)) {
      throw new ServiceError('FORBIDDEN', knowledgeMessages.collectionNotFound, { reason: 'missing_permission:knowledge.manage' });
    }
    return collection;
  }

  async function documentOf(caller: Caller, documentId: string) {
    const [document] = await db.select({ ...documentColumns, orgId: knowledgeDocuments.orgId }).from(knowledgeDocuments).where(eq(knowledgeDocuments.id, documentId));
    if (!document) throw new ServiceError('NOT_FOUND', knowledgeMessages.documentNotFound);
    try {
      return { document, collection: await visible(caller, document.collectionId) };
    } catch {
      throw new ServiceError('NOT_FOUND', knowledgeMessages.documentNotFound);
    }
  }

  return {
    visible,

    /** The organisation's collections and the caller's own ones in this organisation. */
    async list(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await orgs.get(), 'knowledge.read', orgId);
      const owner = ownerKeyOf(caller.principal);
      const rows = await db
        .select({
          collection: knowledgeCollections,
          documents: sql<number>`(select count(*) from knowledge_documents d where d.collection_id = ${knowledgeCollections.id})`.mapWith(Number),
          chunks: sql<number>`(select coalesce(sum(d.chunk_count), 0) from knowledge_documents d where d.collection_id = ${knowledgeCollections.id})`.mapWith(Number),
        })
        .from(knowledgeCollections)
        .where(and(eq(knowledgeCollections.orgId, orgId), owner ? or(isNull(knowledgeCollections.owner), eq(knowledgeCollections.owner, owner)) : isNull(knowledgeCollections.owner)))
        .orderBy(asc(knowledgeCollections.name));
      return rows.map((row) => ({ ...present(row.collection), documentCount: row.documents, chunkCount: row.chunks }));
    },

    async create(caller: Caller, orgId: string, input: { name: string; description?: string | undefined; scope: 'organisation' | 'personal'; embeddingModel?: string | null | undefined }) {
      const tree = await orgs.get();
      let owner: string | null = null;
      if (input.scope === 'personal') {
        requirePermission(caller.principal, tree, 'knowledge.read', orgId);
        owner = caller.principal.kind === 'user' ? ownerKeyOf(caller.principal) : null;
        if (!owner) throw new ServiceError('VALIDATION', knowledgeMessages.personalNeedsPerson, { reason: 'personal_needs_person' });
      } else requirePermission(caller.principal, tree, 'knowledge.manage', orgId);
      return db.transaction(async (tx) => {
        const [created] = await tx
          .insert(knowledgeCollections)
          .values({ orgId, owner, name: input.name, description: input.description ?? '', embeddingModel: input.embeddingModel ?? null, createdBy: caller.actor.label, createdAt: clock.now(), updatedAt: clock.now() })
          .returning();
        // Personal collections are private: the audit entry names the action, not the content.
        await audit(tx, caller, { action: 'knowledge.collection.create', orgId, targetType: 'knowledge_collection', targetId: created!.id, after: owner ? { scope: 'personal' } : { name: created!.name, embeddingModel: created!.embeddingModel } });
        return present(created!);
      });
    },

    async get(caller: Caller, collectionId: string) {
      const collection = await visible(caller, collectionId);
      const documents = await db.select(documentColumns).from(knowledgeDocuments).where(eq(knowledgeDocuments.collectionId, collectionId)).orderBy(desc(knowledgeDocuments.createdAt));
      const tree = await orgs.get();
      // Documents still waiting show their ingestion job's progress ("2/3 Satzung · 16/40").
      const pendingJobs = [...new Set(documents.filter((document) => document.status !== 'ready' && document.status !== 'failed' && document.jobId).map((document) => document.jobId!))];
      const progress = new Map<string, { status: string; done: number | null; total: number | null; message: string | null }>();
      for (const jobId of pendingJobs) {
        const job = await jobs.get(jobId);
        if (job) progress.set(jobId, { status: job.status, done: job.progressDone, total: job.progressTotal, message: job.progressMessage });
      }
      return {
        ...present(collection),
        canWrite: canWriteCollection(caller.principal, tree, collection),
        documents: documents.map((document) => ({ ...document, progress: document.jobId ? (progress.get(document.jobId) ?? null) : null })),
      };
    },

    async update(caller: Caller, collectionId: string, patch: { name?: string | undefined; description?: string | undefined; embeddingModel?: string | null | undefined }) {
      const before = await writable(caller, collectionId);
      return db.transaction(async (tx) => {
        const [after] = await tx
          .update(knowledgeCollections)
          .set({
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
            ...(patch.embeddingModel !== undefined ? { embeddingModel: patch.embeddingModel } : {}),
            updatedAt: clock.now(),
          })
          .where(eq(knowledgeCollections.id, collectionId))
          .returning();
        await audit(tx, caller, { action: 'knowledge.collection.update', orgId: before.orgId, targetType: 'knowledge_collection', targetId: collectionId, before: { name: before.name, embeddingModel: before.embeddingModel }, after: { name: after!.name, embeddingModel: after!.embeddingModel } });
        return present(after!);
      });
    },

    /** Deletes the collection with its documents and passages (really gone: RIGHTS-2). */
    async remove(caller: Caller, collectionId: string): Promise<void> {
      const collection = await writable(caller, collectionId);
      await db.transaction(async (tx) => {
        await tx.delete(knowledgeCollections).where(eq(knowledgeCollections.id, collectionId));
        await audit(tx, caller, { action: 'knowledge.collection.delete', orgId: collection.orgId, targetType: 'knowledge_collection', targetId: collectionId, before: collection.owner ? { scope: 'personal' } : { name: collection.name } });
      });
    },

    /** Stores the files and queues one ingestion job for them; the job's progress is at /api/jobs/:id. */
    async upload(caller: Caller, collectionId: string, files: UploadedFile[]) {
      const collection = await writable(caller, collectionId);
      if (files.length === 0) throw new ServiceError('VALIDATION', knowledgeMessages.noFiles, { reason: 'no_files' });
      const prepared = files.map((file) => {
        const format = detectFormat(file.filename, file.bytes);
        if (!format) throw new ServiceError('VALIDATION', knowledgeMessages.unsupportedFormat(file.filename), { reason: 'unsupported_format' });
        if (file.bytes.length > MAX_FILE_MB * 1024 * 1024) throw new ServiceError('VALIDATION', knowledgeMessages.tooLarge(file.filename, MAX_FILE_MB), { reason: 'file_too_large' });
        const title = file.filename.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || file.filename;
        return { ...file, format, title, sha256: createHash('sha256').update(file.bytes).digest('hex') };
      });
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(knowledgeDocuments)
          .values(
            prepared.map((file) => ({
              collectionId,
              orgId: collection.orgId,
              title: file.title,
              filename: file.filename,
              format: file.format,
              sizeBytes: file.bytes.length,
              sha256: file.sha256,
              content: file.bytes,
              createdBy: caller.actor.label,
              createdAt: clock.now(),
            })),
          )
          .returning({ id: knowledgeDocuments.id });
        const documentIds = inserted.map((row) => row.id);
        const job = await jobs.enqueue(tx, { type: INGEST_JOB, orgId: collection.orgId, createdBy: caller.actor.label, payload: { documentIds, principal: caller.principal, actor: caller.actor } });
        await tx.update(knowledgeDocuments).set({ jobId: job.id }).where(inArray(knowledgeDocuments.id, documentIds));
        await audit(tx, caller, {
          action: 'knowledge.document.upload',
          orgId: collection.orgId,
          targetType: 'knowledge_collection',
          targetId: collectionId,
          after: { documents: prepared.map((file, index) => ({ id: documentIds[index], sha256: file.sha256, sizeBytes: file.bytes.length, ...(collection.owner ? {} : { filename: file.filename }) })) },
          metadata: { jobId: job.id },
        });
        const documents = await tx.select(documentColumns).from(knowledgeDocuments).where(inArray(knowledgeDocuments.id, documentIds));
        return { jobId: job.id, documents };
      });
    },

    async document(caller: Caller, documentId: string) {
      const { document, collection } = await documentOf(caller, documentId);
      const chunks = await db
        .select({ id: knowledgeChunks.id, ordinal: knowledgeChunks.ordinal, section: knowledgeChunks.section, pageStart: knowledgeChunks.pageStart, pageEnd: knowledgeChunks.pageEnd, text: knowledgeChunks.text })
        .from(knowledgeChunks)
        .where(eq(knowledgeChunks.documentId, documentId))
        .orderBy(asc(knowledgeChunks.ordinal));
      return { ...document, collection: { id: collection.id, name: collection.name }, chunks };
    },

    /** The original file, for "open the source". */
    async file(caller: Caller, documentId: string) {
      await documentOf(caller, documentId);
      const [row] = await db.select({ filename: knowledgeDocuments.filename, format: knowledgeDocuments.format, content: knowledgeDocuments.content }).from(knowledgeDocuments).where(eq(knowledgeDocuments.id, documentId));
      return row!;
    },

    async removeDocument(caller: Caller, documentId: string): Promise<void> {
      const { document } = await documentOf(caller, documentId);
      const collection = await writable(caller, document.collectionId);
      await db.transaction(async (tx) => {
        await tx.delete(knowledgeDocuments).where(eq(knowledgeDocuments.id, documentId));
        await audit(tx, caller, { action: 'knowledge.document.delete', orgId: collection.orgId, targetType: 'knowledge_document', targetId: documentId, before: collection.owner ? {} : { filename: document.filename } });
      });
    },

    /** The passage a citation points to, with the passages around it for context. */
    async passage(caller: Caller, chunkId: string) {
      const [chunk] = await db.select({ id: knowledgeChunks.id, documentId: knowledgeChunks.documentId, ordinal: knowledgeChunks.ordinal }).from(knowledgeChunks).where(eq(knowledgeChunks.id, chunkId));
      if (!chunk) throw new ServiceError('NOT_FOUND', knowledgeMessages.passageNotFound);
      const { document, collection } = await documentOf(caller, chunk.documentId).catch(() => {
        throw new ServiceError('NOT_FOUND', knowledgeMessages.passageNotFound);
      });
      const around = rowsOf<{ id: string; ordinal: number; section: string | null; page_start: number | null; page_end: number | null; text: string }>(
        await db.execute(sql`select id, ordinal, section, page_start, page_end, text from knowledge_chunks where document_id = ${chunk.documentId} and ordinal between ${chunk.ordinal - 1} and ${chunk.ordinal + 1} order by ordinal`),
      );
      const toPassage = (row: (typeof around)[number]) => ({ id: row.id, ordinal: row.ordinal, section: row.section, pageStart: row.page_start, pageEnd: row.page_end, text: row.text });
      const passage = around.find((row) => row.id === chunkId)!;
      return {
        ...toPassage(passage),
        document: { id: document.id, title: document.title, filename: document.filename, format: document.format, pageCount: document.pageCount },
        collection: { id: collection.id, name: collection.name },
        before: around.filter((row) => row.ordinal < chunk.ordinal).map(toPassage),
        after: around.filter((row) => row.ordinal > chunk.ordinal).map(toPassage),
      };
    },
  };
}

export type CollectionService = ReturnType<typeof createCollectionService>;
