import { and, desc, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { Tx } from '../db/connection.js';
import { can, type Caller } from '../identity/principal.js';
import type { Directory } from './directory.js';
import { actorLabel, nextNumber, personOf, requireOrgPermission, subtreeIds, type AccountabilityDeps } from './deps.js';
import { exceptionDecisionInput, exceptionEndInput, exceptionListQuery, exceptionRejectInput, exceptionRequestInput, type ExceptionRequestInput } from './inputs.js';
import { accountabilityMessages as messages } from './messages.js';
import type { Notifier, Recipient } from './notifier.js';
import { accountabilityExceptions, exceptionNumbers } from './schema.js';
import type { z } from 'zod';

export const MAX_EXCEPTION_DAYS = 366;
type Row = typeof accountabilityExceptions.$inferSelect;
export type ExceptionState = 'requested' | 'active' | 'scheduled' | 'expired' | 'rejected' | 'revoked' | 'withdrawn';

/** The state people see: an approved exception is scheduled, active, or expired depending on the date. */
export function exceptionState(row: Pick<Row, 'status' | 'startsAt' | 'expiresAt'>, now: Date): ExceptionState {
  if (row.status !== 'approved') return row.status as ExceptionState;
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return row.startsAt.getTime() > now.getTime() ? 'scheduled' : 'active';
}

export function createExceptionService(deps: AccountabilityDeps & { directory: Directory; notifier: Notifier }) {
  const { database, clock, audit, orgs, directory, notifier } = deps;
  const { db } = database;

  const link = (row: Pick<Row, 'id'>) => `/ausnahmen?ausnahme=${row.id}`;
  const view = (row: Row) => ({ ...row, state: exceptionState(row, clock.now()) });

  async function load(caller: Caller, orgId: string, id: string, executor: Tx | typeof db = db, lock = false): Promise<Row> {
    const tree = await orgs.get();
    requireOrgPermission(caller, tree, 'exception.request', orgId);
    const query = executor
      .select()
      .from(accountabilityExceptions)
      .where(and(eq(accountabilityExceptions.id, id), inArray(accountabilityExceptions.orgId, subtreeIds(tree, orgId))));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw new ServiceError('NOT_FOUND', messages.exceptionNotFound);
    return row;
  }

  function isInvolved(caller: Caller, row: Row): boolean {
    const person = personOf(caller.principal);
    return !!person && (person.person === row.requesterPerson || (!!person.userId && row.personIds.includes(person.userId)));
  }

  async function beneficiaries(row: Row): Promise<Recipient[]> {
    const around = await directory.around(await orgs.get(), row.orgId);
    const ids = [...row.personIds, ...(row.requesterUserId ? [row.requesterUserId] : [])];
    return ids.flatMap((id) => {
      const member = around.get(id);
      return member ? [{ id: member.id, email: member.email }] : [];
    });
  }

  async function approvers(orgId: string, except: string | undefined): Promise<Recipient[]> {
    const found = await directory.withPermission(await orgs.get(), orgId, 'exception.approve');
    return found.filter((member) => `user:${member.id}` !== except);
  }

  return {
    async request(caller: Caller, orgId: string, raw: ExceptionRequestInput) {
      const input = exceptionRequestInput.parse(raw);
      const tree = await orgs.get();
      requireOrgPermission(caller, tree, 'exception.request', orgId);
      const requester = personOf(caller.principal);
      if (!requester) throw new ServiceError('FORBIDDEN', messages.personRequired, { reason: 'person_required' });
      if (input.people.length === 0 && input.roles.length === 0) {
        throw new ServiceError('VALIDATION', messages.scopeRequired, { reason: 'scope_required', fields: [{ path: 'people', message: messages.scopeRequired }] });
      }
      const now = clock.now();
      const startsAt = input.startsAt ?? now;
      if (input.expiresAt.getTime() <= startsAt.getTime() || input.expiresAt.getTime() <= now.getTime()) {
        throw new ServiceError('VALIDATION', messages.periodInvalid, { reason: 'period_invalid', fields: [{ path: 'expiresAt', message: messages.periodInvalid }] });
      }
      if (input.expiresAt.getTime() - startsAt.getTime() > MAX_EXCEPTION_DAYS * 86_400_000) {
        const message = messages.periodTooLong(MAX_EXCEPTION_DAYS);
        throw new ServiceError('VALIDATION', message, { reason: 'period_too_long', fields: [{ path: 'expiresAt', message }] });
      }
      if (input.modelId) {
        const model = (await deps.registryQueries.listModels(orgId)).find((entry) => entry.id === input.modelId);
        if (!model) throw new ServiceError('VALIDATION', messages.modelUnknown(input.modelId), { reason: 'model_unknown', fields: [{ path: 'modelId', message: messages.modelUnknown(input.modelId) }] });
        if (model.effectiveStatus !== 'exception_only') {
          const message = messages.modelNotExceptionOnly(input.modelId, model.effectiveStatus);
          throw new ServiceError('VALIDATION', message, { reason: 'model_not_exception_only', fields: [{ path: 'modelId', message }] });
        }
      }
      const personIds: string[] = [];
      for (const email of input.people) {
        const member = await directory.byEmail(tree, orgId, email);
        if (!member) throw new ServiceError('VALIDATION', messages.personUnknown(email), { reason: 'person_unknown', fields: [{ path: 'people', message: messages.personUnknown(email) }] });
        if (!personIds.includes(member.id)) personIds.push(member.id);
      }
      const toNotify = await approvers(orgId, requester.person);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(accountabilityExceptions)
          .values({
            number: nextNumber('A', exceptionNumbers, now),
            orgId,
            platform: input.platform,
            modelId: input.modelId ?? null,
            useCase: input.useCase,
            category: input.category,
            justification: input.justification,
            dataClasses: input.dataClasses,
            personIds,
            roles: input.roles,
            startsAt,
            expiresAt: input.expiresAt,
            requesterPerson: requester.person,
            requesterLabel: requester.label,
            requesterUserId: requester.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await audit(tx, caller, { action: 'accountability.exception.request', orgId, targetType: 'exception', targetId: row!.id, after: summary(row!) });
        await notifier.notify(tx, {
          orgId,
          kind: 'exception.requested',
          title: text(`Ausnahme beantragt: ${row!.platform}`, `Exception requested: ${row!.platform}`),
          body: text(
            `${requester.label} beantragt eine Ausnahme (${row!.number}) für „${row!.platform}“ bis ${row!.expiresAt.toISOString().slice(0, 10)}. Bitte prüfen und entscheiden (Vier-Augen-Prinzip).`,
            `${requester.label} requests an exception (${row!.number}) for "${row!.platform}" until ${row!.expiresAt.toISOString().slice(0, 10)}. Please review and decide (four-eyes rule).`,
          ),
          link: link(row!),
          recipients: toNotify,
        });
        return view(row!);
      });
    },

    async list(caller: Caller, orgId: string, rawQuery: z.input<typeof exceptionListQuery> = {}) {
      const query = exceptionListQuery.parse(rawQuery);
      const tree = await orgs.get();
      requireOrgPermission(caller, tree, 'exception.request', orgId);
      const conditions: SQL[] = [inArray(accountabilityExceptions.orgId, subtreeIds(tree, orgId))];
      if (!can(caller.principal, tree, 'exception.approve', orgId)) {
        const person = personOf(caller.principal);
        if (!person) return [];
        conditions.push(
          person.userId
            ? sql`(${accountabilityExceptions.requesterPerson} = ${person.person} or ${person.userId}::uuid = any(${accountabilityExceptions.personIds}))`
            : eq(accountabilityExceptions.requesterPerson, person.person),
        );
      }
      const now = clock.now();
      const rows = await db
        .select()
        .from(accountabilityExceptions)
        .where(and(...conditions))
        .orderBy(desc(accountabilityExceptions.createdAt))
        .limit(500);
      const views = rows.map(view);
      if (query.status === 'all') return views;
      if (query.status === 'active') return views.filter((row) => row.state === 'active' || row.state === 'scheduled');
      if (query.status === 'ended') return views.filter((row) => ['rejected', 'revoked', 'withdrawn'].includes(row.state));
      return views.filter((row) => row.state === query.status && (query.status !== 'expired' || row.expiresAt <= now));
    },

    async get(caller: Caller, orgId: string, id: string) {
      const row = await load(caller, orgId, id);
      if (!can(caller.principal, await orgs.get(), 'exception.approve', orgId) && !isInvolved(caller, row)) {
        throw new ServiceError('FORBIDDEN', messages.forbidden, { reason: 'not_involved' });
      }
      return view(row);
    },

    /** Four-eyes: the approver is another person than the requester and than anyone the exception is for. */
    async approve(caller: Caller, orgId: string, id: string, raw: z.input<typeof exceptionDecisionInput>) {
      const input = exceptionDecisionInput.parse(raw);
      return decide(caller, orgId, id, 'approved', { conditions: input.conditions ?? null, decisionNote: input.note ?? null });
    },

    async reject(caller: Caller, orgId: string, id: string, raw: z.input<typeof exceptionRejectInput>) {
      const input = exceptionRejectInput.parse(raw);
      return decide(caller, orgId, id, 'rejected', { conditions: null, decisionNote: input.note });
    },

    /** Ends an exception early: approvers revoke; the requester withdraws a pending request or gives up an approved one. */
    async end(caller: Caller, orgId: string, id: string, raw: z.input<typeof exceptionEndInput>) {
      const input = exceptionEndInput.parse(raw);
      const tree = await orgs.get();
      const now = clock.now();
      const recipients = await beneficiaries(await load(caller, orgId, id));
      return db.transaction(async (tx) => {
        const current = await load(caller, orgId, id, tx, true);
        const isApprover = can(caller.principal, tree, 'exception.approve', orgId);
        const isRequester = personOf(caller.principal)?.person === current.requesterPerson;
        if (!isApprover && !isRequester) throw new ServiceError('FORBIDDEN', messages.forbidden, { reason: 'not_involved' });
        const state = exceptionState(current, now);
        const status = state === 'requested' ? (isRequester ? 'withdrawn' : 'rejected') : state === 'active' || state === 'scheduled' ? 'revoked' : undefined;
        if (!status) throw new ServiceError('CONFLICT', messages.notActive, { reason: 'not_active' });
        const [row] = await tx
          .update(accountabilityExceptions)
          .set({ status, endedAt: now, endedByLabel: actorLabel(caller), endReason: input.reason, updatedAt: now })
          .where(eq(accountabilityExceptions.id, id))
          .returning();
        await audit(tx, caller, {
          action: `accountability.exception.${status === 'withdrawn' ? 'withdraw' : status === 'rejected' ? 'reject' : 'revoke'}`,
          orgId: current.orgId,
          targetType: 'exception',
          targetId: id,
          before: summary(current),
          after: summary(row!),
        });
        if (status === 'revoked') {
          await notifier.notify(tx, {
            orgId: current.orgId,
            kind: 'exception.revoked',
            title: text(`Ausnahme beendet: ${current.platform}`, `Exception ended: ${current.platform}`),
            body: text(
              `Die Ausnahme ${current.number} für „${current.platform}“ gilt nicht mehr. Grund: ${input.reason}`,
              `Exception ${current.number} for "${current.platform}" is no longer in force. Reason: ${input.reason}`,
            ),
            link: link(current),
            recipients,
          });
        }
        return view(row!);
      });
    },

    /** The internal register's figures: how many, which platforms, how long decisions take. */
    async statistics(caller: Caller, orgId: string) {
      const tree = await orgs.get();
      requireOrgPermission(caller, tree, 'exception.approve', orgId);
      const now = clock.now();
      const rows = (await db.select().from(accountabilityExceptions).where(inArray(accountabilityExceptions.orgId, subtreeIds(tree, orgId)))).map(view);
      const countBy = (key: (row: (typeof rows)[number]) => string) =>
        rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [key(row)]: (counts[key(row)] ?? 0) + 1 }), {});
      const decided = rows.filter((row) => row.decidedAt && (row.status === 'approved' || row.status === 'revoked' || row.status === 'rejected'));
      const decisionHours = decided.map((row) => (row.decidedAt!.getTime() - row.createdAt.getTime()) / 3_600_000).sort((a, b) => a - b);
      const approvedEver = decided.filter((row) => row.status !== 'rejected').length;
      const platforms = new Map<string, { platform: string; total: number; active: number }>();
      for (const row of rows) {
        const entry = platforms.get(row.platform) ?? { platform: row.platform, total: 0, active: 0 };
        entry.total++;
        if (row.state === 'active') entry.active++;
        platforms.set(row.platform, entry);
      }
      return {
        total: rows.length,
        byState: countBy((row) => row.state),
        byCategory: countBy((row) => row.category),
        byDataClass: rows.flatMap((row) => row.dataClasses).reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {}),
        platforms: [...platforms.values()].sort((a, b) => b.total - a.total || a.platform.localeCompare(b.platform)),
        expiringWithin30Days: rows.filter((row) => row.state === 'active' && row.expiresAt.getTime() - now.getTime() <= 30 * 86_400_000).length,
        approvalRate: decided.length ? approvedEver / decided.length : null,
        medianDecisionHours: decisionHours.length ? decisionHours[Math.floor(decisionHours.length / 2)]! : null,
      };
    },

    /** Models this organisation may use only with an exception: what the request form offers. */
    async exceptionModels(caller: Caller, orgId: string) {
      requireOrgPermission(caller, await orgs.get(), 'exception.request', orgId);
      return (await deps.registryQueries.listModels(orgId))
        .filter((model) => model.effectiveStatus === 'exception_only')
        .map((model) => ({ id: model.id, name: model.name, kind: model.kind, providers: model.providers.map((provider) => ({ id: provider.id, zone: provider.zone })) }));
    },

    /** Exceptions in force whose reminders or expiry are due (used by the periodic checks). */
    async dueForReminder(now: Date, withinDays: number) {
      return db
        .select()
        .from(accountabilityExceptions)
        .where(
          and(
            eq(accountabilityExceptions.status, 'approved'),
            gt(accountabilityExceptions.expiresAt, now),
            lte(accountabilityExceptions.expiresAt, new Date(now.getTime() + withinDays * 86_400_000)),
          ),
        );
    },

    beneficiaries,
    link,
  };

  async function decide(caller: Caller, orgId: string, id: string, status: 'approved' | 'rejected', fields: { conditions: string | null; decisionNote: string | null }) {
    const tree = await orgs.get();
    requireOrgPermission(caller, tree, 'exception.approve', orgId);
    const approver = personOf(caller.principal);
    // Only a known person can be the second pair of eyes; a key nobody owns could be anyone's.
    if (!approver?.userId) throw new ServiceError('FORBIDDEN', messages.personRequired, { reason: 'person_required' });
    const now = clock.now();
    const recipients = await beneficiaries(await load(caller, orgId, id));
    return db.transaction(async (tx) => {
      const current = await load(caller, orgId, id, tx, true);
      if (approver.person === current.requesterPerson) throw new ServiceError('FORBIDDEN', messages.fourEyes, { reason: 'four_eyes' });
      if (status === 'approved' && approver.userId && current.personIds.includes(approver.userId)) {
        throw new ServiceError('FORBIDDEN', messages.fourEyesBeneficiary, { reason: 'four_eyes_beneficiary' });
      }
      if (current.status !== 'requested') throw new ServiceError('CONFLICT', messages.notPending, { reason: 'not_pending' });
      if (status === 'approved' && current.expiresAt.getTime() <= now.getTime()) throw new ServiceError('CONFLICT', messages.alreadyExpired, { reason: 'already_expired' });
      const [row] = await tx
        .update(accountabilityExceptions)
        .set({ status, decidedByPerson: approver.person, decidedByLabel: approver.label, decidedAt: now, ...fields, updatedAt: now })
        .where(eq(accountabilityExceptions.id, id))
        .returning();
      await audit(tx, caller, {
        action: status === 'approved' ? 'accountability.exception.approve' : 'accountability.exception.reject',
        orgId: current.orgId,
        targetType: 'exception',
        targetId: id,
        before: summary(current),
        after: summary(row!),
      });
      const until = row!.expiresAt.toISOString().slice(0, 10);
      await notifier.notify(tx, {
        orgId: row!.orgId,
        kind: `exception.${status}`,
        title:
          status === 'approved'
            ? text(`Ausnahme genehmigt: ${row!.platform}`, `Exception approved: ${row!.platform}`)
            : text(`Ausnahme abgelehnt: ${row!.platform}`, `Exception rejected: ${row!.platform}`),
        body:
          status === 'approved'
            ? text(
                `Die Ausnahme ${row!.number} gilt bis ${until}.${row!.conditions ? ` Auflagen: ${row!.conditions}` : ''}`,
                `Exception ${row!.number} is in force until ${until}.${row!.conditions ? ` Conditions: ${row!.conditions}` : ''}`,
              )
            : text(`Die Ausnahme ${row!.number} wurde abgelehnt: ${row!.decisionNote ?? ''}`, `Exception ${row!.number} was rejected: ${row!.decisionNote ?? ''}`),
        link: link(row!),
        recipients,
      });
      return view(row!);
    });
  }
}

function summary(row: Row) {
  return {
    number: row.number,
    status: row.status,
    platform: row.platform,
    modelId: row.modelId,
    category: row.category,
    dataClasses: row.dataClasses,
    personIds: row.personIds,
    roles: row.roles,
    startsAt: row.startsAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    decidedBy: row.decidedByLabel,
    conditions: row.conditions,
  };
}

export type ExceptionService = ReturnType<typeof createExceptionService>;
