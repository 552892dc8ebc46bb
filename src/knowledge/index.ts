import { and, eq, inArray, like } from 'drizzle-orm';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { Database } from '../db/connection.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { KnowledgeRetriever, PersonalDataSource } from '../workspace/index.js';
import type { VectorPreference } from './chunk-search.js';
import { createCollectionService, INGEST_JOB } from './collection-service.js';
import { createIngestionHandler } from './ingestion.js';
import { effectiveSettings, SETTINGS_KEY, type KnowledgeSettings } from './knowledge-settings.js';
import { knowledgeCollections, knowledgeDocuments, structuringRuns } from './schema.js';
import { createSearchService } from './search-service.js';
import { createStructuringHandler } from './structuring/structuring-job.js';
import { createStructuringService, STRUCTURE_JOB } from './structuring/structuring-service.js';

export type KnowledgeDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  audit: AuditEmitter;
  orgs: CachedSnapshot<OrgTree>;
  orgSettings: { updateSettings(caller: Caller, orgId: string, patch: Record<string, unknown>): Promise<Record<string, unknown>> };
  gateway: GatewayService;
  jobs: JobQueue;
  /** 'exact' turns pgvector off (exact cosine everywhere); default 'auto'. */
  vectorSearch?: VectorPreference | undefined;
  /** Minimum cosine similarity for a passage found by meaning alone (LEITPLANKE_KNOWLEDGE_MIN_SIMILARITY); default 0.3. */
  minSimilarity: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The knowledge base (WORK-3) and structuring of many inputs (WORK-2). */
export function createKnowledge(deps: KnowledgeDeps) {
  const collections = createCollectionService(deps);
  const search = createSearchService(deps);
  const structuring = createStructuringService(deps);
  const { db } = deps.database;

  /** What chat cites from: the assistant's collections, as far as the caller may read them. */
  const retriever: KnowledgeRetriever = {
    async retrieve(caller, orgId, collectionIds, query) {
      // An assistant may still name a collection that was deleted or is not a collection id at all.
      const ids = collectionIds.filter((id) => UUID.test(id));
      if (ids.length === 0) return [];
      const { passages } = await search.search(caller, orgId, { query, collectionIds: ids, limit: 6 });
      return passages;
    },
    async listCollections(caller, orgId) {
      return (await collections.list(caller, orgId)).map((collection) => ({ id: collection.id, name: collection.name }));
    },
  };

  /** RIGHTS-2: a person's own collections and analyses, in their data export and erased with it. */
  const personalData: PersonalDataSource = {
    name: 'knowledge',
    async export(_caller, userId) {
      const owner = `user:${userId}`;
      const own = await db.select().from(knowledgeCollections).where(eq(knowledgeCollections.owner, owner));
      const documents = own.length
        ? await db.select({ id: knowledgeDocuments.id, collectionId: knowledgeDocuments.collectionId, title: knowledgeDocuments.title, filename: knowledgeDocuments.filename, format: knowledgeDocuments.format, sizeBytes: knowledgeDocuments.sizeBytes, sha256: knowledgeDocuments.sha256, createdAt: knowledgeDocuments.createdAt }).from(knowledgeDocuments).where(inArray(knowledgeDocuments.collectionId, own.map((row) => row.id)))
        : [];
      const runs = await db.select().from(structuringRuns).where(eq(structuringRuns.owner, owner));
      return { personalCollections: own.map((collection) => ({ ...collection, documents: documents.filter((document) => document.collectionId === collection.id) })), structuringRuns: runs };
    },
    async erase(caller, userId) {
      const owner = `user:${userId}`;
      return db.transaction(async (tx) => {
        const removedCollections = await tx.delete(knowledgeCollections).where(eq(knowledgeCollections.owner, owner)).returning({ id: knowledgeCollections.id });
        const removedRuns = await tx.delete(structuringRuns).where(and(eq(structuringRuns.owner, owner), like(structuringRuns.owner, 'user:%'))).returning({ id: structuringRuns.id });
        await deps.audit(tx, caller, { action: 'knowledge.personal.erase', targetType: 'user', targetId: userId, metadata: { collections: removedCollections.length, structuringRuns: removedRuns.length } });
        return removedCollections.length + removedRuns.length;
      });
    },
  };

  return {
    collections,
    search,
    structuring,
    retriever,
    personalData,

    async settings(caller: Caller, orgId: string) {
      const tree = await deps.orgs.get();
      requirePermission(caller.principal, tree, 'knowledge.read', orgId);
      const models = await deps.gateway.listModels(caller, orgId);
      const own = (tree.byId.get(orgId)?.settings[SETTINGS_KEY] ?? {}) as Partial<KnowledgeSettings>;
      return {
        effective: effectiveSettings(tree, orgId),
        own: { embeddingModel: own.embeddingModel ?? null, answerModel: own.answerModel ?? null, structuringModel: own.structuringModel ?? null },
        models: {
          chat: models.filter((model) => model.leitplanke.kind === 'chat').map((model) => ({ id: model.id, name: model.leitplanke.name, status: model.leitplanke.status })),
          embedding: models.filter((model) => model.leitplanke.kind === 'embedding').map((model) => ({ id: model.id, name: model.leitplanke.name, status: model.leitplanke.status })),
        },
      };
    },

    /** Sets the organisation's own choice; null removes it (the parent's applies again). Needs `settings.manage`. */
    async updateSettings(caller: Caller, orgId: string, patch: Partial<KnowledgeSettings>) {
      const tree = await deps.orgs.get();
      const current = (tree.byId.get(orgId)?.settings[SETTINGS_KEY] ?? {}) as Partial<KnowledgeSettings>;
      const next = { ...current, ...patch };
      for (const key of Object.keys(next) as (keyof KnowledgeSettings)[]) if (!next[key]) delete next[key];
      await deps.orgSettings.updateSettings(caller, orgId, { [SETTINGS_KEY]: next });
      return this.settings(caller, orgId);
    },

    registerJobs(jobs: JobQueue): void {
      jobs.register(INGEST_JOB, createIngestionHandler(deps));
      jobs.register(STRUCTURE_JOB, createStructuringHandler(deps));
    },
  };
}

export type Knowledge = ReturnType<typeof createKnowledge>;
export { INGEST_JOB, STRUCTURE_JOB };
