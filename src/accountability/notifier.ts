import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { ServiceError } from '../core/errors.js';
import type { Text } from '../core/l10n.js';
import type { Database, Tx } from '../db/connection.js';
import type { Caller } from '../identity/principal.js';
import type { JobContext, JobQueue } from '../jobs/job-queue.js';
import { publicBase } from './deps.js';
import { bilingualMail, type Mail, type Mailer } from './mailer.js';
import { accountabilityMessages } from './messages.js';
import { accountabilityNotifications } from './schema.js';

export const MAIL_JOB = 'accountability.mail';

export type Recipient = { id: string; email: string };
export type NotificationInput = { orgId: string; kind: string; title: Text; body: Text; link?: string; recipients: Recipient[] };

const mailFooter = {
  de: 'Diese Nachricht hat Leitplanke automatisch gesendet.',
  en: 'This message was sent automatically by Leitplanke.',
};

/**
 * Notifications in the product (a row per person) and by e-mail. E-mails are jobs enqueued in the
 * writing transaction, so they go out only for committed changes and are retried if SMTP is down.
 */
export function createNotifier(deps: { database: Database; clock: Clock; config: Config; jobs: JobQueue; mailer: Mailer }) {
  const { db } = deps.database;
  const base = publicBase(deps.config);

  function userIdOf(caller: Caller): string | undefined {
    return caller.principal.kind === 'user' ? caller.principal.userId : undefined;
  }

  async function enqueueMail(tx: Tx, orgId: string, mail: Mail): Promise<void> {
    if (!deps.mailer.enabled || mail.to.length === 0) return;
    await deps.jobs.enqueue(tx, { type: MAIL_JOB, orgId, createdBy: 'accountability', payload: mail });
  }

  deps.jobs.register(MAIL_JOB, async (context: JobContext) => {
    const mail = context.job.payload as Mail;
    const start = Number(context.job.checkpoint?.sent ?? 0);
    // One message per recipient, so nobody sees the others' addresses; a retry skips those already sent.
    for (let index = start; index < mail.to.length; index++) {
      await deps.mailer.send({ ...mail, to: [mail.to[index]!] });
      await context.checkpoint({ sent: index + 1 });
    }
    return { sent: mail.to.length };
  });

  return {
    mailEnabled: deps.mailer.enabled,

    async notify(tx: Tx, input: NotificationInput): Promise<void> {
      const recipients = [...new Map(input.recipients.map((recipient) => [recipient.id, recipient])).values()];
      if (recipients.length === 0) return;
      const at = deps.clock.now();
      await tx.insert(accountabilityNotifications).values(
        recipients.map((recipient) => ({
          userId: recipient.id,
          orgId: input.orgId,
          kind: input.kind,
          title: input.title,
          body: input.body,
          link: input.link ?? null,
          createdAt: at,
        })),
      );
      const link = input.link ? `${base}${input.link}` : base;
      await enqueueMail(tx, input.orgId, {
        to: recipients.map((recipient) => recipient.email),
        subject: `${input.title.de} / ${input.title.en}`,
        text: bilingualMail({ de: [input.body.de, '', link], en: [input.body.en, '', link] }, mailFooter),
      });
    },

    /** An e-mail to someone without an account (a complainant), in the same transaction as the change. */
    enqueueMail,

    async list(caller: Caller, options: { unreadOnly?: boolean | undefined; limit?: number | undefined } = {}) {
      const userId = userIdOf(caller);
      if (!userId) return [];
      return db
        .select()
        .from(accountabilityNotifications)
        .where(and(eq(accountabilityNotifications.userId, userId), options.unreadOnly ? isNull(accountabilityNotifications.readAt) : undefined))
        .orderBy(desc(accountabilityNotifications.createdAt))
        .limit(options.limit ?? 50);
    },

    async unreadCount(caller: Caller): Promise<number> {
      const userId = userIdOf(caller);
      if (!userId) return 0;
      const [row] = await db
        .select({ value: count() })
        .from(accountabilityNotifications)
        .where(and(eq(accountabilityNotifications.userId, userId), isNull(accountabilityNotifications.readAt)));
      return Number(row?.value ?? 0);
    },

    async markRead(caller: Caller, id: string): Promise<void> {
      const userId = userIdOf(caller);
      const updated = userId
        ? await db
            .update(accountabilityNotifications)
            .set({ readAt: deps.clock.now() })
            .where(and(eq(accountabilityNotifications.id, id), eq(accountabilityNotifications.userId, userId)))
            .returning({ id: accountabilityNotifications.id })
        : [];
      if (updated.length === 0) throw new ServiceError('NOT_FOUND', accountabilityMessages.notificationNotFound);
    },

    async markAllRead(caller: Caller): Promise<void> {
      const userId = userIdOf(caller);
      if (!userId) return;
      await db
        .update(accountabilityNotifications)
        .set({ readAt: deps.clock.now() })
        .where(and(eq(accountabilityNotifications.userId, userId), isNull(accountabilityNotifications.readAt)));
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
