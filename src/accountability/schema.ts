import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Text } from '../core/l10n.js';

const emptyTextArray = sql`'{}'::text[]`;
const emptyUuidArray = sql`'{}'::uuid[]`;
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const exceptionNumbers = pgSequence('accountability_exception_number_seq');
export const incidentNumbers = pgSequence('accountability_incident_number_seq');
export const complaintNumbers = pgSequence('accountability_complaint_number_seq');

/** SOV-3: a time-limited, approved exception to use a commercial platform or an exception-only model. */
export const accountabilityExceptions = pgTable(
  'accountability_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    orgId: uuid('org_id').notNull(),
    platform: text('platform').notNull(),
    /** Registry model the gateway lets through under this exception; null for use outside Leitplanke. */
    modelId: text('model_id'),
    useCase: text('use_case').notNull(),
    category: text('category').notNull(),
    justification: text('justification').notNull(),
    dataClasses: text('data_classes').array().notNull().default(emptyTextArray),
    personIds: uuid('person_ids').array().notNull().default(emptyUuidArray),
    roles: text('roles').array().notNull().default(emptyTextArray),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** requested | approved | rejected | revoked | withdrawn (expiry is read from expires_at) */
    status: text('status').notNull().default('requested'),
    /** `user:<id>` or `key:<id>`: the person behind the request, for the four-eyes rule. */
    requesterPerson: text('requester_person').notNull(),
    requesterLabel: text('requester_label').notNull(),
    requesterUserId: uuid('requester_user_id'),
    decidedByPerson: text('decided_by_person'),
    decidedByLabel: text('decided_by_label'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    conditions: text('conditions'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedByLabel: text('ended_by_label'),
    endReason: text('end_reason'),
    /** Reminder stages already sent (days before expiry), and whether the expiry itself was announced. */
    remindersSent: integer('reminders_sent').array().notNull().default(sql`'{}'::integer[]`),
    expiryNotifiedAt: timestamp('expiry_notified_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('accountability_exceptions_number_key').on(table.number),
    index('accountability_exceptions_org_idx').on(table.orgId, table.status),
    index('accountability_exceptions_model_idx').on(table.modelId, table.status),
  ],
);

/** OPEN-3: an incident, from report through triage and correction to lessons learned. */
export const accountabilityIncidents = pgTable(
  'accountability_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    location: text('location').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }),
    modelId: text('model_id'),
    contentRef: text('content_ref'),
    reporterPerson: text('reporter_person').notNull(),
    reporterLabel: text('reporter_label').notNull(),
    reporterUserId: uuid('reporter_user_id'),
    /** reported | triaged | resolved | closed */
    status: text('status').notNull().default('reported'),
    /** null until triage; low | medium | high | critical (high and critical are serious) */
    severity: text('severity'),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    correction: text('correction'),
    lessonsLearned: text('lessons_learned'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    modelReviewRequestedAt: timestamp('model_review_requested_at', { withTimezone: true }),
    publicTitle: text('public_title'),
    publicSummary: text('public_summary'),
    /** What was corrected and learned, as written for the public (optional). */
    publicCorrection: text('public_correction'),
    publicLessons: text('public_lessons'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('accountability_incidents_number_key').on(table.number),
    index('accountability_incidents_org_idx').on(table.orgId, table.createdAt),
    index('accountability_incidents_published_idx').on(table.publishedAt),
  ],
);

export const accountabilityIncidentActions = pgTable(
  'accountability_incident_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => accountabilityIncidents.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    ownerUserId: uuid('owner_user_id').notNull(),
    ownerLabel: text('owner_label').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** open | done */
    status: text('status').notNull().default('open'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneNote: text('done_note'),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('accountability_incident_actions_incident_idx').on(table.incidentId), index('accountability_incident_actions_due_idx').on(table.status, table.dueDate)],
);

/** The timeline of an incident: every step, in order. */
export const accountabilityIncidentEvents = pgTable(
  'accountability_incident_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => accountabilityIncidents.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    actorLabel: text('actor_label').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('accountability_incident_events_incident_idx').on(table.incidentId, table.at)],
);

/** OPEN-4: a complaint from the public, with its deadlines. */
export const accountabilityComplaints = pgTable(
  'accountability_complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNumber: text('case_number').notNull(),
    orgId: uuid('org_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    category: text('category').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    locale: text('locale').notNull().default('de'),
    /** received | acknowledged | in_progress | decided | closed */
    status: text('status').notNull().default('received'),
    outcome: text('outcome'),
    dayCount: text('day_count').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    acknowledgeDueDate: date('acknowledge_due_date', { mode: 'string' }).notNull(),
    acknowledgeDueAt: timestamp('acknowledge_due_at', { withTimezone: true }).notNull(),
    decisionDueDate: date('decision_due_date', { mode: 'string' }).notNull(),
    decisionDueAt: timestamp('decision_due_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    acknowledgeEscalatedAt: timestamp('acknowledge_escalated_at', { withTimezone: true }),
    decisionEscalatedAt: timestamp('decision_escalated_at', { withTimezone: true }),
    assigneeUserId: uuid('assignee_user_id'),
    assigneeLabel: text('assignee_label'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('accountability_complaints_case_key').on(table.caseNumber),
    uniqueIndex('accountability_complaints_token_key').on(table.tokenHash),
    index('accountability_complaints_org_idx').on(table.orgId, table.status),
  ],
);

/** Every step of a complaint; `publicMessage` is what the complainant sees, `internalNote` never leaves the office. */
export const accountabilityComplaintEvents = pgTable(
  'accountability_complaint_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => accountabilityComplaints.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    status: text('status'),
    publicMessage: jsonb('public_message').$type<Text>(),
    internalNote: text('internal_note'),
    actorLabel: text('actor_label').notNull(),
  },
  (table) => [index('accountability_complaint_events_complaint_idx').on(table.complaintId, table.at)],
);

/** Files of complaints and incidents; the bytes live in the data folder, never under the web root. */
export const accountabilityAttachments = pgTable(
  'accountability_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storagePath: text('storage_path').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('accountability_attachments_owner_idx').on(table.ownerType, table.ownerId)],
);

/** In-product notifications for reviewers, approvers and complaint handlers. */
export const accountabilityNotifications = pgTable(
  'accountability_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    title: jsonb('title').$type<Text>().notNull(),
    body: jsonb('body').$type<Text>().notNull(),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('accountability_notifications_user_idx').on(table.userId, table.createdAt)],
);

/** Proof-of-work challenges already used (each works once); swept after they expire. */
export const accountabilitySpentChallenges = pgTable('accountability_spent_challenges', {
  digest: text('digest').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
