import { and, asc, eq, gt, gte, inArray, lt, or } from 'drizzle-orm';
import type { Database } from '../db/connection.js';
import { usageRecords } from './schema.js';

export type FootprintQuery = { orgIds: string[]; from: Date; to: Date; userId?: string | undefined };

const columns = {
  id: usageRecords.id,
  occurredAt: usageRecords.occurredAt,
  orgId: usageRecords.orgId,
  userId: usageRecords.userId,
  modelId: usageRecords.modelId,
  assistantId: usageRecords.assistantId,
  tokensIn: usageRecords.tokensIn,
  tokensOut: usageRecords.tokensOut,
  energyWh: usageRecords.energyWh,
  co2eGrams: usageRecords.co2eGrams,
  waterMl: usageRecords.waterMl,
  energyMethod: usageRecords.energyMethod,
};

/** Usage records in pages (keyset on time and id), so aggregating a year never holds it all in memory. */
export async function* usageFootprints(database: Database, query: FootprintQuery, pageSize = 5_000) {
  if (query.orgIds.length === 0) return;
  let after: { occurredAt: Date; id: string } | undefined;
  for (;;) {
    const page = await database.db
      .select(columns)
      .from(usageRecords)
      .where(
        and(
          inArray(usageRecords.orgId, query.orgIds),
          gte(usageRecords.occurredAt, query.from),
          lt(usageRecords.occurredAt, query.to),
          query.userId ? eq(usageRecords.userId, query.userId) : undefined,
          after ? or(gt(usageRecords.occurredAt, after.occurredAt), and(eq(usageRecords.occurredAt, after.occurredAt), gt(usageRecords.id, after.id))) : undefined,
        ),
      )
      .orderBy(asc(usageRecords.occurredAt), asc(usageRecords.id))
      .limit(pageSize);
    yield* page;
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}
