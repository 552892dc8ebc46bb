import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../core/clock.js';
import { createLogger } from '../core/logger.js';
import type { Database } from '../db/connection.js';
import { createTestDatabase } from '../../test/helpers/test-database.js';
import { createJobQueue } from './job-queue.js';

let database: Database;
const logger = createLogger('silent');
const orgId = '00000000-0000-4000-8000-000000000001';

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('job queue', () => {
  it('runs a job with progress and stores its result', async () => {
    const queue = createJobQueue(database, systemClock, logger, { pollMs: 50 });
    queue.register('count', async ({ job, progress }) => {
      const to = Number(job.payload.to);
      for (let index = 1; index <= to; index++) await progress(index, to, `Schritt ${index}`);
      return { counted: to };
    });
    await queue.start();
    const job = await queue.enqueue(database.db, { type: 'count', orgId, createdBy: 'test', payload: { to: 3 } });
    const done = await queue.waitFor(job.id);
    await queue.stop();
    expect(done).toMatchObject({ status: 'succeeded', progressDone: 3, progressTotal: 3, result: { counted: 3 } });
  });

  it('resumes from the checkpoint after a worker dies', async () => {
    const processed: number[] = [];
    const first = createJobQueue(database, systemClock, logger, { pollMs: 50 });
    first.register('resumable', async ({ job, checkpoint, signal }) => {
      const from = Number(job.checkpoint?.next ?? 0);
      for (let index = from; index < 6; index++) {
        if (signal.aborted) throw new Error('stopped');
        processed.push(index);
        await checkpoint({ next: index + 1 });
        if (index === 2) await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
      return { processed: 6 };
    });
    await first.start();
    const job = await first.enqueue(database.db, { type: 'resumable', orgId, createdBy: 'test' });
    await expect.poll(() => processed.length, { timeout: 5_000 }).toBe(3);
    // The "crash": the worker stops and its lease is made to expire.
    await first.stop();
    await database.db.execute((await import('drizzle-orm')).sql`update jobs set status = 'running', locked_until = now() - interval '1 minute' where id = ${job.id}`);
    const second = createJobQueue(database, systemClock, logger, { pollMs: 50 });
    second.register('resumable', async ({ job: resumed }) => {
      for (let index = Number(resumed.checkpoint?.next ?? 0); index < 6; index++) processed.push(index);
      return { processed: 6 };
    });
    await second.start();
    const done = await second.waitFor(job.id);
    await second.stop();
    expect(done.status).toBe('succeeded');
    expect(processed).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('cancels a running job', async () => {
    const queue = createJobQueue(database, systemClock, logger, { pollMs: 50 });
    queue.register('endless', async ({ signal, progress }) => {
      for (let index = 0; !signal.aborted; index++) {
        await progress(index);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('cancelled');
    });
    await queue.start();
    const job = await queue.enqueue(database.db, { type: 'endless', orgId, createdBy: 'test' });
    await expect.poll(async () => (await queue.get(job.id))?.progressDone ?? 0, { timeout: 5_000 }).toBeGreaterThan(1);
    await queue.cancel(job.id);
    const done = await queue.waitFor(job.id);
    await queue.stop();
    expect(done.status).toBe('cancelled');
  });
});
