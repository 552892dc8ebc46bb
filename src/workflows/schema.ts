import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Text } from '../core/l10n.js';

/**
 * Every version of every workflow definition that was ever loaded, as loaded: a case names the exact
 * version (and its hash) it ran with, so "why was this decided" can show and re-run it later (DECIDE-1).
 */
export const workflowDefinitions = pgTable(
  'workflow_definitions',
  {
    workflowId: text('workflow_id').notNull(),
    version: integer('version').notNull(),
    /** SHA-256 of the canonical JSON of the parsed definition: a changed file needs a new version. */
    hash: text('hash').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    /** Where it came from: `shipped:<file>` or `data:<file>`. */
    origin: text('origin').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workflowId, table.version] })],
);

/** One case: the submitted form, the rule results, the generated draft and the human decision. */
export const workflowCases = pgTable(
  'workflow_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    reference: text('reference').notNull(),
    workflowId: text('workflow_id').notNull(),
    definitionVersion: integer('definition_version').notNull(),
    definitionHash: text('definition_hash').notNull(),
    title: text('title').notNull(),
    /** draft_pending → in_review (draft_failed) → approved → sent, or rejected. */
    status: text('status').notNull(),
    source: text('source').notNull(),
    batchJobId: uuid('batch_job_id'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    evaluation: jsonb('evaluation').$type<Record<string, unknown>>().notNull(),
    suggestedOutcome: text('suggested_outcome').notNull(),
    riskClass: text('risk_class').notNull(),
    riskClassSource: text('risk_class_source').notNull(),
    registerUseCaseId: text('register_use_case_id'),
    submittedBy: text('submitted_by').notNull(),
    submittedByUserId: uuid('submitted_by_user_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** The model call behind the current draft: messages as sent, model, revision, provider, settings, provenance. */
    draftRequest: jsonb('draft_request').$type<Record<string, unknown>>(),
    draftReport: jsonb('draft_report').$type<Record<string, unknown>>(),
    draftText: text('draft_text'),
    draftError: jsonb('draft_error').$type<Text>(),
    draftedAt: timestamp('drafted_at', { withTimezone: true }),
    /** The case worker's edited text; becomes `finalText` only through approval (DECIDE-2). */
    workingText: text('working_text'),
    decision: text('decision'),
    decidedOutcome: text('decided_outcome'),
    decisionNote: text('decision_note'),
    finalText: text('final_text'),
    decidedBy: text('decided_by'),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    sentTo: text('sent_to'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('workflow_cases_org_idx').on(table.orgId, table.submittedAt),
    index('workflow_cases_status_idx').on(table.orgId, table.status),
  ],
);

/** The history of a case as its workers see it: each step with who did it and what changed. */
export const workflowCaseEvents = pgTable(
  'workflow_case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('workflow_case_events_case_idx').on(table.caseId, table.occurredAt)],
);

/**
 * Tool calls an assistant proposed for a case (DECIDE-4). Read-only ones run at once; those with an
 * external effect stay `proposed` until a person confirms exactly these arguments.
 */
export const workflowActions = pgTable(
  'workflow_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    orgId: uuid('org_id').notNull(),
    tool: text('tool').notNull(),
    effect: text('effect').notNull(),
    arguments: jsonb('arguments').$type<Record<string, unknown>>().notNull(),
    preview: jsonb('preview').$type<{ summary: Text; details: { label: Text; value: string }[] }>().notNull(),
    status: text('status').notNull(),
    proposedBy: text('proposed_by').notNull(),
    proposedByUserId: uuid('proposed_by_user_id'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    modelReport: jsonb('model_report').$type<Record<string, unknown>>(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
  },
  (table) => [index('workflow_actions_case_idx').on(table.caseId, table.proposedAt)],
);

/** Channels an assistant may post to: a name and an encrypted webhook URL the organisation's admins set. */
export const workflowChannels = pgTable(
  'workflow_channels',
  {
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    label: text('label').notNull(),
    webhookCiphertext: text('webhook_ciphertext').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.name] })],
);

/** Which transparency-register entry holds a workflow's use case in an organisation (OPEN-2). */
export const workflowRegisterLinks = pgTable(
  'workflow_register_links',
  {
    orgId: uuid('org_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    useCaseId: text('use_case_id').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.workflowId] })],
);
