import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per model call (metering, ENERGY-1, DECIDE-1). Prompt and output text only under retention. */
export const usageRecords = pgTable(
  'usage_records',
  {
    id: uuid('id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id'),
    apiKeyId: uuid('api_key_id'),
    purpose: text('purpose').notNull(),
    kind: text('kind').notNull(),
    modelId: text('model_id').notNull(),
    modelRevision: text('model_revision'),
    providerId: text('provider_id'),
    providerZone: text('provider_zone'),
    fallbackFrom: text('fallback_from'),
    tokensIn: integer('tokens_in').notNull().default(0),
    tokensOut: integer('tokens_out').notNull().default(0),
    usageEstimated: boolean('usage_estimated').notNull().default(false),
    ttftMs: integer('ttft_ms'),
    durationMs: integer('duration_ms').notNull(),
    outcome: text('outcome').notNull(),
    errorCode: text('error_code'),
    energyWh: doublePrecision('energy_wh').notNull().default(0),
    co2eGrams: doublePrecision('co2e_grams').notNull().default(0),
    waterMl: doublePrecision('water_ml').notNull().default(0),
    energyMethod: text('energy_method').notNull(),
    requestId: text('request_id').notNull(),
    provenanceId: uuid('provenance_id'),
    conversationId: uuid('conversation_id'),
    assistantId: uuid('assistant_id'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    guard: jsonb('guard').$type<Record<string, number>>(),
    promptHash: text('prompt_hash').notNull(),
    promptText: jsonb('prompt_text'),
    outputText: text('output_text'),
    retainUntil: timestamp('retain_until', { withTimezone: true }),
  },
  (table) => [
    index('usage_org_time_idx').on(table.orgId, table.occurredAt),
    index('usage_user_time_idx').on(table.userId, table.occurredAt),
    index('usage_model_time_idx').on(table.modelId, table.occurredAt),
    index('usage_provenance_idx').on(table.provenanceId),
  ],
);

/** Limits an organisation sets; unset means unlimited. Budgets of ancestors apply as well. */
export const orgLimits = pgTable('org_limits', {
  orgId: uuid('org_id').primaryKey(),
  monthlyTokenBudget: bigint('monthly_token_budget', { mode: 'number' }),
  requestsPerMinutePerUser: integer('requests_per_minute_per_user'),
  requestsPerMinutePerKey: integer('requests_per_minute_per_key'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Tokens used and reserved per organisation and month; conditional updates keep instances honest. */
export const budgetUsage = pgTable(
  'budget_usage',
  {
    orgId: uuid('org_id').notNull(),
    month: text('month').notNull(),
    usedTokens: bigint('used_tokens', { mode: 'number' }).notNull().default(0),
    reservedTokens: bigint('reserved_tokens', { mode: 'number' }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.month] })],
);
