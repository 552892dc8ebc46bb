import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { Database } from '../db/connection.js';
import type { ExceptionChecker } from '../gateway/pipeline-hooks.js';
import type { OrgTree } from '../identity/org-directory.js';
import { rolesAt, type Caller } from '../identity/principal.js';
import { personOf } from './deps.js';
import type { DataClass } from './inputs.js';
import { accountabilityExceptions } from './schema.js';

/** Requests that do not say which data they carry count as internal data (as in the gateway's routes). */
export const DEFAULT_DATA_CLASS: DataClass = 'internal';

/**
 * The gateway's policy step asks this for exception-only models. An exception lets a call through
 * only when it is approved and within its time, was granted at the calling organisation or above,
 * names the caller (as a person, or by a role the caller holds there), and allows the data class the
 * request declares.
 */
export function createExceptionChecker(deps: { database: Database; clock: Clock; orgs: CachedSnapshot<OrgTree> }): ExceptionChecker {
  const { db } = deps.database;
  return {
    async find(caller: Caller, orgId: string, modelId: string, request?: { dataClass?: string | undefined }) {
      // The system itself (imports, jobs) never uses a commercial platform on someone's behalf.
      if (caller.principal.kind === 'system') return undefined;
      const tree = await deps.orgs.get();
      const lineage = tree.lineage(orgId).map((node) => node.id);
      if (lineage.length === 0) return undefined;
      const now = deps.clock.now();
      const candidates = await db
        .select()
        .from(accountabilityExceptions)
        .where(
          and(
            eq(accountabilityExceptions.status, 'approved'),
            eq(accountabilityExceptions.modelId, modelId),
            inArray(accountabilityExceptions.orgId, lineage),
            lte(accountabilityExceptions.startsAt, now),
            gt(accountabilityExceptions.expiresAt, now),
          ),
        );
      if (candidates.length === 0) return undefined;
      const userId = personOf(caller.principal)?.userId;
      const held = rolesAt(caller.principal, tree, orgId);
      const declared = request?.dataClass || DEFAULT_DATA_CLASS;
      const match = candidates.find((row) => {
        const named = !!userId && row.personIds.includes(userId);
        const byRole = row.roles.some((role) => (held as Set<string>).has(role));
        return (named || byRole) && row.dataClasses.includes(declared);
      });
      return match ? { id: match.id, expiresAt: match.expiresAt } : undefined;
    },
  };
}
