import { and, asc, eq, inArray, isNull, lt, notInArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import type { Tx } from '../db/connection.js';
import type { Caller } from '../identity/principal.js';
import type { AttachmentStore } from './attachments.js';
import { complaintOutcomeText, complaintStatusText, complaintTexts } from './complaint-texts.js';
import { daysLeft, type DayCount } from './deadlines.js';
import { actorLabel, publicBase, requireOrgPermission, subtreeIds, type AccountabilityDeps } from './deps.js';
import type { Directory } from './directory.js';
import type { HolidayCalendar } from './holidays.js';
import { complaintAssignInput, complaintListQuery, complaintNoteInput, complaintStatusChangeInput, type ComplaintStatus } from './inputs.js';
import { bilingualMail } from './mailer.js';
import { accountabilityMessages as messages } from './messages.js';
import type { Notifier } from './notifier.js';
import { accountabilityAttachments, accountabilityComplaintEvents, accountabilityComplaints } from './schema.js';

type Row = typeof accountabilityComplaints.$inferSelect;
const finished: ComplaintStatus[] = ['decided', 'closed'];

export type ComplaintDeps = AccountabilityDeps & { directory: Directory; notifier: Notifier; attachments: AttachmentStore; calendar: HolidayCalendar };

/** OPEN-4, the complaint office's side: a queue with deadline clocks, status changes the complainant sees, escalation. */
export function createComplaintService(deps: ComplaintDeps) {
  const { database, clock, audit, orgs, directory, notifier, attachments, calendar, config } = deps;
  const { db } = database;
  const link = (row: Pick<Row, 'id'>) => `/beschwerden?beschwerde=${row.id}`;
  const statusPage = `${publicBase(config)}/beschwerde/status`;
  const mailFooter = text('Diese Nachricht hat die Beschwerdestelle automatisch gesendet.', 'This message was sent automatically by the complaint office.');

  /** The deadline clocks of a case: due date, days left (negative: overdue), met or escalated. */
  function clocks(row: Row, now: Date) {
    const count = row.dayCount as DayCount;
    const clock = (dueDate: string, dueAt: Date, metAt: Date | null, escalatedAt: Date | null) => ({
      dueDate,
      dueAt,
      metAt,
      escalatedAt,
      daysLeft: metAt ? null : daysLeft(now, { dueDate, dueAt }, count, calendar),
      overdue: !metAt && now.getTime() > dueAt.getTime(),
      metLate: !!metAt && metAt.getTime() > dueAt.getTime(),
    });
    return {
      dayCount: count,
      acknowledge: clock(row.acknowledgeDueDate, row.acknowledgeDueAt, row.acknowledgedAt, row.acknowledgeEscalatedAt),
      decision: clock(row.decisionDueDate, row.decisionDueAt, row.decidedAt, row.decisionEscalatedAt),
    };
  }

  async function load(caller: Caller, orgId: string, id: string, executor: Tx | typeof db = db, lock = false): Promise<Row> {
    const tree = await orgs.get();
    requireOrgPermission(caller, tree, 'complaint.handle', orgId);
    const query = executor
      .select()
      .from(accountabilityComplaints)
      .where(and(eq(accountabilityComplaints.id, id), inArray(accountabilityComplaints.orgId, subtreeIds(tree, orgId))));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw new ServiceError('NOT_FOUND', messages.complaintNotFound);
    return row;
  }

  async function event(tx: Tx, complaintId: string, actor: string, fields: { kind: string; status?: string; publicMessage?: Text; internalNote?: string }) {
    await tx.insert(accountabilityComplaintEvents).values({
      complaintId,
      at: clock.now(),
      actorLabel: actor,
      kind: fields.kind,
      status: fields.status ?? null,
      publicMessage: fields.publicMessage ?? null,
      internalNote: fields.internalNote ?? null,
    });
  }

  /** Tells the complainant by e-mail (if they left an address) that something changed; never with the token. */
  async function mailComplainant(tx: Tx, row: Row, status: Text, message: Text): Promise<void> {
    if (!row.contactEmail) return;
    const mail = complaintTexts.updateMail(row.caseNumber, status, message, statusPage);
    await notifier.enqueueMail(tx, row.orgId, { to: [row.contactEmail], subject: mail.subject, text: bilingualMail(mail, mailFooter) });
  }

  return {
    clocks,
    link,
    mailFooter,

    async list(caller: Caller, orgId: string, rawQuery: z.input<typeof complaintListQuery> = {}) {
      const query = complaintListQuery.parse(rawQuery);
      const tree = await orgs.get();
      requireOrgPermission(caller, tree, 'complaint.handle', orgId);
      const now = clock.now();
      const conditions: SQL[] = [inArray(accountabilityComplaints.orgId, subtreeIds(tree, orgId))];
      if (query.status === 'open' || query.status === 'overdue') conditions.push(notInArray(accountabilityComplaints.status, finished));
      else if (query.status !== 'all') conditions.push(eq(accountabilityComplaints.status, query.status));
      const rows = await db
        .select()
        .from(accountabilityComplaints)
        .where(and(...conditions))
        .orderBy(asc(accountabilityComplaints.decisionDueAt))
        .limit(1000);
      const queue = rows.map((row) => {
        const { tokenHash: _hash, description: _description, ...shown } = row;
        return { ...shown, organisation: tree.byId.get(row.orgId)?.name ?? null, clocks: clocks(row, now) };
      });
      const filtered = query.status === 'overdue' ? queue.filter((row) => row.clocks.acknowledge.overdue || row.clocks.decision.overdue) : queue;
      // The most urgent first: overdue, then by the next deadline still open.
      const nextDue = (entry: (typeof queue)[number]) =>
        Math.min(entry.clocks.acknowledge.metAt ? Infinity : entry.clocks.acknowledge.dueAt.getTime(), entry.clocks.decision.metAt ? Infinity : entry.clocks.decision.dueAt.getTime());
      return filtered.sort((a, b) => nextDue(a) - nextDue(b));
    },

    async get(caller: Caller, orgId: string, id: string) {
      const full = await load(caller, orgId, id);
      const { tokenHash: _hash, ...row } = full;
      const [events, files] = await Promise.all([
        db.select().from(accountabilityComplaintEvents).where(eq(accountabilityComplaintEvents.complaintId, id)).orderBy(asc(accountabilityComplaintEvents.at)),
        db
          .select({ id: accountabilityAttachments.id, fileName: accountabilityAttachments.fileName, mediaType: accountabilityAttachments.mediaType, sizeBytes: accountabilityAttachments.sizeBytes })
          .from(accountabilityAttachments)
          .where(and(eq(accountabilityAttachments.ownerType, 'complaint'), eq(accountabilityAttachments.ownerId, id))),
      ]);
      return { ...row, clocks: clocks(full, clock.now()), events, attachments: files };
    },

    /** Every status change carries a message the complainant sees on the status page (and by e-mail). */
    async changeStatus(caller: Caller, orgId: string, id: string, raw: z.input<typeof complaintStatusChangeInput>) {
      const input = complaintStatusChangeInput.parse(raw);
      if (input.status === 'decided' && !input.outcome) {
        throw new ServiceError('VALIDATION', messages.outcomeRequired, { reason: 'outcome_required', fields: [{ path: 'outcome', message: messages.outcomeRequired }] });
      }
      await db.transaction(async (tx) => {
        const current = await load(caller, orgId, id, tx, true);
        if (current.status === input.status) throw new ServiceError('CONFLICT', messages.sameStatus, { reason: 'same_status' });
        const now = clock.now();
        const [updated] = await tx
          .update(accountabilityComplaints)
          .set({
            status: input.status,
            acknowledgedAt: current.acknowledgedAt ?? now,
            ...(finished.includes(input.status) ? { decidedAt: current.decidedAt ?? now } : {}),
            ...(input.status === 'decided' ? { outcome: input.outcome! } : {}),
            ...(input.status === 'in_progress' && current.decidedAt ? { decidedAt: null, outcome: null } : {}),
            updatedAt: now,
          })
          .where(eq(accountabilityComplaints.id, id))
          .returning();
        const publicMessage = text(input.message, input.message);
        await event(tx, id, actorLabel(caller), { kind: 'status', status: input.status, publicMessage, ...(input.internalNote ? { internalNote: input.internalNote } : {}) });
        await audit(tx, caller, {
          action: 'accountability.complaint.status',
          orgId: current.orgId,
          targetType: 'complaint',
          targetId: id,
          before: { status: current.status, outcome: current.outcome },
          after: { status: updated!.status, outcome: updated!.outcome },
        });
        const status = complaintStatusText[input.status];
        const outcome = input.status === 'decided' ? complaintOutcomeText[input.outcome!] : undefined;
        await mailComplainant(tx, updated!, status, outcome ? text(`${outcome.de}\n\n${input.message}`, `${outcome.en}\n\n${input.message}`) : publicMessage);
      });
      return this.get(caller, orgId, id);
    },

    async assign(caller: Caller, orgId: string, id: string, raw: z.input<typeof complaintAssignInput>) {
      const input = complaintAssignInput.parse(raw);
      const tree = await orgs.get();
      const complaint = await load(caller, orgId, id);
      const assignee = input.assigneeEmail ? await directory.byEmail(tree, complaint.orgId, input.assigneeEmail) : undefined;
      if (input.assigneeEmail && !assignee) {
        throw new ServiceError('VALIDATION', messages.personUnknown(input.assigneeEmail), { reason: 'person_unknown', fields: [{ path: 'assigneeEmail', message: messages.personUnknown(input.assigneeEmail) }] });
      }
      await db.transaction(async (tx) => {
        const current = await load(caller, orgId, id, tx, true);
        await tx
          .update(accountabilityComplaints)
          .set({ assigneeUserId: assignee?.id ?? null, assigneeLabel: assignee?.displayName ?? null, updatedAt: clock.now() })
          .where(eq(accountabilityComplaints.id, id));
        await event(tx, id, actorLabel(caller), { kind: 'assigned', internalNote: assignee ? `→ ${assignee.displayName}` : '→ –' });
        await audit(tx, caller, { action: 'accountability.complaint.assign', orgId: current.orgId, targetType: 'complaint', targetId: id, before: { assignee: current.assigneeUserId }, after: { assignee: assignee?.id ?? null } });
        if (assignee) {
          await notifier.notify(tx, {
            orgId: current.orgId,
            kind: 'complaint.assigned',
            title: text(`Beschwerde ${current.caseNumber} zugewiesen`, `Complaint ${current.caseNumber} assigned`),
            body: text(
              `Sie bearbeiten die Beschwerde ${current.caseNumber} („${current.subject}“). Entscheidung fällig am ${current.decisionDueDate}.`,
              `You are handling complaint ${current.caseNumber} ("${current.subject}"). Decision due on ${current.decisionDueDate}.`,
            ),
            link: link(current),
            recipients: [assignee],
          });
        }
      });
      return this.get(caller, orgId, id);
    },

    async addNote(caller: Caller, orgId: string, id: string, raw: z.input<typeof complaintNoteInput>) {
      const input = complaintNoteInput.parse(raw);
      await db.transaction(async (tx) => {
        const current = await load(caller, orgId, id, tx, true);
        await event(tx, id, actorLabel(caller), { kind: 'note', internalNote: input.note });
        await audit(tx, caller, { action: 'accountability.complaint.note', orgId: current.orgId, targetType: 'complaint', targetId: id });
      });
      return this.get(caller, orgId, id);
    },

    async attachment(caller: Caller, orgId: string, id: string, attachmentId: string) {
      await load(caller, orgId, id);
      const [file] = await db
        .select()
        .from(accountabilityAttachments)
        .where(and(eq(accountabilityAttachments.id, attachmentId), eq(accountabilityAttachments.ownerType, 'complaint'), eq(accountabilityAttachments.ownerId, id)));
      if (!file) throw new ServiceError('NOT_FOUND', messages.attachmentNotFound);
      return { fileName: file.fileName, mediaType: file.mediaType, bytes: await attachments.read(file.storagePath) };
    },

    /**
     * Escalates every open case whose acknowledgement or decision deadline has passed, once per
     * deadline: the complainant is told, the handlers and the organisation's leadership are notified.
     * The conditional update makes each escalation happen once even with several instances.
     */
    async escalateOverdue(caller: Caller): Promise<number> {
      const now = clock.now();
      const tree = await orgs.get();
      let escalated = 0;
      for (const which of ['acknowledge', 'decision'] as const) {
        const due = which === 'acknowledge' ? accountabilityComplaints.acknowledgeDueAt : accountabilityComplaints.decisionDueAt;
        const flag = which === 'acknowledge' ? accountabilityComplaints.acknowledgeEscalatedAt : accountabilityComplaints.decisionEscalatedAt;
        const stillOpen = which === 'acknowledge' ? isNull(accountabilityComplaints.acknowledgedAt) : isNull(accountabilityComplaints.decidedAt);
        const candidates = await db.select().from(accountabilityComplaints).where(and(lt(due, now), isNull(flag), stillOpen));
        for (const candidate of candidates) {
          const [handlers, leadership] = await Promise.all([
            directory.withPermission(tree, candidate.orgId, 'complaint.handle'),
            directory.withPermission(tree, candidate.orgId, 'org.manage'),
          ]);
          await db.transaction(async (tx) => {
            const [row] = await tx
              .update(accountabilityComplaints)
              .set(which === 'acknowledge' ? { acknowledgeEscalatedAt: now } : { decisionEscalatedAt: now })
              .where(and(eq(accountabilityComplaints.id, candidate.id), isNull(flag), stillOpen))
              .returning();
            if (!row) return;
            escalated++;
            const publicMessage = complaintTexts.escalatedMessage(which);
            await event(tx, row.id, caller.actor.label, { kind: 'escalated', publicMessage, internalNote: which });
            await audit(tx, caller, { action: 'accountability.complaint.escalate', orgId: row.orgId, targetType: 'complaint', targetId: row.id, metadata: { deadline: which } });
            const dueDate = which === 'acknowledge' ? row.acknowledgeDueDate : row.decisionDueDate;
            await notifier.notify(tx, {
              orgId: row.orgId,
              kind: 'complaint.escalated',
              title: text(`Frist überschritten: Beschwerde ${row.caseNumber}`, `Deadline missed: complaint ${row.caseNumber}`),
              body: text(
                `Die Frist für die ${which === 'acknowledge' ? 'Eingangsbestätigung' : 'Entscheidung'} der Beschwerde ${row.caseNumber} („${row.subject}“) ist am ${dueDate} abgelaufen. Die Beschwerde ist eskaliert.`,
                `The ${which === 'acknowledge' ? 'acknowledgement' : 'decision'} deadline of complaint ${row.caseNumber} ("${row.subject}") passed on ${dueDate}. The complaint has been escalated.`,
              ),
              link: link(row),
              recipients: [...handlers, ...leadership],
            });
            await mailComplainant(tx, row, complaintStatusText[row.status as ComplaintStatus], publicMessage);
          });
        }
      }
      return escalated;
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
