import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { rowsOf, type Database, type DbOrTx } from '../db/connection.js';
import { type ItemResult } from './scoring/item-result.js';
import { type CategoryScore } from './report.js';
import { type ThresholdOutcome } from './thresholds.js';
import { type EvalPrompt } from './prompts.js';
import { type SuiteItem } from './suite-schema.js';
import { type RunConsequence, type RunStatus, type RunSummary } from './run-types.js';
import {
  evaluationCategoryScores,
  evaluationItemResults,
  evaluationResponses,
  evaluationRunItems,
  evaluationRuns,
} from './schema.js';

/** The queries on runs, their items, responses and results. Services and the runner share it; routes never see it. */

export type RunRow = typeof evaluationRuns.$inferSelect;
export type ResponseRow = typeof evaluationResponses.$inferSelect;
export type StoredResponse = Omit<ResponseRow, 'runId' | 'answeredAt'> & { answeredAt?: Date };

const BATCH = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += BATCH) out.push(rows.slice(start, start + BATCH));
  return out;
}

export const promptKey = (itemId: string, variant: string) => `${itemId}\u0000${variant}`;

export function createRunStore(database: Database, clock: Clock) {
  const { db } = database;

  return {
    async get(runId: string, executor: DbOrTx = db): Promise<RunRow | undefined> {
      const [row] = await executor.select().from(evaluationRuns).where(eq(evaluationRuns.id, runId));
      return row;
    },

    async list(filter: { modelId?: string | undefined; limit: number }): Promise<RunRow[]> {
      return db
        .select()
        .from(evaluationRuns)
        .where(filter.modelId ? eq(evaluationRuns.modelId, filter.modelId) : undefined)
        .orderBy(desc(evaluationRuns.createdAt))
        .limit(filter.limit);
    },

    async withStatus(statuses: readonly RunStatus[]): Promise<RunRow[]> {
      return db
        .select()
        .from(evaluationRuns)
        .where(inArray(evaluationRuns.status, [...statuses]));
    },

    async activeFor(executor: DbOrTx, modelId: string): Promise<RunRow | undefined> {
      const [row] = await executor
        .select()
        .from(evaluationRuns)
        .where(and(eq(evaluationRuns.modelId, modelId), inArray(evaluationRuns.status, ['queued', 'running', 'interrupted'])));
      return row;
    },

    /** The newest run of the model created at or after `since` (any status). */
    async latestSince(modelId: string, since: Date): Promise<RunRow | undefined> {
      const [row] = await db
        .select()
        .from(evaluationRuns)
        .where(and(eq(evaluationRuns.modelId, modelId), sql`${evaluationRuns.createdAt} >= ${since}`))
        .orderBy(desc(evaluationRuns.createdAt))
        .limit(1);
      return row;
    },

    /** The completed run of the same model before this one, for the comparison. */
    async previousCompleted(run: RunRow): Promise<RunRow | undefined> {
      const [row] = await db
        .select()
        .from(evaluationRuns)
        .where(
          and(
            eq(evaluationRuns.modelId, run.modelId),
            eq(evaluationRuns.status, 'completed'),
            lt(evaluationRuns.createdAt, run.createdAt),
          ),
        )
        .orderBy(desc(evaluationRuns.createdAt))
        .limit(1);
      return row;
    },

    /** The newest completed run per model (the registry's ranking reads it). */
    async latestCompleted(modelIds: string[]): Promise<RunRow[]> {
      if (modelIds.length === 0) return [];
      const result = await db.execute(sql`
        select distinct on (model_id) id from evaluation_runs
        where status = 'completed' and model_id = any(${sql.param(modelIds)}::text[])
        order by model_id, finished_at desc`);
      const ids = rowsOf<{ id: string }>(result).map((row) => row.id);
      if (ids.length === 0) return [];
      return db.select().from(evaluationRuns).where(inArray(evaluationRuns.id, ids));
    },

    async insertRun(executor: DbOrTx, values: typeof evaluationRuns.$inferInsert, items: SuiteItem[]): Promise<RunRow> {
      const [run] = await executor.insert(evaluationRuns).values(values).returning();
      for (const batch of chunks(items.map((item, position) => ({ item, position })))) {
        await executor.insert(evaluationRunItems).values(
          batch.map(({ item, position }) => ({
            runId: run!.id,
            itemId: item.id,
            position,
            item: item as unknown as Record<string, unknown>,
          })),
        );
      }
      return run!;
    },

    async update(executor: DbOrTx, runId: string, patch: Partial<typeof evaluationRuns.$inferInsert>): Promise<RunRow> {
      const [row] = await executor.update(evaluationRuns).set(patch).where(eq(evaluationRuns.id, runId)).returning();
      return row!;
    },

    /** Moves a run on only from one of the given statuses; undefined when it was somewhere else. */
    async transition(
      executor: DbOrTx,
      runId: string,
      from: readonly RunStatus[],
      patch: Partial<typeof evaluationRuns.$inferInsert>,
    ): Promise<RunRow | undefined> {
      const [row] = await executor
        .update(evaluationRuns)
        .set(patch)
        .where(and(eq(evaluationRuns.id, runId), inArray(evaluationRuns.status, [...from])))
        .returning();
      return row;
    },

    /** `transition` outside a transaction. */
    async mark(runId: string, from: readonly RunStatus[], patch: Partial<typeof evaluationRuns.$inferInsert>): Promise<RunRow | undefined> {
      return this.transition(db, runId, from, patch);
    },

    /** The newest run of each model, any status (the overview). */
    async latestPerModel(): Promise<RunRow[]> {
      const result = await db.execute(sql`select distinct on (model_id) id from evaluation_runs order by model_id, created_at desc`);
      const ids = rowsOf<{ id: string }>(result).map((row) => row.id);
      return ids.length === 0 ? [] : db.select().from(evaluationRuns).where(inArray(evaluationRuns.id, ids));
    },

    async items(runId: string): Promise<SuiteItem[]> {
      const rows = await db
        .select({ item: evaluationRunItems.item })
        .from(evaluationRunItems)
        .where(eq(evaluationRunItems.runId, runId))
        .orderBy(asc(evaluationRunItems.position));
      return rows.map((row) => row.item as unknown as SuiteItem);
    },

    /** Prompts with a usable answer; failed calls are asked again when the run resumes. */
    async answeredKeys(runId: string): Promise<Set<string>> {
      const rows = await db
        .select({ itemId: evaluationResponses.itemId, variant: evaluationResponses.variant })
        .from(evaluationResponses)
        .where(and(eq(evaluationResponses.runId, runId), eq(evaluationResponses.status, 'ok')));
      return new Set(rows.map((row) => promptKey(row.itemId, row.variant)));
    },

    async saveResponse(runId: string, prompt: EvalPrompt, response: StoredResponse): Promise<void> {
      const values = { ...response, runId, itemId: prompt.itemId, variant: prompt.variant, answeredAt: clock.now() };
      await db
        .insert(evaluationResponses)
        .values(values)
        .onConflictDoUpdate({
          target: [evaluationResponses.runId, evaluationResponses.itemId, evaluationResponses.variant],
          set: values,
        });
    },

    async responseCounts(runId: string): Promise<{ ok: number; error: number }> {
      const rows = await db
        .select({ status: evaluationResponses.status, count: sql<number>`count(*)::int` })
        .from(evaluationResponses)
        .where(eq(evaluationResponses.runId, runId))
        .groupBy(evaluationResponses.status);
      const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
      return { ok: count('ok'), error: count('error') };
    },

    async responses(runId: string, page: { offset: number; limit: number; itemId?: string | undefined }): Promise<ResponseRow[]> {
      return db
        .select()
        .from(evaluationResponses)
        .where(
          and(
            eq(evaluationResponses.runId, runId),
            page.itemId ? eq(evaluationResponses.itemId, page.itemId) : undefined,
          ),
        )
        .orderBy(asc(evaluationResponses.itemId), asc(evaluationResponses.variant))
        .offset(page.offset)
        .limit(page.limit);
    },

    /** Responses grouped by item and variant, as scoreItem expects them. */
    async responsesByItem(runId: string): Promise<Map<string, Record<string, string>>> {
      const rows = await db
        .select({ itemId: evaluationResponses.itemId, variant: evaluationResponses.variant, response: evaluationResponses.response, status: evaluationResponses.status })
        .from(evaluationResponses)
        .where(eq(evaluationResponses.runId, runId));
      const byItem = new Map<string, Record<string, string>>();
      for (const row of rows) {
        const entry = byItem.get(row.itemId) ?? {};
        entry[row.variant] = row.status === 'ok' ? row.response : '';
        byItem.set(row.itemId, entry);
      }
      return byItem;
    },

    /** Replaces the run's item results and category scores (scoring is deterministic, so a re-score is idempotent). */
    async saveResults(executor: DbOrTx, runId: string, results: ItemResult[], scores: CategoryScore[], outcomes: ThresholdOutcome[]): Promise<void> {
      await executor.delete(evaluationItemResults).where(eq(evaluationItemResults.runId, runId));
      await executor.delete(evaluationCategoryScores).where(eq(evaluationCategoryScores.runId, runId));
      for (const batch of chunks(results)) {
        await executor.insert(evaluationItemResults).values(
          batch.map((result) => ({
            runId,
            itemId: result.itemId,
            category: result.category,
            method: result.method,
            language: result.language,
            passed: result.passed,
            biased: result.biased,
            refused: result.refused,
            invalid: result.invalid,
            result: result as unknown as Record<string, unknown>,
          })),
        );
      }
      if (scores.length === 0) return;
      await executor.insert(evaluationCategoryScores).values(
        scores.map((score) => {
          const outcome = outcomes.find((entry) => entry.category === score.category)!;
          return {
            runId,
            category: score.category,
            score: score.score,
            ciLow: score.interval.low,
            ciHigh: score.interval.high,
            n: score.n,
            passedItems: score.passed,
            thresholdPassed: outcome.passed,
            detail: score as unknown as Record<string, unknown>,
            outcome: outcome as unknown as Record<string, unknown>,
          };
        }),
      );
    },

    async categoryScores(runId: string): Promise<{ score: CategoryScore; outcome: ThresholdOutcome }[]> {
      const rows = await db
        .select()
        .from(evaluationCategoryScores)
        .where(eq(evaluationCategoryScores.runId, runId));
      return rows.map((row) => ({
        score: row.detail as unknown as CategoryScore,
        outcome: row.outcome as unknown as ThresholdOutcome,
      }));
    },

    async itemResults(runId: string, filter: { category?: string | undefined; failedOnly?: boolean } = {}): Promise<ItemResult[]> {
      const rows = await db
        .select({ result: evaluationItemResults.result })
        .from(evaluationItemResults)
        .where(
          and(
            eq(evaluationItemResults.runId, runId),
            filter.category ? eq(evaluationItemResults.category, filter.category) : undefined,
            filter.failedOnly ? eq(evaluationItemResults.passed, false) : undefined,
          ),
        )
        .orderBy(asc(evaluationItemResults.itemId));
      return rows.map((row) => row.result as unknown as ItemResult);
    },

    summaryOf(run: RunRow): RunSummary | null {
      return (run.summary as RunSummary | null) ?? null;
    },

    consequenceOf(run: RunRow): RunConsequence | null {
      return (run.consequence as RunConsequence | null) ?? null;
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
