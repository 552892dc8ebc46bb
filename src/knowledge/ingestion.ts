import { eq } from 'drizzle-orm';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { Actor } from '../core/context.js';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { Database } from '../db/connection.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import { systemPrincipal, type Caller, type Principal } from '../identity/principal.js';
import type { JobContext } from '../jobs/job-queue.js';
import { chunkBlocks } from './chunker.js';
import { ensureVectorIndex, type VectorPreference } from './chunk-search.js';
import { embedTexts, norm } from './embeddings.js';
import type { DocumentFormat } from './extract/blocks.js';
import { extractDocument } from './extract/extract-document.js';
import { effectiveSettings } from './knowledge-settings.js';
import { knowledgeChunks, knowledgeCollections, knowledgeDocuments } from './schema.js';

type Deps = { database: Database; clock: Clock; logger: Logger; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree>; gateway: GatewayService; vectorSearch?: VectorPreference | undefined };

const FINAL_ATTEMPT = 3;
const INSERT_BATCH = 200;

/** What the model sees of a passage: its heading path gives short passages their context. */
export function embeddingText(chunk: { section: string | null; text: string }): string {
  return chunk.section ? `${chunk.section}\n${chunk.text}` : chunk.text;
}

/**
 * The ingestion job: extract → chunk → embed (through the gateway, as the person who uploaded) →
 * store, one document at a time in its own transaction. Documents already ready are skipped, so a
 * job picked up again after a crash continues where it stopped.
 */
export function createIngestionHandler(deps: Deps) {
  const { database, clock, gateway, orgs } = deps;
  const { db } = database;

  return async function ingest(context: JobContext): Promise<Record<string, unknown>> {
    const payload = context.job.payload as { documentIds: string[]; principal?: Principal; actor?: Actor };
    const caller: Caller = { principal: payload.principal ?? systemPrincipal, actor: payload.actor ?? { type: 'system', label: 'knowledge-ingest' }, requestId: `job:${context.job.id}`, locale: 'de' };
    const total = payload.documentIds.length;
    let ready = 0;
    let failed = 0;
    for (const [index, documentId] of payload.documentIds.entries()) {
      context.signal.throwIfAborted();
      const [document] = await db
        .select({ id: knowledgeDocuments.id, status: knowledgeDocuments.status, title: knowledgeDocuments.title, format: knowledgeDocuments.format, content: knowledgeDocuments.content, orgId: knowledgeDocuments.orgId, collectionModel: knowledgeCollections.embeddingModel, collectionId: knowledgeCollections.id })
        .from(knowledgeDocuments)
        .innerJoin(knowledgeCollections, eq(knowledgeCollections.id, knowledgeDocuments.collectionId))
        .where(eq(knowledgeDocuments.id, documentId));
      if (!document) continue; // deleted meanwhile
      if (document.status === 'ready') {
        ready++;
        continue;
      }
      const label = `${index + 1}/${total} ${document.title}`;
      await context.progress(index, total, label);
      await db.update(knowledgeDocuments).set({ status: 'processing', error: null }).where(eq(knowledgeDocuments.id, documentId));
      try {
        const extracted = await extractDocument(document.format as DocumentFormat, document.content);
        const chunks = chunkBlocks(extracted.blocks);
        const model = document.collectionModel ?? effectiveSettings(await orgs.get(), document.orgId).embeddingModel;
        const vectors = model
          ? await embedTexts(gateway, { caller, orgId: document.orgId, purpose: 'knowledge', signal: context.signal }, model, chunks.map(embeddingText), (done) =>
              context.progress(index, total, `${label} · ${done}/${chunks.length}`),
            )
          : [];
        if (vectors[0]) await ensureVectorIndex(database, vectors[0].length, deps.vectorSearch);
        await db.transaction(async (tx) => {
          await tx.delete(knowledgeChunks).where(eq(knowledgeChunks.documentId, documentId));
          for (let start = 0; start < chunks.length; start += INSERT_BATCH) {
            await tx.insert(knowledgeChunks).values(
              chunks.slice(start, start + INSERT_BATCH).map((chunk, offset) => {
                const vector = vectors[start + offset];
                return {
                  documentId,
                  collectionId: document.collectionId,
                  ordinal: chunk.ordinal,
                  section: chunk.section,
                  pageStart: chunk.pageStart,
                  pageEnd: chunk.pageEnd,
                  text: chunk.text,
                  ...(vector && model ? { embeddingModel: model, embeddingDims: vector.length, embedding: vector, embeddingNorm: norm(vector) } : {}),
                };
              }),
            );
          }
          await tx
            .update(knowledgeDocuments)
            .set({
              status: 'ready',
              error: null,
              chunkCount: chunks.length,
              pageCount: extracted.pageCount ?? null,
              embeddingModel: vectors.length ? model : null,
              ingestedAt: clock.now(),
              ...(extracted.title ? { title: extracted.title } : {}),
            })
            .where(eq(knowledgeDocuments.id, documentId));
        });
        ready++;
      } catch (error) {
        if (context.signal.aborted) throw error;
        const retryable = error instanceof ServiceError ? error.code === 'UPSTREAM' || error.code === 'UNAVAILABLE' || error.code === 'LIMIT_EXCEEDED' : false;
        if (retryable && context.job.attempts < FINAL_ATTEMPT) {
          await db.update(knowledgeDocuments).set({ status: 'queued' }).where(eq(knowledgeDocuments.id, documentId));
          throw error;
        }
        failed++;
        const message = error instanceof ServiceError ? error.detail.de : (error as Error).message;
        deps.logger.warn({ err: error, documentId }, 'knowledge ingestion failed for a document');
        await db.update(knowledgeDocuments).set({ status: 'failed', error: message.slice(0, 1000) }).where(eq(knowledgeDocuments.id, documentId));
      }
      await context.checkpoint({ lastIndex: index });
      await context.progress(index + 1, total, label);
    }
    return { ready, failed };
  };
}
