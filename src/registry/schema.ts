import { bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Text } from '../core/l10n.js';

/**
 * Providers: both the facts of the provider list (jurisdiction, AVV, subprocessors …) and, when the
 * organisation has connected it, how to reach it (adapter type, base URL, encrypted key).
 */
export const registryProviders = pgTable('registry_providers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  zone: text('zone').notNull(),
  jurisdiction: text('jurisdiction').notNull(),
  /** Country whose electricity mix the energy estimate uses. */
  location: text('location'),
  /** Adapter type (openai-compatible, llama-cpp, anthropic …); null while only listed, not connected. */
  adapter: text('adapter'),
  baseUrl: text('base_url'),
  apiKeyCiphertext: text('api_key_ciphertext'),
  apiKeyEnv: text('api_key_env'),
  headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
  options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
  /** The provider-list facts (ProviderEntry without governance fields). */
  facts: jsonb('facts').$type<Record<string, unknown>>().notNull().default({}),
  status: text('status').notNull(),
  statusReason: jsonb('status_reason').$type<Text>().notNull(),
  origin: text('origin').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const registryModels = pgTable(
  'registry_models',
  {
    /** What API clients send as `model`. */
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    revision: text('revision').notNull(),
    status: text('status').notNull(),
    statusReason: jsonb('status_reason').$type<Text>().notNull(),
    exclusionCategory: text('exclusion_category'),
    lastReview: date('last_review'),
    nextReviewDue: date('next_review_due'),
    /** The model card (facts and sources); see model-card.ts. */
    card: jsonb('card').$type<Record<string, unknown>>().notNull().default({}),
    origin: text('origin').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('registry_models_status_idx').on(table.status)],
);

/** Where a model can be called: provider and the provider's own model name, in order of preference. */
export const registryDeployments = pgTable(
  'registry_deployments',
  {
    modelId: text('model_id')
      .notNull()
      .references(() => registryModels.id, { onDelete: 'cascade' }),
    providerId: text('provider_id')
      .notNull()
      .references(() => registryProviders.id, { onDelete: 'cascade' }),
    upstreamModel: text('upstream_model').notNull(),
    priority: integer('priority').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.modelId, table.providerId] })],
);

/** Alternative models the gateway may use when a model's providers fail. */
export const registryFallbacks = pgTable(
  'registry_fallbacks',
  {
    modelId: text('model_id')
      .notNull()
      .references(() => registryModels.id, { onDelete: 'cascade' }),
    fallbackModelId: text('fallback_model_id')
      .notNull()
      .references(() => registryModels.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
  },
  (table) => [primaryKey({ columns: [table.modelId, table.fallbackModelId] })],
);

/** Every change, versioned: who, when, why, before and after (GOV-2). */
export const registryHistory = pgTable(
  'registry_history',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    version: integer('version').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    actorLabel: text('actor_label').notNull(),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (table) => [index('registry_history_entity_idx').on(table.entityType, table.entityId, table.seq)],
);

/**
 * Federation (SOV-5): rules an organisation sets for itself and everything below it. Effects only
 * tighten (exclude, exception only, restrict to roles), so a descendant can never loosen.
 */
export const registryOrgRules = pgTable(
  'registry_org_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    effect: text('effect').notNull(),
    roles: jsonb('roles').$type<string[]>().notNull().default([]),
    reason: text('reason').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('registry_org_rules_org_idx').on(table.orgId)],
);

/** Scoring weights, set by the federal (root) organisation; versioned through registry_history. */
export const registryWeights = pgTable('registry_weights', {
  orgId: uuid('org_id').primaryKey(),
  weights: jsonb('weights').$type<Record<string, number>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
