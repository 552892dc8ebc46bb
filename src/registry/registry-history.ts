import type { Clock } from '../core/clock.js';
import { notify, type Tx } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import type { Caller } from '../identity/principal.js';
import { REGISTRY_CHANNEL } from './registry-store.js';
import { registryHistory } from './schema.js';

export type RegistryChange = {
  entityType: string;
  entityId: string;
  version: number;
  action: string;
  reason?: string;
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Every registry change: a versioned history row, a hash-chained audit entry and a NOTIFY, in the writing transaction. */
export async function recordRegistryChange(
  tx: Tx,
  deps: { clock: Clock; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree> },
  caller: Caller,
  change: RegistryChange,
): Promise<void> {
  await tx.insert(registryHistory).values({
    entityType: change.entityType,
    entityId: change.entityId,
    version: change.version,
    changedAt: deps.clock.now(),
    actorLabel: caller.actor.label,
    orgId: change.orgId ?? null,
    action: change.action,
    reason: change.reason ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  });
  await deps.audit(tx, caller, {
    action: change.action,
    orgId: change.orgId ?? (await deps.orgs.get()).roots[0]!.id,
    targetType: change.entityType,
    targetId: change.entityId,
    before: change.before,
    after: change.after,
    metadata: change.reason ? { reason: change.reason } : undefined,
  });
  await notify(tx, REGISTRY_CHANNEL);
}
