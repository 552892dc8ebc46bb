import { and, asc, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { usageRecords } from './schema.js';

export type UsagePeriod = { orgIds: string[]; from: Date; to: Date };
export type UsageTotals = { requests: number; tokensIn: number; tokensOut: number; energyWh: number; co2eGrams: number; waterMl: number };

const totals = {
  requests: sql<number>`count(*)::int`,
  tokensIn: sql<number>`coalesce(sum(${usageRecords.tokensIn}), 0)::bigint`,
  tokensOut: sql<number>`coalesce(sum(${usageRecords.tokensOut}), 0)::bigint`,
  energyWh: sql<number>`coalesce(sum(${usageRecords.energyWh}), 0)::float8`,
  co2eGrams: sql<number>`coalesce(sum(${usageRecords.co2eGrams}), 0)::float8`,
  waterMl: sql<number>`coalesce(sum(${usageRecords.waterMl}), 0)::float8`,
};

const numeric = <T extends UsageTotals>(row: T): T => ({
  ...row,
  requests: Number(row.requests),
  tokensIn: Number(row.tokensIn),
  tokensOut: Number(row.tokensOut),
  energyWh: Number(row.energyWh),
  co2eGrams: Number(row.co2eGrams),
  waterMl: Number(row.waterMl),
});

/** Read-only totals of metered model calls for reports (OPEN-6, ENERGY-1): per model and per month. */
export function createUsageSummary(database: Database) {
  const { db } = database;
  const within = (period: UsagePeriod) =>
    and(inArray(usageRecords.orgId, period.orgIds), gte(usageRecords.occurredAt, period.from), lt(usageRecords.occurredAt, period.to));

  return {
    async byModel(period: UsagePeriod): Promise<(UsageTotals & { modelId: string })[]> {
      if (period.orgIds.length === 0) return [];
      const rows = await db
        .select({ modelId: usageRecords.modelId, ...totals })
        .from(usageRecords)
        .where(within(period))
        .groupBy(usageRecords.modelId)
        .orderBy(sql`count(*) desc`, asc(usageRecords.modelId));
      return rows.map(numeric);
    },

    /** Months as YYYY-MM in the given time zone (German organisations count in Europe/Berlin). */
    async byMonth(period: UsagePeriod, timeZone = 'Europe/Berlin'): Promise<(UsageTotals & { month: string })[]> {
      if (period.orgIds.length === 0) return [];
      // By position: the time zone is a parameter, and PostgreSQL does not match `$1` to `$2` in GROUP BY.
      const month = sql<string>`to_char(${usageRecords.occurredAt} at time zone ${timeZone}, 'YYYY-MM')`;
      const rows = await db.select({ month, ...totals }).from(usageRecords).where(within(period)).groupBy(sql`1`).orderBy(sql`1`);
      return rows.map(numeric);
    },
  };
}

export type UsageSummary = ReturnType<typeof createUsageSummary>;
