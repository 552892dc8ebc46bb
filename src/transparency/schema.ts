import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

type Link = { title: string; url: string };

/**
 * The transparency register (OPEN-1): one row per AI application, with the fields of `UseCaseRecord`
 * and the current risk assessment copied from `transparency_risk_assessments` (OPEN-2).
 */
export const transparencyUseCases = pgTable(
  'transparency_use_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    language: text('language').notNull().default('de'),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    department: text('department'),
    policyAreas: jsonb('policy_areas').$type<string[]>().notNull().default([]),
    purpose: text('purpose').notNull(),
    affectedPeople: jsonb('affected_people').$type<{ groups: string[]; description: string }>().notNull(),
    models: jsonb('models').$type<{ name: string; version: string | null; provider: string }[]>().notNull().default([]),
    technicalDescription: text('technical_description').notNull().default(''),
    dataCategories: jsonb('data_categories').$type<string[]>().notNull().default([]),
    dataDescription: text('data_description').notNull().default(''),
    humanOversight: text('human_oversight').notNull().default(''),
    fundamentalRightsImpact: text('fundamental_rights_impact').notNull().default(''),
    riskManagement: text('risk_management').notNull().default(''),
    legalBasis: text('legal_basis').notNull().default(''),
    legalBasisLinks: jsonb('legal_basis_links').$type<Link[]>().notNull().default([]),
    responsiblePerson: jsonb('responsible_person').$type<{ name: string; role: string }>().notNull(),
    contact: text('contact').notNull(),
    status: text('status').notNull().default('planned'),
    impactful: boolean('impactful').notNull().default(false),
    startedOn: date('started_on'),
    retiredOn: date('retired_on'),
    evaluations: jsonb('evaluations').$type<(Link & { kind: string })[]>().notNull().default([]),
    incidents: jsonb('incidents').$type<Link[]>().notNull().default([]),
    /** Ids of evaluation runs (evaluation module) and incidents (accountability module) about this application. */
    evaluationIds: jsonb('evaluation_ids').$type<string[]>().notNull().default([]),
    incidentIds: jsonb('incident_ids').$type<string[]>().notNull().default([]),
    publicPageUrl: text('public_page_url'),
    sourceCodeUrl: text('source_code_url'),
    processingRecordUrl: text('processing_record_url'),
    internalNotes: text('internal_notes').notNull().default(''),
    visibility: jsonb('visibility').$type<Record<string, 'public' | 'internal'>>().notNull().default({}),
    /** Listed on the public pages; drafts stay internal. */
    published: boolean('published').notNull().default(false),
    riskClass: text('risk_class'),
    riskVersion: integer('risk_version'),
    questionnaireVersion: text('questionnaire_version'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }),
    blocksGoLive: boolean('blocks_go_live').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('transparency_use_cases_org_idx').on(table.orgId),
    // OPEN-2, RIGHTS-3 in the database itself: live only with an assessment that does not block it.
    check(
      'transparency_use_cases_live_needs_clear_assessment',
      sql`${table.status} not in ('pilot', 'in_use') or (${table.riskClass} is not null and not ${table.blocksGoLive})`,
    ),
  ],
);

/** Every version of the wizard's answers and result; never updated, only added (DECIDE-1). */
export const transparencyRiskAssessments = pgTable(
  'transparency_risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => transparencyUseCases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    questionnaireVersion: text('questionnaire_version').notNull(),
    answers: jsonb('answers').$type<Record<string, string | string[]>>().notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    riskClass: text('risk_class').notNull(),
    blocksGoLive: boolean('blocks_go_live').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('transparency_risk_assessments_version_key').on(table.useCaseId, table.version)],
);

/** A participation round (OPEN-5): a planned application open for comments for a set period. */
export const transparencyParticipations = pgTable(
  'transparency_participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    useCaseId: uuid('use_case_id')
      .notNull()
      .references(() => transparencyUseCases.id, { onDelete: 'cascade' }),
    invitation: text('invitation').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    openedBy: text('opened_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('transparency_participations_use_case_idx').on(table.useCaseId)],
);

/** Comments and replies of a round; kept after the round closes. */
export const transparencyComments = pgTable(
  'transparency_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participationId: uuid('participation_id')
      .notNull()
      .references(() => transparencyParticipations.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => transparencyComments.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name').notNull(),
    capacity: text('capacity').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('transparency_comments_participation_idx').on(table.participationId)],
);
