import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { text } from '../core/l10n.js';
import type { Logger } from '../core/logger.js';
import type { ComplaintService } from './complaint-service.js';
import type { Directory } from './directory.js';
import type { PublicComplaints } from './complaint-public.js';
import { germanDate } from './deadlines.js';
import { checksCaller, type AccountabilityDeps } from './deps.js';
import type { ExceptionService } from './exception-service.js';
import type { IncidentService } from './incident-service.js';
import type { Notifier } from './notifier.js';
import { accountabilityExceptions, accountabilityIncidentActions } from './schema.js';

/** Days before expiry on which the people of an exception are reminded. */
export const REMINDER_DAYS = [14, 3] as const;

export type DueCheckResult = { reminders: number; expired: number; escalated: number; overdueActions: number };

/**
 * What has to happen because time passed: exception reminders and expiry, complaint escalation,
 * overdue incident actions. Every step claims its row with a conditional update, so running it on
 * several instances at once sends each notice once.
 */
export function createDueChecks(
  deps: AccountabilityDeps & { directory: Directory; notifier: Notifier; exceptions: ExceptionService; incidents: IncidentService; complaints: ComplaintService; publicComplaints: PublicComplaints },
) {
  const { database, clock, audit, notifier, exceptions, incidents, complaints } = deps;
  const { db } = database;

  async function exceptionReminders(): Promise<number> {
    const now = clock.now();
    let sent = 0;
    for (const candidate of await exceptions.dueForReminder(now, Math.max(...REMINDER_DAYS))) {
      const daysLeft = (candidate.expiresAt.getTime() - now.getTime()) / 86_400_000;
      const stage = [...REMINDER_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days);
      if (stage === undefined || candidate.remindersSent.some((done) => done <= stage)) continue;
      const recipients = await exceptions.beneficiaries(candidate);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(accountabilityExceptions)
          .set({ remindersSent: sql`array_append(${accountabilityExceptions.remindersSent}, ${stage}::integer)` })
          .where(and(eq(accountabilityExceptions.id, candidate.id), sql`not (${stage}::integer = any(${accountabilityExceptions.remindersSent}))`))
          .returning();
        if (!row) return;
        sent++;
        const until = germanDate(row.expiresAt);
        await notifier.notify(tx, {
          orgId: row.orgId,
          kind: 'exception.expiring',
          title: text(`Ausnahme läuft ab: ${row.platform}`, `Exception expiring: ${row.platform}`),
          body: text(
            `Die Ausnahme ${row.number} für „${row.platform}“ endet am ${until}. Wird sie weiter gebraucht, beantragen Sie bitte rechtzeitig eine neue.`,
            `Exception ${row.number} for "${row.platform}" ends on ${until}. If it is still needed, please request a new one in time.`,
          ),
          link: exceptions.link(row),
          recipients,
        });
      });
    }
    return sent;
  }

  async function exceptionExpiries(): Promise<number> {
    const now = clock.now();
    const candidates = await db
      .select()
      .from(accountabilityExceptions)
      .where(and(eq(accountabilityExceptions.status, 'approved'), lte(accountabilityExceptions.expiresAt, now), isNull(accountabilityExceptions.expiryNotifiedAt)));
    let expired = 0;
    for (const candidate of candidates) {
      const recipients = await exceptions.beneficiaries(candidate);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(accountabilityExceptions)
          .set({ expiryNotifiedAt: now })
          .where(and(eq(accountabilityExceptions.id, candidate.id), isNull(accountabilityExceptions.expiryNotifiedAt)))
          .returning();
        if (!row) return;
        expired++;
        await audit(tx, checksCaller(), { action: 'accountability.exception.expire', orgId: row.orgId, targetType: 'exception', targetId: row.id, metadata: { expiresAt: row.expiresAt.toISOString() } });
        await notifier.notify(tx, {
          orgId: row.orgId,
          kind: 'exception.expired',
          title: text(`Ausnahme abgelaufen: ${row.platform}`, `Exception expired: ${row.platform}`),
          body: text(`Die Ausnahme ${row.number} für „${row.platform}“ ist abgelaufen und gilt nicht mehr.`, `Exception ${row.number} for "${row.platform}" has expired and is no longer in force.`),
          link: exceptions.link(row),
          recipients,
        });
      });
    }
    return expired;
  }

  async function overdueActions(): Promise<number> {
    const now = clock.now();
    let reminded = 0;
    for (const { action, incident } of await incidents.overdueActions(germanDate(now))) {
      const [coordinators, around] = await Promise.all([incidents.triagers(incident.orgId), deps.directory.around(await deps.orgs.get(), incident.orgId)]);
      const owner = around.get(action.ownerUserId);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(accountabilityIncidentActions)
          .set({ overdueNotifiedAt: now })
          .where(and(eq(accountabilityIncidentActions.id, action.id), isNull(accountabilityIncidentActions.overdueNotifiedAt)))
          .returning();
        if (!row) return;
        reminded++;
        await notifier.notify(tx, {
          orgId: incident.orgId,
          kind: 'incident.action_overdue',
          title: text(`Maßnahme überfällig: Vorfall ${incident.number}`, `Action overdue: incident ${incident.number}`),
          body: text(
            `„${action.description}“ (${action.ownerLabel}) war am ${action.dueDate} fällig und ist noch offen.`,
            `"${action.description}" (${action.ownerLabel}) was due on ${action.dueDate} and is still open.`,
          ),
          link: incidents.link(incident),
          recipients: [...coordinators, ...(owner ? [owner] : [])],
        });
      });
    }
    return reminded;
  }

  return {
    async run(logger?: Logger): Promise<DueCheckResult> {
      const result = {
        reminders: await exceptionReminders(),
        expired: await exceptionExpiries(),
        escalated: await complaints.escalateOverdue(checksCaller()),
        overdueActions: await overdueActions(),
      };
      await deps.publicComplaints.sweepChallenges();
      if (Object.values(result).some((value) => value > 0)) logger?.info(result, 'accountability checks');
      return result;
    },
  };
}
