import { and, eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import type { Database, Tx } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import { identityMessages } from '../identity/messages.js';
import { can, type Caller } from '../identity/principal.js';
import { registryMessages } from './messages.js';
import { recordRegistryChange, type RegistryChange } from './registry-history.js';
import type { RuleEffect } from './registry-snapshot.js';
import type { RegistryStore } from './registry-store.js';
import { registryOrgRules } from './schema.js';

export type OrgRuleInput = { targetType: 'model' | 'provider' | 'zone'; targetId: string; effect: RuleEffect; roles?: string[]; reason: string };

/**
 * Federation (SOV-5): an organisation tightens the registry for itself and everything below it —
 * exclude, exception only, restrict to roles. There is no loosening effect, so none can be set.
 */
export function createRegistryRules(deps: { database: Database; clock: Clock; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree>; store: RegistryStore }) {
  const { db } = deps.database;
  const { clock, orgs } = deps;
  const recordChange = (tx: Tx, caller: Caller, change: RegistryChange) => recordRegistryChange(tx, deps, caller, change);
  const invalidating = <T>(result: T): T => {
    deps.store.invalidate();
    return result;
  };

  return {
    /** A tightening rule for an organisation and everything below it (reviewers or admins of that organisation). */
    async addOrgRule(caller: Caller, orgId: string, rule: OrgRuleInput) {
      const tree = await orgs.get();
      if (!tree.byId.has(orgId)) throw new ServiceError('NOT_FOUND', identityMessages.orgNotFound);
      if (!can(caller.principal, tree, 'registry.review', orgId) && !can(caller.principal, tree, 'org.manage', orgId)) {
        throw new ServiceError('FORBIDDEN', identityMessages.forbidden, { reason: 'missing_permission:registry.rules' });
      }
      if (!rule.reason.trim()) throw new ServiceError('VALIDATION', registryMessages.reasonRequired, { reason: 'reason_required' });
      return invalidating(
        await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(registryOrgRules)
            .values({ orgId, targetType: rule.targetType, targetId: rule.targetId, effect: rule.effect, roles: rule.roles ?? [], reason: rule.reason, createdBy: caller.actor.label, createdAt: clock.now() })
            .returning();
          await recordChange(tx, caller, { entityType: 'org_rule', entityId: created!.id, version: 1, action: 'registry.rule.add', orgId, reason: rule.reason, after: created });
          return created!;
        }),
      );
    },

    async removeOrgRule(caller: Caller, orgId: string, ruleId: string, reason: string) {
      const tree = await orgs.get();
      if (!can(caller.principal, tree, 'registry.review', orgId) && !can(caller.principal, tree, 'org.manage', orgId)) {
        throw new ServiceError('FORBIDDEN', identityMessages.forbidden, { reason: 'missing_permission:registry.rules' });
      }
      return invalidating(
        await db.transaction(async (tx) => {
          const [removed] = await tx.delete(registryOrgRules).where(and(eq(registryOrgRules.id, ruleId), eq(registryOrgRules.orgId, orgId))).returning();
          if (!removed) throw new ServiceError('NOT_FOUND', registryMessages.ruleNotFound);
          await recordChange(tx, caller, { entityType: 'org_rule', entityId: ruleId, version: 2, action: 'registry.rule.remove', orgId, reason, before: removed });
          return removed;
        }),
      );
    },
  };
}

export type RegistryRules = ReturnType<typeof createRegistryRules>;
