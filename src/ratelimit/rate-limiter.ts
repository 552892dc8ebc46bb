import { and, eq, lt, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/connection.js';
import { rateCounters } from './schema.js';

export type RateWindow = { limit: number; windowSeconds: number };
export type RateDecision = { allowed: boolean; count: number; limit: number; retryAfterSeconds: number };

/**
 * Fixed-window counters in the database, so every instance behind a load balancer counts against the
 * same limit. One upsert per hit; expired windows are swept now and then.
 */
export function createRateLimiter(database: Database, clock: Clock) {
  const { db } = database;
  let hitsSinceSweep = 0;

  function windowOf(windowSeconds: number) {
    const now = clock.now().getTime();
    const start = Math.floor(now / (windowSeconds * 1000)) * windowSeconds * 1000;
    return { start: new Date(start), end: new Date(start + windowSeconds * 1000), now };
  }

  async function sweep(): Promise<void> {
    await db.delete(rateCounters).where(lt(rateCounters.expiresAt, clock.now()));
  }

  return {
    async hit(key: string, window: RateWindow, amount = 1): Promise<RateDecision> {
      const { start, end, now } = windowOf(window.windowSeconds);
      const [row] = await db
        .insert(rateCounters)
        .values({ key, windowStart: start, count: amount, expiresAt: end })
        .onConflictDoUpdate({
          target: [rateCounters.key, rateCounters.windowStart],
          set: { count: sql`${rateCounters.count} + ${amount}` },
        })
        .returning({ count: rateCounters.count });
      if (++hitsSinceSweep >= 500) {
        hitsSinceSweep = 0;
        await sweep();
      }
      const count = row?.count ?? amount;
      return {
        allowed: count <= window.limit,
        count,
        limit: window.limit,
        retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now) / 1000)),
      };
    },

    async count(key: string, windowSeconds: number): Promise<number> {
      const { start } = windowOf(windowSeconds);
      const [row] = await db
        .select({ count: rateCounters.count })
        .from(rateCounters)
        .where(and(eq(rateCounters.key, key), eq(rateCounters.windowStart, start)));
      return row?.count ?? 0;
    },

    sweep,
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
