import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, sum } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/connection.js';
import { usageRecords } from './schema.js';

export type ConversationFootprint = { calls: number; tokensIn: number; tokensOut: number; energyWh: number; co2eGrams: number; waterMl: number };

const emptyFootprint: ConversationFootprint = { calls: 0, tokensIn: 0, tokensOut: 0, energyWh: 0, co2eGrams: 0, waterMl: 0 };

/**
 * Reads and erasures of usage records for other modules (the workspace): per-conversation footprints,
 * a person's own records, and clearing retained prompt texts. Metering figures stay; texts go.
 */
export function createUsageData(database: Database) {
  const { db } = database;
  const textsPresent = or(isNotNull(usageRecords.promptText), isNotNull(usageRecords.outputText));
  const clearTexts = { promptText: null, outputText: null, retainUntil: null };

  return {
    /** Energy, CO2 and tokens of every call made for these conversations (answers, regenerations, aborted calls). */
    async footprintOfConversations(conversationIds: string[]): Promise<Map<string, ConversationFootprint>> {
      const result = new Map(conversationIds.map((id) => [id, { ...emptyFootprint }]));
      if (conversationIds.length === 0) return result;
      const rows = await db
        .select({
          conversationId: usageRecords.conversationId,
          calls: count(),
          tokensIn: sum(usageRecords.tokensIn),
          tokensOut: sum(usageRecords.tokensOut),
          energyWh: sum(usageRecords.energyWh),
          co2eGrams: sum(usageRecords.co2eGrams),
          waterMl: sum(usageRecords.waterMl),
        })
        .from(usageRecords)
        .where(inArray(usageRecords.conversationId, conversationIds))
        .groupBy(usageRecords.conversationId);
      for (const row of rows) {
        result.set(row.conversationId!, {
          calls: Number(row.calls),
          tokensIn: Number(row.tokensIn ?? 0),
          tokensOut: Number(row.tokensOut ?? 0),
          energyWh: Number(row.energyWh ?? 0),
          co2eGrams: Number(row.co2eGrams ?? 0),
          waterMl: Number(row.waterMl ?? 0),
        });
      }
      return result;
    },

    /** A person's own model calls (not those of API keys they created), newest first, for a data export. */
    async recordsOfUser(userId: string) {
      return db
        .select({
          occurredAt: usageRecords.occurredAt,
          orgId: usageRecords.orgId,
          purpose: usageRecords.purpose,
          modelId: usageRecords.modelId,
          outcome: usageRecords.outcome,
          tokensIn: usageRecords.tokensIn,
          tokensOut: usageRecords.tokensOut,
          energyWh: usageRecords.energyWh,
          co2eGrams: usageRecords.co2eGrams,
          provenanceId: usageRecords.provenanceId,
          conversationId: usageRecords.conversationId,
          promptText: usageRecords.promptText,
          outputText: usageRecords.outputText,
          retainUntil: usageRecords.retainUntil,
        })
        .from(usageRecords)
        .where(and(eq(usageRecords.userId, userId), isNull(usageRecords.apiKeyId)))
        .orderBy(desc(usageRecords.occurredAt));
    },

    /** Retention (RIGHTS-2): prompt and output texts kept under an organisation's setting, past their date. */
    async clearExpiredTexts(now: Date, executor: DbOrTx = db): Promise<number> {
      const cleared = await executor.update(usageRecords).set(clearTexts).where(and(lt(usageRecords.retainUntil, now), textsPresent)).returning({ id: usageRecords.id });
      return cleared.length;
    },

    async clearTextsOfConversations(conversationIds: string[], executor: DbOrTx = db): Promise<number> {
      if (conversationIds.length === 0) return 0;
      const cleared = await executor.update(usageRecords).set(clearTexts).where(and(inArray(usageRecords.conversationId, conversationIds), textsPresent)).returning({ id: usageRecords.id });
      return cleared.length;
    },

    async clearTextsOfUser(userId: string, executor: DbOrTx = db): Promise<number> {
      const cleared = await executor
        .update(usageRecords)
        .set(clearTexts)
        .where(and(eq(usageRecords.userId, userId), isNull(usageRecords.apiKeyId), textsPresent))
        .returning({ id: usageRecords.id });
      return cleared.length;
    },
  };
}

export type UsageData = ReturnType<typeof createUsageData>;
