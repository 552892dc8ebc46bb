import { and, asc, eq, isNotNull, lt } from 'drizzle-orm';
import type { Actor } from '../core/context.js';
import { ServiceError } from '../core/errors.js';
import { text, type Locale } from '../core/l10n.js';
import { acceptedFileTypes } from './file-type.js';
import { MAX_ATTACHMENTS } from './attachments.js';
import type { ComplaintDeps, ComplaintService } from './complaint-service.js';
import { complaintStatusText, complaintTexts } from './complaint-texts.js';
import { deadline, type DayCount } from './deadlines.js';
import { nextNumber, publicBase } from './deps.js';
import { complaintStatusLookupInput, complaintSubmitInput, type ComplaintStatus, type ComplaintSubmitInput } from './inputs.js';
import { bilingualMail } from './mailer.js';
import { accountabilityMessages as messages } from './messages.js';
import { checkSolution, issueChallenge } from './proof-of-work.js';
import { accountabilityAttachments, accountabilityComplaintEvents, accountabilityComplaints, accountabilitySpentChallenges, complaintNumbers } from './schema.js';
import { newStatusToken, normaliseStatusToken, statusTokenHash } from './status-token.js';

/** Who is calling a public endpoint: no account, only an address to throttle by. */
export type PublicContext = { ip: string; requestId: string; locale: Locale };

const publicActor: Actor = { type: 'public', label: 'Beschwerdeformular' };
const CHALLENGE_VALID_MS = 60 * 60_000;
/** Per address: challenges, complaints, and wrong status codes before lookups are blocked. */
export const publicLimits = {
  challenges: { limit: 60, windowSeconds: 3600 },
  submissions: { limit: 5, windowSeconds: 3600 },
  statusFailures: { limit: 10, windowSeconds: 900 },
};

/** OPEN-4, the public side: a form without an account, a case number and a secret status code. */
export function createPublicComplaints(deps: ComplaintDeps & { complaints: ComplaintService; mailerSend: (mail: { to: string[]; subject: string; text: string }) => Promise<void> }) {
  const { database, clock, audit, orgs, directory, notifier, attachments, calendar, config, rateLimiter, secrets, logger } = deps;
  const { db } = database;
  const count = config.complaint_day_count as DayCount;

  async function throttle(key: string, window: { limit: number; windowSeconds: number }, message = messages.tooManySubmissions): Promise<void> {
    const decision = await rateLimiter.hit(key, window);
    if (!decision.allowed) throw new ServiceError('LIMIT_EXCEEDED', message, { reason: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds });
  }

  async function orgFor(slug: string | undefined) {
    const tree = await orgs.get();
    const org = slug ? tree.bySlug.get(slug) : tree.roots[0];
    if (!org) throw new ServiceError('NOT_FOUND', messages.orgNotFound, { reason: 'org_not_found' });
    return org;
  }

  return {
    /** What the form tells people before they write: who receives it, the deadlines, the file limits. */
    async form(slug?: string) {
      const org = await orgFor(slug);
      return {
        organisation: { slug: org.slug, name: org.name },
        acknowledgeDays: config.complaint_acknowledge_days,
        decisionDays: config.complaint_decision_days,
        dayCount: count,
        maxAttachmentBytes: config.attachment_max_bytes,
        maxAttachments: MAX_ATTACHMENTS,
        acceptedTypes: acceptedFileTypes,
        emailNotifications: notifier.mailEnabled,
      };
    },

    async challenge(context: PublicContext) {
      await throttle(`complaint-challenge:${context.ip}`, publicLimits.challenges);
      return issueChallenge(secrets, config.complaint_pow_bits, clock.now(), CHALLENGE_VALID_MS);
    },

    async submit(context: PublicContext, raw: ComplaintSubmitInput) {
      const input = complaintSubmitInput.parse(raw);
      await throttle(`complaint-submit:${context.ip}`, publicLimits.submissions);
      const now = clock.now();
      // Robots fill the hidden field; people never see it.
      if (input.website) throw new ServiceError('VALIDATION', messages.challengeFailed, { reason: 'challenge_failed' });
      let spent: { digest: string; expiresAt: Date } | undefined;
      if (config.complaint_pow_bits > 0) {
        const check = checkSolution(secrets, input.challenge, input.nonce, now);
        if (!check.ok) throw new ServiceError('VALIDATION', messages.challengeFailed, { reason: `challenge_${check.reason}` });
        spent = { digest: check.digest, expiresAt: check.expiresAt };
      }
      const org = await orgFor(input.org);
      const files = attachments.prepare(input.attachments, 'attachments');
      const acknowledge = deadline(now, config.complaint_acknowledge_days, count, calendar);
      const decision = deadline(now, config.complaint_decision_days, count, calendar);
      const token = newStatusToken();
      const handlers = await directory.withPermission(await orgs.get(), org.id, 'complaint.handle');
      const stored = await attachments.write(files, now);
      let row: typeof accountabilityComplaints.$inferSelect;
      try {
        row = await db.transaction(async (tx) => {
          if (spent) {
            const [fresh] = await tx.insert(accountabilitySpentChallenges).values(spent).onConflictDoNothing().returning();
            if (!fresh) throw new ServiceError('VALIDATION', messages.challengeFailed, { reason: 'challenge_used' });
          }
          const [created] = await tx
            .insert(accountabilityComplaints)
            .values({
              caseNumber: nextNumber('B', complaintNumbers, now),
              orgId: org.id,
              tokenHash: statusTokenHash(normaliseStatusToken(token)!),
              category: input.category,
              subject: input.subject,
              description: input.description,
              contactName: input.contactName ?? null,
              contactEmail: input.contactEmail ?? null,
              locale: context.locale,
              dayCount: count,
              receivedAt: now,
              acknowledgeDueDate: acknowledge.dueDate,
              acknowledgeDueAt: acknowledge.dueAt,
              decisionDueDate: decision.dueDate,
              decisionDueAt: decision.dueAt,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          if (stored.length > 0) await tx.insert(accountabilityAttachments).values(stored.map((file) => ({ ...file, ownerType: 'complaint', ownerId: created!.id, createdAt: now })));
          await tx.insert(accountabilityComplaintEvents).values({
            complaintId: created!.id,
            at: now,
            kind: 'received',
            status: 'received',
            actorLabel: publicActor.label,
            publicMessage: complaintTexts.receivedMessage(acknowledge.dueAt, decision.dueAt),
          });
          await audit(tx, { actor: publicActor, requestId: context.requestId }, {
            action: 'accountability.complaint.receive',
            orgId: org.id,
            targetType: 'complaint',
            targetId: created!.id,
            after: { caseNumber: created!.caseNumber, category: created!.category, attachments: stored.length },
          });
          await notifier.notify(tx, {
            orgId: org.id,
            kind: 'complaint.received',
            title: text(`Neue Beschwerde ${created!.caseNumber}`, `New complaint ${created!.caseNumber}`),
            body: text(
              `„${created!.subject}“. Eingangsbestätigung fällig am ${acknowledge.dueDate}, Entscheidung am ${decision.dueDate}.`,
              `"${created!.subject}". Acknowledgement due on ${acknowledge.dueDate}, decision on ${decision.dueDate}.`,
            ),
            link: deps.complaints.link(created!),
            recipients: handlers,
          });
          return created!;
        });
      } catch (error) {
        await attachments.remove(stored);
        throw error;
      }
      const statusPath = `/beschwerde/status#${token}`;
      if (row.contactEmail && notifier.mailEnabled) {
        // Sent directly, not queued: the code must never be stored in clear, not even in a job.
        const mail = complaintTexts.confirmationMail(row.caseNumber, token, `${publicBase(config)}${statusPath}`, acknowledge.dueAt, decision.dueAt);
        await deps.mailerSend({ to: [row.contactEmail], subject: mail.subject, text: bilingualMail(mail, deps.complaints.mailFooter) }).catch((error: unknown) => {
          logger.warn({ err: error, caseNumber: row.caseNumber }, 'complaint confirmation mail failed');
        });
      }
      return {
        caseNumber: row.caseNumber,
        token,
        statusPath,
        acknowledgeDueDate: acknowledge.dueDate,
        decisionDueDate: decision.dueDate,
        emailSent: !!row.contactEmail && notifier.mailEnabled,
      };
    },

    /**
     * The complainant's view. An unknown or malformed code gets the same answer as any other wrong
     * one, and counts against the address: after too many, lookups from it are blocked for a while.
     */
    async status(context: PublicContext, raw: { token: string }) {
      const input = complaintStatusLookupInput.parse(raw);
      const key = `complaint-status-failures:${context.ip}`;
      if ((await rateLimiter.count(key, publicLimits.statusFailures.windowSeconds)) >= publicLimits.statusFailures.limit) {
        throw new ServiceError('LIMIT_EXCEEDED', messages.statusThrottled, { reason: 'status_throttled', retryAfterSeconds: publicLimits.statusFailures.windowSeconds });
      }
      const normalised = normaliseStatusToken(input.token);
      const [row] = normalised ? await db.select().from(accountabilityComplaints).where(eq(accountabilityComplaints.tokenHash, statusTokenHash(normalised))) : [];
      if (!row) {
        await rateLimiter.hit(key, publicLimits.statusFailures);
        throw new ServiceError('NOT_FOUND', messages.statusNotFound, { reason: 'status_not_found' });
      }
      const [events, files] = await Promise.all([
        db
          .select({ at: accountabilityComplaintEvents.at, status: accountabilityComplaintEvents.status, message: accountabilityComplaintEvents.publicMessage })
          .from(accountabilityComplaintEvents)
          .where(and(eq(accountabilityComplaintEvents.complaintId, row.id), isNotNull(accountabilityComplaintEvents.publicMessage)))
          .orderBy(asc(accountabilityComplaintEvents.at)),
        db
          .select({ fileName: accountabilityAttachments.fileName, sizeBytes: accountabilityAttachments.sizeBytes })
          .from(accountabilityAttachments)
          .where(and(eq(accountabilityAttachments.ownerType, 'complaint'), eq(accountabilityAttachments.ownerId, row.id))),
      ]);
      const clocks = deps.complaints.clocks(row, clock.now());
      const tree = await orgs.get();
      return {
        caseNumber: row.caseNumber,
        organisation: tree.byId.get(row.orgId)?.name ?? null,
        category: row.category,
        subject: row.subject,
        status: row.status as ComplaintStatus,
        statusLabel: complaintStatusText[row.status as ComplaintStatus],
        outcome: row.outcome,
        receivedAt: row.receivedAt,
        dayCount: row.dayCount,
        acknowledge: { dueDate: clocks.acknowledge.dueDate, doneAt: clocks.acknowledge.metAt, overdue: clocks.acknowledge.overdue },
        decision: { dueDate: clocks.decision.dueDate, doneAt: clocks.decision.metAt, overdue: clocks.decision.overdue },
        events: events.map((entry) => ({ at: entry.at, status: entry.status, message: entry.message! })),
        attachments: files,
      };
    },

    async sweepChallenges(): Promise<void> {
      await db.delete(accountabilitySpentChallenges).where(lt(accountabilitySpentChallenges.expiresAt, clock.now()));
    },
  };
}

export type PublicComplaints = ReturnType<typeof createPublicComplaints>;
