import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../core/context.js';
import type { Clock } from '../../core/clock.js';
import { ServiceError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { CachedSnapshot } from '../../db/cached-snapshot.js';
import type { Database } from '../../db/connection.js';
import type { GatewayService } from '../../gateway/gateway-service.js';
import type { OrgTree } from '../../identity/org-directory.js';
import { systemPrincipal, type Caller, type Principal } from '../../identity/principal.js';
import type { JobContext } from '../../jobs/job-queue.js';
import { embedTexts } from '../embeddings.js';
import { structuringClusters, structuringItems, structuringRuns } from '../schema.js';
import { defaultClusterCount, kMeans, nearestToCentroid } from './kmeans.js';
import { summariseCluster } from './summarise.js';
import { distinctiveTerms, termVectors } from './terms.js';

type Deps = { database: Database; clock: Clock; logger: Logger; orgs: CachedSnapshot<OrgTree>; gateway: GatewayService };

export type RunOptions = { clusters?: number | undefined; embeddingModel?: string | null | undefined; summaryModel?: string | null | undefined; quotes?: number | undefined };

const FINAL_ATTEMPT = 3;
const EMBED_BATCH = 32;
const SEED = 20240607;

/**
 * The structuring job (WORK-2): embed (or term vectors without an embedding model) → seeded k-means →
 * per cluster a map-reduce summary through the gateway, counts and the quotes nearest its centre.
 * Embeddings and finished clusters are stored as they come, so a restarted job resumes.
 */
export function createStructuringHandler(deps: Deps) {
  const { database, clock, gateway } = deps;
  const { db } = database;

  return async function structure(context: JobContext): Promise<Record<string, unknown>> {
    const payload = context.job.payload as { runId: string; principal?: Principal; actor?: Actor };
    const [run] = await db.select().from(structuringRuns).where(eq(structuringRuns.id, payload.runId));
    if (!run || run.status === 'succeeded') return { skipped: true };
    const caller: Caller = { principal: payload.principal ?? systemPrincipal, actor: payload.actor ?? { type: 'system', label: 'structuring' }, requestId: `job:${context.job.id}`, locale: 'de' };
    const options = run.options as RunOptions;
    const call = { caller, orgId: run.orgId, signal: context.signal };
    await db.update(structuringRuns).set({ status: 'running', error: null }).where(eq(structuringRuns.id, run.id));
    try {
      const items = await db.select({ ordinal: structuringItems.ordinal, sourceId: structuringItems.sourceId, text: structuringItems.text }).from(structuringItems).where(eq(structuringItems.runId, run.id)).orderBy(asc(structuringItems.ordinal));
      const k = Math.min(items.length, options.clusters ?? defaultClusterCount(items.length));
      const embeddingSteps = options.embeddingModel ? items.length : 0;
      const total = embeddingSteps + k;

      let vectors: number[][];
      if (options.embeddingModel) {
        const model = options.embeddingModel;
        const missing = await db.select({ ordinal: structuringItems.ordinal, text: structuringItems.text }).from(structuringItems).where(and(eq(structuringItems.runId, run.id), isNull(structuringItems.embedding))).orderBy(asc(structuringItems.ordinal));
        let done = items.length - missing.length;
        for (let start = 0; start < missing.length; start += EMBED_BATCH) {
          const batch = missing.slice(start, start + EMBED_BATCH);
          const embedded = await embedTexts(gateway, { ...call, purpose: 'workflow' }, model, batch.map((item) => item.text.slice(0, 2000)), undefined, EMBED_BATCH);
          await db.execute(sql`
            update structuring_items set embedding = e.embedding::real[]
            from jsonb_to_recordset(${JSON.stringify(batch.map((item, index) => ({ ordinal: item.ordinal, embedding: `{${embedded[index]!.join(',')}}` })))}::jsonb) as e(ordinal int, embedding text)
            where run_id = ${run.id} and structuring_items.ordinal = e.ordinal`);
          done += batch.length;
          await context.progress(done, total, `embedding ${done}/${items.length}`);
        }
        const stored = await db.select({ embedding: structuringItems.embedding }).from(structuringItems).where(eq(structuringItems.runId, run.id)).orderBy(asc(structuringItems.ordinal));
        vectors = stored.map((row) => row.embedding ?? []);
      } else vectors = termVectors(items.map((item) => item.text));

      const clustering = kMeans(vectors, k, { seed: SEED });
      await db.execute(sql`
        update structuring_items set cluster = a.cluster
        from jsonb_to_recordset(${JSON.stringify(clustering.assignments.map((cluster, index) => ({ ordinal: items[index]!.ordinal, cluster })))}::jsonb) as a(ordinal int, cluster int)
        where run_id = ${run.id} and structuring_items.ordinal = a.ordinal`);

      const finished = new Set((await db.select({ ordinal: structuringClusters.ordinal }).from(structuringClusters).where(eq(structuringClusters.runId, run.id))).map((row) => row.ordinal));
      const allTexts = items.map((item) => item.text);
      for (let cluster = 0; cluster < clustering.centroids.length; cluster++) {
        context.signal.throwIfAborted();
        if (finished.has(cluster)) continue;
        const members = clustering.assignments.flatMap((assigned, index) => (assigned === cluster ? [index] : []));
        const ordered = nearestToCentroid(vectors, members, clustering.centroids[cluster]!, members.length);
        const keywords = distinctiveTerms(members.map((index) => allTexts[index]!), allTexts);
        const inputs = ordered.map((index) => ({ sourceId: items[index]!.sourceId, text: items[index]!.text }));
        const summary = options.summaryModel
          ? await summariseCluster(inputs, keywords, async (messages) => {
              const completion = await gateway.chat({ ...call, purpose: 'workflow' }, { model: options.summaryModel!, messages, temperature: 0.2, max_tokens: 400 });
              return completion.choices[0]?.message.content ?? '';
            })
          : { title: keywords.slice(0, 3).join(' · ') || `Cluster ${cluster + 1}`, summary: '' };
        await db.insert(structuringClusters).values({
          runId: run.id,
          ordinal: cluster,
          title: summary.title,
          summary: summary.summary,
          keywords,
          count: members.length,
          quotes: inputs.slice(0, options.quotes ?? 3).map((input) => ({ sourceId: input.sourceId, text: input.text.length > 600 ? `${input.text.slice(0, 600)}…` : input.text })),
          summarisedBy: options.summaryModel ?? null,
        }).onConflictDoNothing();
        await context.progress(embeddingSteps + cluster + 1, total, `cluster ${cluster + 1}/${clustering.centroids.length}`);
        await context.checkpoint({ clustersDone: cluster + 1 });
      }
      await db.update(structuringRuns).set({ status: 'succeeded', clusterCount: clustering.centroids.length, finishedAt: clock.now() }).where(eq(structuringRuns.id, run.id));
      return { clusters: clustering.centroids.length, items: items.length };
    } catch (error) {
      if (context.signal.aborted) {
        await db.update(structuringRuns).set({ status: 'cancelled', finishedAt: clock.now() }).where(eq(structuringRuns.id, run.id));
        throw error;
      }
      const retryable = !(error instanceof ServiceError) || ['UPSTREAM', 'UNAVAILABLE', 'LIMIT_EXCEEDED', 'INTERNAL'].includes(error.code);
      const message = error instanceof ServiceError ? `${error.detail.de} / ${error.detail.en}` : (error as Error).message;
      if (retryable && context.job.attempts < FINAL_ATTEMPT) throw error;
      deps.logger.warn({ err: error, runId: run.id }, 'structuring failed');
      await db.update(structuringRuns).set({ status: 'failed', error: message.slice(0, 1000), finishedAt: clock.now() }).where(eq(structuringRuns.id, run.id));
      return { failed: true, error: message };
    }
  };
}
