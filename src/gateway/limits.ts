import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import { CachedSnapshot } from '../db/cached-snapshot.js';
import { notify, type Database } from '../db/connection.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { OrgNode, OrgTree } from '../identity/org-directory.js';
import type { Caller } from '../identity/org-service.js';
import { requirePermission, type Principal } from '../identity/principal.js';
import type { RateLimiter } from '../ratelimit/rate-limiter.js';
import { gatewayMessages } from './messages.js';
import { budgetUsage, orgLimits } from './schema.js';

export const LIMITS_CHANNEL = 'leitplanke_limits_changed';

export type OrgLimitSettings = { monthlyTokenBudget: number | null; requestsPerMinutePerUser: number | null; requestsPerMinutePerKey: number | null };
export type Reservation = { month: string; amount: number; orgIds: string[] };

/**
 * Rate limits per user and key, and monthly token budgets per organisation (an ancestor's budget
 * covers its descendants' calls too). Both live in PostgreSQL, so every instance enforces the same
 * numbers: budgets are reserved with a conditional UPDATE before the call and settled after it.
 */
export function createLimits(database: Database, rateLimiter: RateLimiter, clock: Clock, orgs: CachedSnapshot<OrgTree>, audit: AuditEmitter) {
  const { db } = database;
  const settings = new CachedSnapshot(database, LIMITS_CHANNEL, async () => {
    const rows = await db.select().from(orgLimits);
    return new Map(rows.map((row) => [row.orgId, row]));
  });

  const month = () => clock.now().toISOString().slice(0, 7);

  return {
    settings,

    async set(caller: Caller, orgId: string, next: OrgLimitSettings): Promise<OrgLimitSettings> {
      requirePermission(caller.principal, await orgs.get(), 'org.manage', orgId);
      await db.transaction(async (tx) => {
        const [before] = await tx.select().from(orgLimits).where(eq(orgLimits.orgId, orgId));
        await tx
          .insert(orgLimits)
          .values({ orgId, ...next, updatedAt: clock.now() })
          .onConflictDoUpdate({ target: orgLimits.orgId, set: { ...next, updatedAt: clock.now() } });
        await audit(tx, caller, { action: 'limits.set', orgId, targetType: 'organisation', targetId: orgId, before: before ?? null, after: next });
        await notify(tx, LIMITS_CHANNEL);
      });
      settings.invalidate();
      return next;
    },

    async get(orgId: string): Promise<OrgLimitSettings & { usedThisMonth: number }> {
      const row = (await settings.get()).get(orgId);
      const [used] = await db.select().from(budgetUsage).where(and(eq(budgetUsage.orgId, orgId), eq(budgetUsage.month, month())));
      return {
        monthlyTokenBudget: row?.monthlyTokenBudget ?? null,
        requestsPerMinutePerUser: row?.requestsPerMinutePerUser ?? null,
        requestsPerMinutePerKey: row?.requestsPerMinutePerKey ?? null,
        usedThisMonth: used?.usedTokens ?? 0,
      };
    },

    /** Counts the request against the per-user and per-key limits of the organisation and its ancestors. */
    async checkRate(principal: Principal, lineage: OrgNode[]): Promise<void> {
      const all = await settings.get();
      for (const org of lineage) {
        const limits = all.get(org.id);
        if (!limits) continue;
        const limit = principal.kind === 'api_key' ? limits.requestsPerMinutePerKey : principal.kind === 'user' ? limits.requestsPerMinutePerUser : null;
        if (!limit) continue;
        const subject = principal.kind === 'api_key' ? `key:${principal.keyId}` : principal.kind === 'user' ? `user:${principal.userId}` : 'system';
        const decision = await rateLimiter.hit(`gateway:${org.id}:${subject}`, { limit, windowSeconds: 60 });
        if (!decision.allowed) {
          throw new ServiceError('LIMIT_EXCEEDED', gatewayMessages.rateLimited(limit), { reason: 'rate_limited', retryAfterSeconds: decision.retryAfterSeconds });
        }
      }
    },

    /** Reserves `amount` tokens in every budget on the lineage, all or nothing. */
    async reserve(lineage: OrgNode[], amount: number): Promise<Reservation | undefined> {
      const all = await settings.get();
      const budgeted = lineage.filter((org) => all.get(org.id)?.monthlyTokenBudget != null);
      if (budgeted.length === 0) return undefined;
      const current = month();
      await db.transaction(async (tx) => {
        for (const org of budgeted) {
          const limit = all.get(org.id)!.monthlyTokenBudget!;
          await tx.insert(budgetUsage).values({ orgId: org.id, month: current }).onConflictDoNothing();
          const reserved = await tx
            .update(budgetUsage)
            .set({ reservedTokens: sql`${budgetUsage.reservedTokens} + ${amount}` })
            .where(
              and(
                eq(budgetUsage.orgId, org.id),
                eq(budgetUsage.month, current),
                sql`${budgetUsage.usedTokens} + ${budgetUsage.reservedTokens} + ${amount} <= ${limit}`,
              ),
            )
            .returning({ orgId: budgetUsage.orgId });
          if (reserved.length === 0) throw new ServiceError('LIMIT_EXCEEDED', gatewayMessages.budgetExhausted(org.name), { reason: 'budget_exhausted' });
        }
      });
      return { month: current, amount, orgIds: budgeted.map((org) => org.id) };
    },

    /** Replaces the reservation by what the call really used. */
    async settle(reservation: Reservation | undefined, usedTokens: number): Promise<void> {
      if (!reservation) return;
      await db
        .update(budgetUsage)
        .set({
          reservedTokens: sql`greatest(${budgetUsage.reservedTokens} - ${reservation.amount}, 0)`,
          usedTokens: sql`${budgetUsage.usedTokens} + ${usedTokens}`,
        })
        .where(and(eq(budgetUsage.month, reservation.month), sql`${budgetUsage.orgId} = any(${sql.param(reservation.orgIds)}::uuid[])`));
    },
  };
}

export type Limits = ReturnType<typeof createLimits>;
