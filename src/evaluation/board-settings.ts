import { and, eq, lte, sql } from 'drizzle-orm';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import type { Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { OrgTree } from '../identity/org-directory.js';
import type { RegistryQueries } from '../registry/registry-queries.js';
import { can, type Caller } from '../identity/principal.js';
import { evaluationMessages } from './messages.js';
import {
  runSelectionSchema,
  scheduleInputSchema,
  setThresholdsSchema,
  type BoardThreshold,
  type EffectiveThreshold,
  type RunSelection,
  type ScheduleInput,
} from './run-types.js';
import { evaluationSchedules, evaluationThresholds } from './schema.js';
import { categories, type Category } from './suite-schema.js';
import { defaultThresholds } from './thresholds.js';
import type { z } from 'zod';

export type BoardDeps = { database: Database; clock: Clock; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree> };

/** The review board's decisions: who may make them, and where they live. */
export async function requireBoard(orgs: CachedSnapshot<OrgTree>, caller: Caller): Promise<string> {
  const tree = await orgs.get();
  const rootId = tree.roots[0]!.id;
  if (!can(caller.principal, tree, 'evaluation.manage', rootId)) {
    throw new ServiceError('FORBIDDEN', evaluationMessages.onlyBoard, { reason: 'missing_permission:evaluation.manage' });
  }
  return rootId;
}

export type Schedule = typeof evaluationSchedules.$inferSelect & { selection: RunSelection };

/**
 * Thresholds per category (issue 5, item 5) and re-run schedules per model (GOV-4). Both are set by reviewers
 * of the root organisation; every change is audited with the board's reason in the same transaction.
 */
export function createBoardSettings(deps: BoardDeps & { models: Pick<RegistryQueries, 'getModel'> }) {
  const { db } = deps.database;

  async function thresholds(): Promise<EffectiveThreshold[]> {
    const rows = await db.select().from(evaluationThresholds);
    return categories.map((category): EffectiveThreshold => {
      const row = rows.find((entry) => entry.category === category);
      if (!row)
        return { category, ...defaultThresholds[category], onFail: 'under_review', source: 'default', version: 0, updatedBy: null, updatedAt: null };
      return {
        category,
        minScore: row.minScore,
        ...(row.maxAbsBbqBias === null ? {} : { maxAbsBbqBias: row.maxAbsBbqBias }),
        onFail: row.onFail as BoardThreshold['onFail'],
        source: 'board',
        version: row.version,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      };
    });
  }

  function parseSchedule(row: typeof evaluationSchedules.$inferSelect): Schedule {
    return { ...row, selection: runSelectionSchema.parse(row.selection) };
  }

  return {
    thresholds,

    /** The thresholds as the runner applies them, keyed by category. */
    async thresholdMap(): Promise<Record<Category, BoardThreshold>> {
      const all = await thresholds();
      return Object.fromEntries(
        all.map(({ category, minScore, maxAbsBbqBias, onFail }) => [
          category,
          { minScore, onFail, ...(maxAbsBbqBias === undefined ? {} : { maxAbsBbqBias }) },
        ]),
      ) as Record<Category, BoardThreshold>;
    },

    async setThresholds(caller: Caller, input: z.input<typeof setThresholdsSchema>): Promise<EffectiveThreshold[]> {
      const rootId = await requireBoard(deps.orgs, caller);
      const parsed = setThresholdsSchema.parse(input);
      await db.transaction(async (tx) => {
        for (const [category, next] of Object.entries(parsed.thresholds) as [Category, BoardThreshold][]) {
          const [before] = await tx.select().from(evaluationThresholds).where(eq(evaluationThresholds.category, category)).for('update');
          const values = {
            minScore: next.minScore,
            maxAbsBbqBias: next.maxAbsBbqBias ?? null,
            onFail: next.onFail,
            updatedBy: caller.actor.label,
            updatedAt: deps.clock.now(),
          };
          await tx
            .insert(evaluationThresholds)
            .values({ category, ...values })
            .onConflictDoUpdate({ target: evaluationThresholds.category, set: { ...values, version: sql`${evaluationThresholds.version} + 1` } });
          await deps.audit(tx, caller, {
            action: 'evaluation.threshold.set',
            orgId: rootId,
            targetType: 'evaluation_threshold',
            targetId: category,
            before: before ?? { ...defaultThresholds[category], onFail: 'under_review', source: 'default' },
            after: next,
            metadata: { reason: parsed.reason },
          });
        }
      });
      return thresholds();
    },

    async schedules(): Promise<Schedule[]> {
      const rows = await db.select().from(evaluationSchedules).orderBy(evaluationSchedules.modelId);
      return rows.map(parseSchedule);
    },

    async setSchedule(caller: Caller, modelId: string, input: ScheduleInput): Promise<Schedule> {
      const rootId = await requireBoard(deps.orgs, caller);
      const parsed = scheduleInputSchema.parse(input);
      if (!(await deps.models.getModel(modelId))) throw new ServiceError('NOT_FOUND', evaluationMessages.modelNotFound(modelId), { reason: 'model_not_found' });
      const row = await db.transaction(async (tx) => {
        const [before] = await tx.select().from(evaluationSchedules).where(eq(evaluationSchedules.modelId, modelId)).for('update');
        // A new or changed interval counts from now; keeping the interval keeps the date already planned.
        const nextRunAt =
          before && before.intervalDays === parsed.intervalDays
            ? before.nextRunAt
            : new Date(deps.clock.now().getTime() + parsed.intervalDays * 86_400_000);
        const values = {
          intervalDays: parsed.intervalDays,
          enabled: parsed.enabled,
          selection: parsed.selection as unknown as Record<string, unknown>,
          nextRunAt,
          updatedBy: caller.actor.label,
          updatedAt: deps.clock.now(),
        };
        const [after] = await tx
          .insert(evaluationSchedules)
          .values({ modelId, ...values })
          .onConflictDoUpdate({ target: evaluationSchedules.modelId, set: { ...values, version: sql`${evaluationSchedules.version} + 1` } })
          .returning();
        await deps.audit(tx, caller, {
          action: 'evaluation.schedule.set',
          orgId: rootId,
          targetType: 'model',
          targetId: modelId,
          before: before ?? null,
          after,
        });
        return after!;
      });
      return parseSchedule(row);
    },

    /**
     * Claims the schedules that are due by moving their next date on, in one statement: with several instances
     * only one of them gets each due schedule.
     */
    async claimDue(): Promise<Schedule[]> {
      const now = deps.clock.now();
      const rows = await db
        .update(evaluationSchedules)
        .set({ nextRunAt: sql`${now}::timestamptz + make_interval(days => ${evaluationSchedules.intervalDays})` })
        .where(and(eq(evaluationSchedules.enabled, true), lte(evaluationSchedules.nextRunAt, now)))
        .returning();
      return rows.map(parseSchedule);
    },

    async recordScheduledRun(modelId: string, runId: string): Promise<void> {
      await db.update(evaluationSchedules).set({ lastRunId: runId }).where(eq(evaluationSchedules.modelId, modelId));
    },
  };
}

export type BoardSettings = ReturnType<typeof createBoardSettings>;
