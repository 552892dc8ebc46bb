import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { Tx } from '../db/connection.js';
import { can, systemCaller, type Caller } from '../identity/principal.js';
import type { AttachmentStore } from './attachments.js';
import { germanDate } from './deadlines.js';
import { actorLabel, nextNumber, personOf, requireOrgPermission, subtreeIds, type AccountabilityDeps } from './deps.js';
import type { Directory } from './directory.js';
import {
  incidentActionDoneInput,
  incidentActionInput,
  incidentPublicationInput,
  incidentReportInput,
  incidentResolveInput,
  incidentTriageInput,
  seriousSeverities,
  type IncidentReportInput,
  type Severity,
} from './inputs.js';
import { accountabilityMessages as messages } from './messages.js';
import type { Notifier } from './notifier.js';
import { accountabilityAttachments, accountabilityIncidentActions, accountabilityIncidentEvents, accountabilityIncidents, incidentNumbers } from './schema.js';

type Row = typeof accountabilityIncidents.$inferSelect;
const NO_ID = '00000000-0000-0000-0000-000000000000';

const severityText: Record<Severity, { de: string; en: string }> = {
  low: text('gering', 'low'),
  medium: text('mittel', 'medium'),
  high: text('hoch', 'high'),
  critical: text('kritisch', 'critical'),
};

/** OPEN-3: incidents are recorded openly, triaged, corrected with owned actions, and learned from. */
export function createIncidentService(deps: AccountabilityDeps & { directory: Directory; notifier: Notifier; attachments: AttachmentStore }) {
  const { database, clock, audit, orgs, directory, notifier, attachments } = deps;
  const { db } = database;
  const link = (row: Pick<Row, 'id'>) => `/vorfaelle?vorfall=${row.id}`;

  async function event(tx: Tx, incidentId: string, caller: Caller, kind: string, detail: Record<string, unknown> = {}) {
    await tx.insert(accountabilityIncidentEvents).values({ incidentId, at: clock.now(), kind, actorLabel: actorLabel(caller), detail });
  }

  async function load(caller: Caller, orgId: string, id: string, executor: Tx | typeof db = db, lock = false): Promise<Row> {
    const tree = await orgs.get();
    requireOrgPermission(caller, tree, 'incident.report', orgId);
    const query = executor
      .select()
      .from(accountabilityIncidents)
      .where(and(eq(accountabilityIncidents.id, id), inArray(accountabilityIncidents.orgId, subtreeIds(tree, orgId))));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw new ServiceError('NOT_FOUND', messages.incidentNotFound);
    return row;
  }

  async function loadForTriage(caller: Caller, orgId: string, id: string, tx: Tx): Promise<Row> {
    requireOrgPermission(caller, await orgs.get(), 'incident.triage', orgId);
    return load(caller, orgId, id, tx, true);
  }

  async function triagers(orgId: string, permission: 'incident.triage' | 'registry.review' = 'incident.triage') {
    return directory.withPermission(await orgs.get(), orgId, permission);
  }

  /** A serious incident with a model puts that model under review in the registry (unless it is already excluded). */
  async function reviewModel(caller: Caller, row: Row): Promise<void> {
    if (!row.modelId || !row.severity || !seriousSeverities.includes(row.severity as Severity) || row.modelReviewRequestedAt) return;
    const model = await deps.registryQueries.getModel(row.modelId);
    if (!model || model.status === 'excluded') return;
    const reason = `Schwerwiegender Vorfall ${row.number}: ${row.title}`;
    if (model.status !== 'under_review') await deps.registry.setModelStatus(systemCaller('incidents', caller.requestId), row.modelId, { status: 'under_review', reason });
    const tree = await orgs.get();
    const reviewers = await directory.withPermission(tree, tree.roots[0]!.id, 'registry.review');
    await db.transaction(async (tx) => {
      await tx.update(accountabilityIncidents).set({ modelReviewRequestedAt: clock.now() }).where(eq(accountabilityIncidents.id, row.id));
      await event(tx, row.id, caller, 'model_under_review', { modelId: row.modelId, previousStatus: model.status });
      await notifier.notify(tx, {
        orgId: row.orgId,
        kind: 'incident.model_review',
        title: text(`Modell unter Prüfung: ${row.modelId}`, `Model under review: ${row.modelId}`),
        body: text(
          `Nach dem schwerwiegenden Vorfall ${row.number} („${row.title}“) ist das Modell „${row.modelId}“ unter Prüfung gestellt. Bitte prüfen Sie es erneut.`,
          `After the serious incident ${row.number} ("${row.title}") the model "${row.modelId}" has been put under review. Please review it again.`,
        ),
        link: link(row),
        recipients: reviewers,
      });
    });
  }

  return {
    async report(caller: Caller, orgId: string, raw: IncidentReportInput) {
      const input = incidentReportInput.parse(raw);
      const tree = await orgs.get();
      requireOrgPermission(caller, tree, 'incident.report', orgId);
      const reporter = personOf(caller.principal) ?? { person: `system:${caller.actor.label}`, userId: null, label: caller.actor.label };
      const files = attachments.prepare(input.attachments, 'attachments');
      const recipients = await triagers(orgId);
      const now = clock.now();
      const stored = await attachments.write(files, now);
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(accountabilityIncidents)
            .values({
              number: nextNumber('V', incidentNumbers, now),
              orgId,
              title: input.title,
              description: input.description,
              location: input.location,
              occurredAt: input.occurredAt ?? null,
              modelId: input.modelId ?? null,
              contentRef: input.contentRef ?? null,
              reporterPerson: reporter.person,
              reporterLabel: reporter.label,
              reporterUserId: reporter.userId,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          if (stored.length > 0) await tx.insert(accountabilityAttachments).values(stored.map((file) => ({ ...file, ownerType: 'incident', ownerId: row!.id, createdAt: now })));
          await event(tx, row!.id, caller, 'reported', { attachments: stored.length });
          await audit(tx, caller, { action: 'accountability.incident.report', orgId, targetType: 'incident', targetId: row!.id, after: { number: row!.number, title: row!.title, modelId: row!.modelId } });
          await notifier.notify(tx, {
            orgId,
            kind: 'incident.reported',
            title: text(`Neuer Vorfall: ${row!.title}`, `New incident: ${row!.title}`),
            body: text(`${reporter.label} hat den Vorfall ${row!.number} gemeldet. Bitte einstufen.`, `${reporter.label} reported incident ${row!.number}. Please triage it.`),
            link: link(row!),
            recipients: recipients.filter((member) => member.id !== reporter.userId),
          });
          return row!;
        });
      } catch (error) {
        await attachments.remove(stored);
        throw error;
      }
    },

    async list(caller: Caller, orgId: string) {
      const tree = await orgs.get();
      requireOrgPermission(caller, tree, 'incident.report', orgId);
      const readAll = can(caller.principal, tree, 'incident.read', orgId);
      const person = personOf(caller.principal);
      if (!readAll && !person) return [];
      const rows = await db
        .select()
        .from(accountabilityIncidents)
        .where(and(inArray(accountabilityIncidents.orgId, subtreeIds(tree, orgId)), readAll ? undefined : eq(accountabilityIncidents.reporterPerson, person!.person)))
        .orderBy(desc(accountabilityIncidents.createdAt))
        .limit(500);
      const open = await db
        .select({ incidentId: accountabilityIncidentActions.incidentId, open: sql<number>`count(*)::int` })
        .from(accountabilityIncidentActions)
        .where(and(eq(accountabilityIncidentActions.status, 'open'), inArray(accountabilityIncidentActions.incidentId, rows.length ? rows.map((row) => row.id) : [NO_ID])))
        .groupBy(accountabilityIncidentActions.incidentId);
      const openById = new Map(open.map((entry) => [entry.incidentId, entry.open]));
      return rows.map((row) => ({ ...row, openActions: openById.get(row.id) ?? 0 }));
    },

    /** The incident with its actions, attachments and timeline; for readers and for whoever reported it. */
    async get(caller: Caller, orgId: string, id: string) {
      const row = await load(caller, orgId, id);
      const tree = await orgs.get();
      if (!can(caller.principal, tree, 'incident.read', orgId) && personOf(caller.principal)?.person !== row.reporterPerson) {
        throw new ServiceError('FORBIDDEN', messages.forbidden, { reason: 'not_reporter' });
      }
      const [actions, events, files] = await Promise.all([
        db.select().from(accountabilityIncidentActions).where(eq(accountabilityIncidentActions.incidentId, id)).orderBy(asc(accountabilityIncidentActions.dueDate)),
        db.select().from(accountabilityIncidentEvents).where(eq(accountabilityIncidentEvents.incidentId, id)).orderBy(asc(accountabilityIncidentEvents.at)),
        db
          .select({ id: accountabilityAttachments.id, fileName: accountabilityAttachments.fileName, mediaType: accountabilityAttachments.mediaType, sizeBytes: accountabilityAttachments.sizeBytes })
          .from(accountabilityAttachments)
          .where(and(eq(accountabilityAttachments.ownerType, 'incident'), eq(accountabilityAttachments.ownerId, id))),
      ]);
      return { ...row, actions, timeline: events, attachments: files, canTriage: can(caller.principal, tree, 'incident.triage', row.orgId) };
    },

    async triage(caller: Caller, orgId: string, id: string, raw: z.input<typeof incidentTriageInput>) {
      const input = incidentTriageInput.parse(raw);
      const row = await db.transaction(async (tx) => {
        const current = await loadForTriage(caller, orgId, id, tx);
        if (current.status === 'resolved') throw new ServiceError('CONFLICT', messages.alreadyResolved, { reason: 'resolved' });
        const now = clock.now();
        const [updated] = await tx
          .update(accountabilityIncidents)
          .set({ severity: input.severity, modelId: input.modelId ?? current.modelId, status: 'triaged', triagedAt: current.triagedAt ?? now, updatedAt: now })
          .where(eq(accountabilityIncidents.id, id))
          .returning();
        await event(tx, id, caller, 'triaged', { severity: input.severity, previousSeverity: current.severity, modelId: updated!.modelId, note: input.note ?? null });
        await audit(tx, caller, {
          action: 'accountability.incident.triage',
          orgId: current.orgId,
          targetType: 'incident',
          targetId: id,
          before: { severity: current.severity, modelId: current.modelId },
          after: { severity: updated!.severity, modelId: updated!.modelId },
        });
        return updated!;
      });
      await reviewModel(caller, row);
      return this.get(caller, orgId, id);
    },

    async addAction(caller: Caller, orgId: string, id: string, raw: z.input<typeof incidentActionInput>) {
      const input = incidentActionInput.parse(raw);
      const tree = await orgs.get();
      requireOrgPermission(caller, tree, 'incident.triage', orgId);
      const incident = await load(caller, orgId, id);
      const owner = await directory.byEmail(tree, incident.orgId, input.ownerEmail);
      if (!owner) throw new ServiceError('VALIDATION', messages.personUnknown(input.ownerEmail), { reason: 'person_unknown', fields: [{ path: 'ownerEmail', message: messages.personUnknown(input.ownerEmail) }] });
      return db.transaction(async (tx) => {
        const current = await loadForTriage(caller, orgId, id, tx);
        const [action] = await tx
          .insert(accountabilityIncidentActions)
          .values({ incidentId: id, description: input.description, ownerUserId: owner.id, ownerLabel: owner.displayName, dueDate: input.dueDate, createdAt: clock.now() })
          .returning();
        await event(tx, id, caller, 'action_added', { actionId: action!.id, description: input.description, owner: owner.displayName, dueDate: input.dueDate });
        await audit(tx, caller, { action: 'accountability.incident.action.add', orgId: current.orgId, targetType: 'incident', targetId: id, after: { actionId: action!.id, owner: owner.id, dueDate: input.dueDate } });
        await notifier.notify(tx, {
          orgId: current.orgId,
          kind: 'incident.action_assigned',
          title: text(`Maßnahme für Vorfall ${current.number}`, `Action for incident ${current.number}`),
          body: text(`Sie sind verantwortlich für: ${input.description} (fällig am ${input.dueDate}).`, `You are responsible for: ${input.description} (due ${input.dueDate}).`),
          link: link(current),
          recipients: [owner],
        });
        return action!;
      });
    },

    async completeAction(caller: Caller, orgId: string, id: string, actionId: string, raw: z.input<typeof incidentActionDoneInput>) {
      const input = incidentActionDoneInput.parse(raw);
      const tree = await orgs.get();
      return db.transaction(async (tx) => {
        const incident = await load(caller, orgId, id, tx, true);
        const [action] = await tx
          .select()
          .from(accountabilityIncidentActions)
          .where(and(eq(accountabilityIncidentActions.id, actionId), eq(accountabilityIncidentActions.incidentId, id)))
          .for('update');
        if (!action) throw new ServiceError('NOT_FOUND', messages.actionNotFound);
        const isOwner = personOf(caller.principal)?.userId === action.ownerUserId;
        if (!isOwner && !can(caller.principal, tree, 'incident.triage', orgId)) throw new ServiceError('FORBIDDEN', messages.onlyOwnerOrTriage, { reason: 'not_owner' });
        if (action.status === 'done') throw new ServiceError('CONFLICT', messages.actionDone, { reason: 'action_done' });
        const [done] = await tx
          .update(accountabilityIncidentActions)
          .set({ status: 'done', doneAt: clock.now(), doneNote: input.note ?? null })
          .where(eq(accountabilityIncidentActions.id, actionId))
          .returning();
        await event(tx, id, caller, 'action_done', { actionId, description: action.description, note: input.note ?? null });
        await audit(tx, caller, { action: 'accountability.incident.action.done', orgId: incident.orgId, targetType: 'incident', targetId: id, after: { actionId } });
        return done!;
      });
    },

    async resolve(caller: Caller, orgId: string, id: string, raw: z.input<typeof incidentResolveInput>) {
      const input = incidentResolveInput.parse(raw);
      await db.transaction(async (tx) => {
        const current = await loadForTriage(caller, orgId, id, tx);
        if (!current.severity) throw new ServiceError('CONFLICT', messages.severityRequired, { reason: 'not_triaged' });
        if (current.status === 'resolved') throw new ServiceError('CONFLICT', messages.alreadyResolved, { reason: 'resolved' });
        const now = clock.now();
        await tx
          .update(accountabilityIncidents)
          .set({ status: 'resolved', correction: input.correction, lessonsLearned: input.lessonsLearned, resolvedAt: now, updatedAt: now })
          .where(eq(accountabilityIncidents.id, id));
        await event(tx, id, caller, 'resolved', { correction: input.correction, lessonsLearned: input.lessonsLearned });
        await audit(tx, caller, { action: 'accountability.incident.resolve', orgId: current.orgId, targetType: 'incident', targetId: id, before: { status: current.status }, after: { status: 'resolved' } });
      });
      return this.get(caller, orgId, id);
    },

    /** Publishes (or withdraws) a summary written for the public; nothing else of the incident leaves the organisation. */
    async setPublication(caller: Caller, orgId: string, id: string, raw: z.input<typeof incidentPublicationInput>) {
      const input = incidentPublicationInput.parse(raw);
      await db.transaction(async (tx) => {
        const current = await loadForTriage(caller, orgId, id, tx);
        const now = clock.now();
        const fields = input.published
          ? {
              publicTitle: input.publicTitle,
              publicSummary: input.publicSummary,
              publicCorrection: input.publicCorrection ?? null,
              publicLessons: input.publicLessons ?? null,
              publishedAt: current.publishedAt ?? now,
            }
          : { publicTitle: null, publicSummary: null, publicCorrection: null, publicLessons: null, publishedAt: null };
        await tx
          .update(accountabilityIncidents)
          .set({ ...fields, updatedAt: now })
          .where(eq(accountabilityIncidents.id, id));
        await event(tx, id, caller, input.published ? 'published' : 'unpublished', input.published ? { publicTitle: input.publicTitle } : {});
        await audit(tx, caller, {
          action: input.published ? 'accountability.incident.publish' : 'accountability.incident.unpublish',
          orgId: current.orgId,
          targetType: 'incident',
          targetId: id,
          before: { publicTitle: current.publicTitle, publicSummary: current.publicSummary },
          after: { publicTitle: fields.publicTitle, publicSummary: fields.publicSummary },
        });
      });
      return this.get(caller, orgId, id);
    },

    /** Published summaries for the transparency register and the public page: only what was written for the public. */
    async publicIncidents(query: { orgIds?: string[] | undefined; limit?: number | undefined } = {}) {
      const tree = await orgs.get();
      const rows = await db
        .select()
        .from(accountabilityIncidents)
        .where(and(isNotNull(accountabilityIncidents.publishedAt), query.orgIds ? inArray(accountabilityIncidents.orgId, query.orgIds.length ? query.orgIds : [NO_ID]) : undefined))
        .orderBy(desc(accountabilityIncidents.publishedAt))
        .limit(query.limit ?? 500);
      return rows.map((row) => ({
        id: row.id,
        number: row.number,
        orgId: row.orgId,
        organisation: tree.byId.get(row.orgId)?.name ?? null,
        title: row.publicTitle!,
        summary: row.publicSummary!,
        severity: row.severity as Severity | null,
        severityLabel: row.severity ? severityText[row.severity as Severity] : null,
        modelId: row.modelId,
        status: row.status === 'resolved' ? ('corrected' as const) : ('open' as const),
        occurredOn: germanDate(row.occurredAt ?? row.createdAt),
        resolvedOn: row.resolvedAt ? germanDate(row.resolvedAt) : null,
        correction: row.status === 'resolved' ? row.publicCorrection : null,
        lessonsLearned: row.status === 'resolved' ? row.publicLessons : null,
        publishedAt: row.publishedAt!.toISOString(),
      }));
    },

    async attachment(caller: Caller, orgId: string, id: string, attachmentId: string) {
      await this.get(caller, orgId, id);
      const [file] = await db
        .select()
        .from(accountabilityAttachments)
        .where(and(eq(accountabilityAttachments.id, attachmentId), eq(accountabilityAttachments.ownerType, 'incident'), eq(accountabilityAttachments.ownerId, id)));
      if (!file) throw new ServiceError('NOT_FOUND', messages.attachmentNotFound);
      return { fileName: file.fileName, mediaType: file.mediaType, bytes: await attachments.read(file.storagePath) };
    },

    /** Open actions past their due date that nobody has been reminded of yet (periodic checks). */
    async overdueActions(today: string) {
      return db
        .select({ action: accountabilityIncidentActions, incident: accountabilityIncidents })
        .from(accountabilityIncidentActions)
        .innerJoin(accountabilityIncidents, eq(accountabilityIncidents.id, accountabilityIncidentActions.incidentId))
        .where(and(eq(accountabilityIncidentActions.status, 'open'), sql`${accountabilityIncidentActions.dueDate} < ${today}`, sql`${accountabilityIncidentActions.overdueNotifiedAt} is null`));
    },

    link,
    triagers,
  };
}

export type IncidentService = ReturnType<typeof createIncidentService>;
