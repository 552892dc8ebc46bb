import { isServiceError } from '../core/errors.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { systemCaller } from '../identity/principal.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { RegistryQueries } from '../registry/registry-queries.js';
import type { BoardSettings } from './board-settings.js';
import type { RunService } from './run-service.js';
import type { RunStore } from './run-store.js';
import { runSelectionSchema, type RunSelection, type RunStatus, type RunTrigger } from './run-types.js';

export const REVISION_ACTION = 'model.revision.review';

export type SchedulerDeps = {
  clock: Clock;
  logger: Logger;
  store: RunStore;
  runs: RunService;
  board: BoardSettings;
  jobs: Pick<JobQueue, 'get'>;
  registryQueries: Pick<RegistryQueries, 'recentChanges'>;
  intervalMs?: number;
};

export type TickReport = { scheduled: string[]; revisions: string[]; resumed: string[]; failed: string[] };

const everything: RunSelection = { suites: 'all', languages: ['de', 'en'], datasets: [] };

/**
 * Re-evaluation without anyone asking (GOV-4): every tick starts the runs whose schedule is due, starts a run for
 * every model the registry put under review for a new revision (`model.revision.review` in its history) and has no
 * run since, and picks up runs a stopped server left behind. Safe with several instances: schedules are claimed in
 * one statement and the run service allows one active run per model.
 */
export function createEvaluationScheduler(deps: SchedulerDeps) {
  const caller = (what: string) => systemCaller(`evaluation-scheduler:${what}`);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | undefined;

  async function start(modelId: string, selection: RunSelection, trigger: RunTrigger, note: string): Promise<string | undefined> {
    try {
      const run = await deps.runs.start(caller(trigger), { modelId, selection, note }, trigger);
      return run.id;
    } catch (error) {
      // Gone, excluded or already running: nothing to start, and nothing a later tick could do better.
      if (isServiceError(error)) deps.logger.info({ model: modelId, reason: error.reason }, 'scheduled evaluation not started');
      else deps.logger.error({ err: error, model: modelId }, 'scheduled evaluation failed to start');
      return undefined;
    }
  }

  async function dueSchedules(report: TickReport): Promise<void> {
    for (const schedule of await deps.board.claimDue()) {
      const runId = await start(schedule.modelId, schedule.selection, 'schedule', `Alle ${schedule.intervalDays} Tage / every ${schedule.intervalDays} days`);
      if (runId) {
        await deps.board.recordScheduledRun(schedule.modelId, runId);
        report.scheduled.push(runId);
      }
    }
  }

  async function revisionChanges(report: TickReport): Promise<void> {
    const changes = (await deps.registryQueries.recentChanges(500, [REVISION_ACTION])).filter((change) => change.entityType === 'model');
    const newest = new Map<string, (typeof changes)[number]>();
    for (const change of changes) if (!newest.has(change.entityId)) newest.set(change.entityId, change);
    const schedules = await deps.board.schedules();
    for (const [modelId, change] of newest) {
      if (await deps.store.latestSince(modelId, change.changedAt)) continue;
      const selection = schedules.find((schedule) => schedule.modelId === modelId)?.selection ?? everything;
      const revision = (change.after as { revision?: string } | null)?.revision ?? '?';
      const runId = await start(modelId, runSelectionSchema.parse(selection), 'revision', `Neue Revision / new revision ${revision}`);
      if (runId) report.revisions.push(runId);
    }
  }

  /** Interrupted runs continue; runs whose job gave up are marked failed (they can be resumed by hand). */
  async function leftBehind(report: TickReport): Promise<void> {
    for (const run of await deps.store.withStatus(['queued', 'running', 'interrupted'])) {
      const job = run.jobId ? await deps.jobs.get(run.jobId) : undefined;
      const jobLive = job && (job.status === 'queued' || job.status === 'running');
      if (jobLive) continue;
      if (job?.status === 'failed') {
        if (await deps.store.mark(run.id, [run.status as RunStatus], { status: 'failed', error: job.error ?? 'job failed', finishedAt: deps.clock.now() })) report.failed.push(run.id);
        continue;
      }
      if (run.status !== 'interrupted' && !(await deps.store.mark(run.id, [run.status as RunStatus], { status: 'interrupted' }))) continue;
      await deps.runs.resume(caller('recovery'), run.id);
      report.resumed.push(run.id);
    }
  }

  async function tick(): Promise<TickReport> {
    if (running) return running;
    running = (async () => {
      const report: TickReport = { scheduled: [], revisions: [], resumed: [], failed: [] };
      for (const step of [leftBehind, dueSchedules, revisionChanges]) {
        try {
          await step(report);
        } catch (error) {
          deps.logger.error({ err: error, step: step.name }, 'evaluation scheduler step failed');
        }
      }
      return report;
    })();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  return {
    tick,
    /** Started with the server (start-server.ts); the first tick runs at once, then every `intervalMs`. */
    start(): void {
      if (timer) return;
      void tick();
      timer = setInterval(() => void tick(), deps.intervalMs ?? 5 * 60_000);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type EvaluationScheduler = ReturnType<typeof createEvaluationScheduler>;
