import { z } from 'zod';
import { locales } from '../core/l10n.js';
import { type CategoryScore } from './report.js';
import { type RunComparison } from './compare-runs.js';
import { categories, type Category } from './suite-schema.js';
import { categoryThresholdSchema, type ThresholdOutcome } from './thresholds.js';

/** Shapes shared by the run service, the runner, the routes and the CLI (issue 5, items 4–7). */

export const runStatuses = ['queued', 'running', 'interrupted', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof runStatuses)[number];
export const activeStatuses: readonly RunStatus[] = ['queued', 'running', 'interrupted'];
export const runTriggers = ['manual', 'schedule', 'revision'] as const;
export type RunTrigger = (typeof runTriggers)[number];

/** What a run asks: built-in suites (all, or some categories), languages, imported datasets, an optional sample. */
export const runSelectionSchema = z.strictObject({
  suites: z.union([z.literal('all'), z.literal('none'), z.array(z.enum(categories)).min(1)]).default('all'),
  languages: z.array(z.enum(locales)).min(1).default(['de', 'en']),
  datasets: z.array(z.string().uuid()).default([]),
  /** First n items per category and language (suite order): a quick run; without it every item. */
  limitPerCategory: z.number().int().min(1).max(10_000).optional(),
});
export type RunSelection = z.output<typeof runSelectionSchema>;

/** Sampling is fixed so a run can be repeated; providers without seed support ignore it. */
export const runSettingsSchema = z.strictObject({
  temperature: z.literal(0).default(0),
  seed: z.number().int().min(0).default(20_240_611),
  maxTokens: z.number().int().min(16).max(4096).default(400),
  concurrency: z.number().int().min(1).max(16).default(4),
});
export type RunSettings = z.output<typeof runSettingsSchema>;

export const startRunSchema = z.strictObject({
  modelId: z.string().min(1),
  selection: runSelectionSchema.default({ suites: 'all', languages: ['de', 'en'], datasets: [] }),
  settings: runSettingsSchema.partial().default({}),
  note: z.string().max(500).optional(),
});
export type StartRunInput = z.input<typeof startRunSchema>;

export const failActions = ['under_review', 'excluded'] as const;
export type FailAction = (typeof failActions)[number];

/** A board threshold: the pass mark (thresholds.ts) and what a failure does to the model. */
export const boardThresholdSchema = categoryThresholdSchema.extend({ onFail: z.enum(failActions) });
export type BoardThreshold = z.output<typeof boardThresholdSchema>;
export type EffectiveThreshold = BoardThreshold & {
  category: Category;
  source: 'default' | 'board';
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
};

export const setThresholdsSchema = z.strictObject({
  thresholds: z.partialRecord(z.enum(categories), boardThresholdSchema),
  reason: z.string().trim().min(1).max(1000),
});

export const scheduleInputSchema = z.strictObject({
  intervalDays: z.number().int().min(1).max(3650),
  enabled: z.boolean().default(true),
  selection: runSelectionSchema.default({ suites: 'all', languages: ['de', 'en'], datasets: [] }),
});
export type ScheduleInput = z.input<typeof scheduleInputSchema>;

export const datasetFormats = ['bbq_jsonl', 'crows_pairs_csv'] as const;
export type DatasetFormat = (typeof datasetFormats)[number];

/** What the run stores once scored. */
export type RunSummary = {
  thresholds: Record<string, BoardThreshold>;
  outcomes: ThresholdOutcome[];
  comparison: RunComparison[];
  previousRunId: string | null;
  failedCategories: Category[];
};

export type RunConsequence = {
  action: 'none' | 'under_review' | 'excluded' | 'unchanged';
  statusBefore: string | null;
  statusAfter: string | null;
  reason: string | null;
  notified: string;
};

export type StoredCategoryScore = CategoryScore;
