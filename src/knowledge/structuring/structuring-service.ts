import { and, asc, desc, eq } from 'drizzle-orm';
import type { AuditEmitter } from '../../audit/audit-service.js';
import type { Clock } from '../../core/clock.js';
import { ServiceError } from '../../core/errors.js';
import type { CachedSnapshot } from '../../db/cached-snapshot.js';
import type { Database } from '../../db/connection.js';
import type { OrgTree } from '../../identity/org-directory.js';
import { requirePermission, type Caller } from '../../identity/principal.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { ownerKeyOf } from '../access.js';
import { effectiveSettings } from '../knowledge-settings.js';
import { knowledgeMessages } from '../messages.js';
import { structuringClusters, structuringItems, structuringRuns } from '../schema.js';
import { renderExport, type ExportFormat } from './export.js';
import { parseInputs, type ColumnChoice } from './parse-inputs.js';
import type { RunOptions } from './structuring-job.js';

export const STRUCTURE_JOB = 'knowledge.structure';
export const MAX_ITEMS = 5000;
const INSERT_BATCH = 500;

type Deps = { database: Database; clock: Clock; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree>; jobs: JobQueue };

export type StructuringInput = ColumnChoice & {
  name: string;
  files: { filename: string; bytes: Buffer }[];
  clusters?: number | undefined;
  method?: 'auto' | 'embeddings' | 'terms' | undefined;
  summaryModel?: string | null | undefined;
};

/** Structuring of many inputs (WORK-2). A run belongs to whoever started it; nobody else sees its inputs. */
export function createStructuringService(deps: Deps) {
  const { database, clock, audit, orgs, jobs } = deps;
  const { db } = database;

  async function own(caller: Caller, runId: string) {
    const [run] = await db.select().from(structuringRuns).where(eq(structuringRuns.id, runId));
    const owner = ownerKeyOf(caller.principal);
    if (!run || (caller.principal.kind !== 'system' && run.owner !== owner)) throw new ServiceError('NOT_FOUND', knowledgeMessages.runNotFound);
    requirePermission(caller.principal, await orgs.get(), 'knowledge.structure', run.orgId);
    return run;
  }

  async function clustersOf(runId: string) {
    return db.select().from(structuringClusters).where(eq(structuringClusters.runId, runId)).orderBy(asc(structuringClusters.ordinal));
  }

  return {
    async create(caller: Caller, orgId: string, input: StructuringInput) {
      const tree = await orgs.get();
      requirePermission(caller.principal, tree, 'knowledge.structure', orgId);
      const owner = ownerKeyOf(caller.principal);
      if (!owner) throw new ServiceError('VALIDATION', knowledgeMessages.personalNeedsPerson, { reason: 'owner_required' });
      const items = await parseInputs(input.files, input);
      if (items.length < 2) throw new ServiceError('VALIDATION', knowledgeMessages.noItems, { reason: 'no_items' });
      if (items.length > MAX_ITEMS) throw new ServiceError('VALIDATION', knowledgeMessages.tooManyItems(MAX_ITEMS), { reason: 'too_many_items' });
      const settings = effectiveSettings(tree, orgId);
      const method = input.method ?? 'auto';
      const embeddingModel = method === 'terms' ? null : settings.embeddingModel;
      if (method === 'embeddings' && !embeddingModel) throw new ServiceError('VALIDATION', knowledgeMessages.noEmbeddingModel, { reason: 'no_embedding_model' });
      const options: RunOptions = {
        clusters: input.clusters,
        embeddingModel,
        summaryModel: input.summaryModel === undefined ? (settings.structuringModel ?? settings.answerModel) : input.summaryModel,
      };
      return db.transaction(async (tx) => {
        const [run] = await tx
          .insert(structuringRuns)
          .values({ orgId, owner, name: input.name, options, itemCount: items.length, createdBy: caller.actor.label, createdAt: clock.now() })
          .returning();
        for (let start = 0; start < items.length; start += INSERT_BATCH) {
          await tx.insert(structuringItems).values(items.slice(start, start + INSERT_BATCH).map((item, offset) => ({ runId: run!.id, ordinal: start + offset, sourceId: item.sourceId, text: item.text })));
        }
        const job = await jobs.enqueue(tx, { type: STRUCTURE_JOB, orgId, createdBy: caller.actor.label, payload: { runId: run!.id, principal: caller.principal, actor: caller.actor } });
        const [updated] = await tx.update(structuringRuns).set({ jobId: job.id }).where(eq(structuringRuns.id, run!.id)).returning();
        // The inputs may hold personal data (survey answers): the audit names counts and models, not content.
        await audit(tx, caller, { action: 'knowledge.structuring.start', orgId, targetType: 'structuring_run', targetId: run!.id, after: { items: items.length, ...options } });
        return updated!;
      });
    },

    async list(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await orgs.get(), 'knowledge.structure', orgId);
      const owner = ownerKeyOf(caller.principal);
      if (!owner) return [];
      return db.select().from(structuringRuns).where(and(eq(structuringRuns.orgId, orgId), eq(structuringRuns.owner, owner))).orderBy(desc(structuringRuns.createdAt)).limit(100);
    },

    async get(caller: Caller, runId: string) {
      const run = await own(caller, runId);
      const job = run.jobId ? await jobs.get(run.jobId) : undefined;
      const { owner: _owner, ...rest } = run;
      return {
        ...rest,
        progress: job ? { status: job.status, done: job.progressDone, total: job.progressTotal, message: job.progressMessage } : null,
        clusters: run.status === 'succeeded' ? await clustersOf(runId) : [],
      };
    },

    /** The members of one cluster, for reading all of it. */
    async clusterItems(caller: Caller, runId: string, cluster: number) {
      await own(caller, runId);
      return db
        .select({ sourceId: structuringItems.sourceId, text: structuringItems.text })
        .from(structuringItems)
        .where(and(eq(structuringItems.runId, runId), eq(structuringItems.cluster, cluster)))
        .orderBy(asc(structuringItems.ordinal));
    },

    async export(caller: Caller, runId: string, format: ExportFormat) {
      const run = await own(caller, runId);
      if (run.status !== 'succeeded') throw new ServiceError('CONFLICT', knowledgeMessages.notFinished, { reason: 'not_finished' });
      const clusters = await clustersOf(runId);
      const items = await db.select({ sourceId: structuringItems.sourceId, cluster: structuringItems.cluster, text: structuringItems.text }).from(structuringItems).where(eq(structuringItems.runId, runId)).orderBy(asc(structuringItems.cluster), asc(structuringItems.ordinal));
      const rendered = renderExport({ name: run.name, createdAt: run.createdAt, itemCount: run.itemCount, summarisedBy: clusters[0]?.summarisedBy ?? null, clusters, items }, format);
      const base = run.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'auswertung';
      return { ...rendered, filename: `${base}.${rendered.extension}` };
    },

    async remove(caller: Caller, runId: string): Promise<void> {
      const run = await own(caller, runId);
      if (run.jobId && (run.status === 'queued' || run.status === 'running')) await jobs.cancel(run.jobId).catch(() => undefined);
      await db.transaction(async (tx) => {
        await tx.delete(structuringRuns).where(eq(structuringRuns.id, runId));
        await audit(tx, caller, { action: 'knowledge.structuring.delete', orgId: run.orgId, targetType: 'structuring_run', targetId: runId });
      });
    },
  };
}

export type StructuringService = ReturnType<typeof createStructuringService>;
