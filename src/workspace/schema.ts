import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Text } from '../core/l10n.js';

/** A person's chat: only its owner ever reads it (RIGHTS-2/3); the organisation decides models and retention. */
export const workspaceConversations = pgTable(
  'workspace_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** Empty until the first message names it. */
    title: text('title').notNull().default(''),
    assistantId: uuid('assistant_id'),
    /** The model last chosen in this conversation. */
    modelId: text('model_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Last activity; retention counts from here. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('workspace_conversations_user_idx').on(table.userId, table.updatedAt),
    index('workspace_conversations_org_idx').on(table.orgId, table.updatedAt),
    index('workspace_conversations_title_fts').using('gin', sql`to_tsvector('german', ${table.title})`),
  ],
);

export type Attachment = { kind: 'image'; mediaType: string; dataUrl: string; name: string };
export type Citation = { n: number; source: string; page: number | null; section: string | null; url: string | null; excerpt: string };
/** What the assistant's knowledge collections gave for a question: passages to cite, or nothing relevant. */
export type KnowledgeOutcome = 'cited' | 'nothing_found';

export const workspaceMessages = pgTable(
  'workspace_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => workspaceConversations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    role: text('role').$type<'user' | 'assistant'>().notNull(),
    content: text('content').notNull(),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull().default([]),
    /** complete | stopped (by the person) | error (the model's answer broke off) */
    status: text('status').$type<'complete' | 'stopped' | 'error'>().notNull().default('complete'),
    modelId: text('model_id'),
    /** "KI-generiert · Modell · Datum" (LABEL-1), from the gateway's final chunk. */
    label: jsonb('label').$type<Text>(),
    provenanceId: uuid('provenance_id'),
    tokensIn: integer('tokens_in'),
    tokensOut: integer('tokens_out'),
    energyWh: doublePrecision('energy_wh'),
    co2eGrams: doublePrecision('co2e_grams'),
    citations: jsonb('citations').$type<Citation[]>().notNull().default([]),
    /** Null when the answer had no knowledge collections to draw on. */
    knowledgeOutcome: text('knowledge_outcome').$type<KnowledgeOutcome>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('workspace_messages_position_idx').on(table.conversationId, table.position),
    index('workspace_messages_content_fts').using('gin', sql`to_tsvector('german', ${table.content})`),
  ],
);

/** Organisation-wide templates; those of an organisation hold for everything below it. */
export const workspaceAssistants = pgTable(
  'workspace_assistants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    /** Set for the shipped starters, so they are installed once and can be hidden rather than re-created. */
    starterKey: text('starter_key'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    systemPrompt: text('system_prompt').notNull(),
    modelId: text('model_id'),
    knowledgeCollectionIds: jsonb('knowledge_collection_ids').$type<string[]>().notNull().default([]),
    exampleInputs: jsonb('example_inputs').$type<string[]>().notNull().default([]),
    /** Offered only where a model that reads images is allowed (alt text). */
    needsVision: boolean('needs_vision').notNull().default(false),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('workspace_assistants_starter_idx').on(table.orgId, table.starterKey), index('workspace_assistants_org_idx').on(table.orgId)],
);

/** One guideline sentence: German required, English where someone wrote it (German is shown otherwise). */
export type GuidelineItem = { de: string; en: string | null };

/**
 * An organisation's own AI guidelines for the help page (ACCESS-3): do's, don'ts and data-protection
 * hints. One row per organisation; an organisation without a row shows its nearest parent's.
 */
export const workspaceGuidelines = pgTable('workspace_guidelines', {
  orgId: uuid('org_id').primaryKey(),
  dos: jsonb('dos').$type<GuidelineItem[]>().notNull().default([]),
  donts: jsonb('donts').$type<GuidelineItem[]>().notNull().default([]),
  privacy: jsonb('privacy').$type<GuidelineItem[]>().notNull().default([]),
  /** The full guideline document (e.g. the board's resolution), if published somewhere. */
  documentUrl: text('document_url'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
