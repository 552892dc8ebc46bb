import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { Logger } from '../core/logger.js';
import { notify, rowsOf, type Database, type DbOrTx } from '../db/connection.js';
import { jobs } from './schema.js';

export const JOBS_CHANNEL = 'leitplanke_jobs';

export type Job = typeof jobs.$inferSelect;
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export type JobContext = {
  job: Job;
  /** Aborted when the job is cancelled or the worker stops. */
  signal: AbortSignal;
  progress(done: number, total?: number, message?: string): Promise<void>;
  /** Saves state to resume from; a job picked up again after a crash gets it back in `job.checkpoint`. */
  checkpoint(state: Record<string, unknown>): Promise<void>;
};

export type JobHandler = (context: JobContext) => Promise<Record<string, unknown> | void>;

const LEASE_MS = 30_000;
const MAX_ATTEMPTS = 3;

/**
 * A job queue in the database, claimed with FOR UPDATE SKIP LOCKED so several instances share the
 * work. A running job holds a lease it renews; when a worker dies the lease runs out and another
 * worker resumes the job from its last checkpoint.
 */
export function createJobQueue(database: Database, clock: Clock, logger: Logger, options: { concurrency?: number; pollMs?: number } = {}) {
  const { db } = database;
  const handlers = new Map<string, JobHandler>();
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 2;
  const running = new Map<string, AbortController>();
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let stopped = true;
  let ticking = false;

  async function claim(): Promise<Job | undefined> {
    const types = [...handlers.keys()];
    if (types.length === 0) return undefined;
    const now = clock.now();
    const result = await db.execute(sql`
      update jobs set status = 'running', locked_by = ${workerId}, locked_until = ${new Date(now.getTime() + LEASE_MS)},
        attempts = attempts + 1, started_at = coalesce(started_at, ${now})
      where id = (
        select id from jobs
        where type = any(${sql.param(types)}::text[]) and run_after <= ${now}
          and (status = 'queued' or (status = 'running' and locked_until < ${now}))
        order by created_at limit 1 for update skip locked)
      returning id`);
    const id = rowsOf<{ id: string }>(result)[0]?.id;
    if (!id) return undefined;
    const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
    return job;
  }

  async function run(job: Job): Promise<void> {
    const handler = handlers.get(job.type)!;
    const controller = new AbortController();
    running.set(job.id, controller);
    const lease = setInterval(() => {
      void db.update(jobs).set({ lockedUntil: new Date(clock.now().getTime() + LEASE_MS) }).where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId))).catch(() => undefined);
    }, LEASE_MS / 3);
    lease.unref();
    const mine = and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId));
    const context: JobContext = {
      job,
      signal: controller.signal,
      async progress(done, total, message) {
        const [row] = await db
          .update(jobs)
          .set({ progressDone: done, ...(total !== undefined ? { progressTotal: total } : {}), ...(message !== undefined ? { progressMessage: message } : {}) })
          .where(mine)
          .returning({ status: jobs.status });
        if (row?.status === 'cancelled') controller.abort();
      },
      async checkpoint(state) {
        await db.update(jobs).set({ checkpoint: state }).where(mine);
      },
    };
    try {
      const result = await handler(context);
      await db.update(jobs).set({ status: 'succeeded', result: result ?? {}, finishedAt: clock.now(), lockedBy: null, lockedUntil: null }).where(and(mine, eq(jobs.status, 'running')));
    } catch (error) {
      const cancelled = controller.signal.aborted;
      const retry = !cancelled && job.attempts < MAX_ATTEMPTS;
      logger.warn({ err: error, job: job.id, type: job.type, retry }, 'job failed');
      await db
        .update(jobs)
        .set({
          status: cancelled ? 'cancelled' : retry ? 'queued' : 'failed',
          error: (error as Error).message,
          lockedBy: null,
          lockedUntil: null,
          ...(retry ? { runAfter: new Date(clock.now().getTime() + 2_000 * job.attempts) } : { finishedAt: clock.now() }),
        })
        .where(and(mine, inArray(jobs.status, ['running', 'cancelled'])));
    } finally {
      clearInterval(lease);
      running.delete(job.id);
    }
  }

  async function tick(): Promise<void> {
    if (ticking || stopped) return;
    ticking = true;
    try {
      while (!stopped && running.size < concurrency) {
        const job = await claim();
        if (!job) break;
        // If even the final status write fails (database gone while stopping), the lease runs out and
        // another worker takes the job again.
        void run(job).catch((error: unknown) => logger.error({ err: error, job: job.id, type: job.type }, 'job status could not be written'));
      }
    } catch (error) {
      logger.error({ err: error }, 'job claim failed');
    } finally {
      ticking = false;
    }
  }

  return {
    workerId,
    register(type: string, handler: JobHandler): void {
      handlers.set(type, handler);
    },

    async enqueue(executor: DbOrTx, input: { type: string; orgId: string; createdBy: string; payload?: Record<string, unknown> }): Promise<Job> {
      const [job] = await executor.insert(jobs).values({ type: input.type, orgId: input.orgId, createdBy: input.createdBy, payload: input.payload ?? {}, runAfter: clock.now(), createdAt: clock.now() }).returning();
      await notify(executor, JOBS_CHANNEL, job!.id);
      return job!;
    },

    async get(id: string): Promise<Job | undefined> {
      const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
      return job;
    },

    async list(orgIds: string[], type?: string, limit = 50): Promise<Job[]> {
      return db
        .select()
        .from(jobs)
        .where(and(inArray(jobs.orgId, orgIds), type ? eq(jobs.type, type) : undefined))
        .orderBy(desc(jobs.createdAt))
        .limit(limit);
    },

    async cancel(id: string): Promise<Job> {
      const [job] = await db.update(jobs).set({ status: 'cancelled', finishedAt: clock.now() }).where(and(eq(jobs.id, id), inArray(jobs.status, ['queued', 'running']))).returning();
      if (!job) throw new ServiceError('CONFLICT', text('Der Auftrag läuft nicht mehr.', 'The job is no longer running.'), { reason: 'job_not_running' });
      running.get(id)?.abort();
      return job;
    },

    /** Runs queued jobs until `stop`; NOTIFY wakes it at once, polling catches the rest (and expired leases). */
    async start(): Promise<void> {
      stopped = false;
      unlisten = await database.listen(JOBS_CHANNEL, () => void tick());
      timer = setInterval(() => void tick(), options.pollMs ?? 1_000);
      timer.unref();
      void tick();
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await unlisten?.();
      for (const controller of running.values()) controller.abort();
      const deadline = Date.now() + 5_000;
      while (running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },

    /** Waits until the job has finished (tests, CLI). */
    async waitFor(id: string, timeoutMs = 120_000): Promise<Job> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await this.get(id);
        if (job && ['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
        if (Date.now() > deadline) throw new Error(`job ${id} did not finish in time`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
