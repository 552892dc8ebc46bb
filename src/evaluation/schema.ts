import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Evaluation runs and everything needed to repeat and audit them (issue 5, DECIDE-1): the items as they were
 * at the start, every prompt and response, the item verdicts, the category scores, and the board's settings.
 * Types of the jsonb columns live in run-types.ts.
 */

export const evaluationRuns = pgTable(
  'evaluation_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: text('model_id').notNull(),
    /** The registry's revision of the model when the run started. */
    modelRevision: text('model_revision').notNull(),
    orgId: uuid('org_id').notNull(),
    /** queued | running | interrupted | completed | failed | cancelled */
    status: text('status').notNull().default('queued'),
    /** manual | schedule | revision */
    trigger: text('trigger').notNull(),
    selection: jsonb('selection').$type<Record<string, unknown>>().notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    /** SHA-256 over the items in run order: two runs with the same hash asked the same questions. */
    itemsHash: text('items_hash').notNull(),
    itemCount: integer('item_count').notNull(),
    promptCount: integer('prompt_count').notNull(),
    jobId: uuid('job_id'),
    startedBy: text('started_by').notNull(),
    note: text('note'),
    passed: boolean('passed'),
    /** Mean of the category scores; what the registry's ranking uses. */
    score: doublePrecision('score'),
    /** Thresholds, threshold outcomes and the comparison with the previous run, as scored. */
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    /** What the run did to the model's registry status, and whom it notified. */
    consequence: jsonb('consequence').$type<Record<string, unknown>>(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('evaluation_runs_model_idx').on(table.modelId, table.createdAt),
    index('evaluation_runs_status_idx').on(table.status),
  ],
);

/** The items of a run, copied at its start: later edits of a suite do not change what a run asked. */
export const evaluationRunItems = pgTable(
  'evaluation_run_items',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => evaluationRuns.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    position: integer('position').notNull(),
    item: jsonb('item').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.itemId] })],
);

/** Every prompt exactly as sent and every response as received; written as each answer arrives. */
export const evaluationResponses = pgTable(
  'evaluation_responses',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => evaluationRuns.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    variant: text('variant').notNull(),
    /** ok | error */
    status: text('status').notNull(),
    messages: jsonb('messages').$type<{ role: string; content: string }[]>().notNull(),
    /** Model and sampling settings of the request (temperature, seed, max_tokens). */
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    response: text('response').notNull().default(''),
    error: text('error'),
    servedModel: text('served_model'),
    servedRevision: text('served_revision'),
    provider: text('provider'),
    provenanceId: text('provenance_id'),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    latencyMs: integer('latency_ms'),
    attempts: integer('attempts').notNull().default(1),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.itemId, table.variant] })],
);

export const evaluationItemResults = pgTable(
  'evaluation_item_results',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => evaluationRuns.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    category: text('category').notNull(),
    method: text('method').notNull(),
    language: text('language').notNull(),
    passed: boolean('passed').notNull(),
    biased: boolean('biased').notNull(),
    refused: boolean('refused').notNull(),
    invalid: boolean('invalid').notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.itemId] }),
    index('evaluation_item_results_category_idx').on(table.runId, table.category),
  ],
);

export const evaluationCategoryScores = pgTable(
  'evaluation_category_scores',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => evaluationRuns.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    score: doublePrecision('score').notNull(),
    ciLow: doublePrecision('ci_low').notNull(),
    ciHigh: doublePrecision('ci_high').notNull(),
    n: integer('n').notNull(),
    passedItems: integer('passed_items').notNull(),
    thresholdPassed: boolean('threshold_passed').notNull(),
    /** The full CategoryScore (report.ts) and its ThresholdOutcome (thresholds.ts). */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    outcome: jsonb('outcome').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.runId, table.category] })],
);

/** Pass marks per category set by the review board; a category without a row uses the default. */
export const evaluationThresholds = pgTable('evaluation_thresholds', {
  category: text('category').primaryKey(),
  minScore: doublePrecision('min_score').notNull(),
  maxAbsBbqBias: doublePrecision('max_abs_bbq_bias'),
  /** under_review | excluded: what a failed category does to the model. */
  onFail: text('on_fail').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Re-runs on a schedule (GOV-4), per model. */
export const evaluationSchedules = pgTable('evaluation_schedules', {
  modelId: text('model_id').primaryKey(),
  intervalDays: integer('interval_days').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  selection: jsonb('selection').$type<Record<string, unknown>>().notNull(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunId: uuid('last_run_id'),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Public datasets an organisation imported (BBQ JSONL, CrowS-Pairs CSV), as validated items. */
export const evaluationDatasets = pgTable('evaluation_datasets', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  format: text('format').notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  itemCount: integer('item_count').notNull(),
  problemCount: integer('problem_count').notNull(),
  /** The first problems, for the person who imported the file. */
  problems: jsonb('problems').$type<{ record: number; message: string }[]>().notNull(),
  items: jsonb('items').$type<Record<string, unknown>[]>().notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
