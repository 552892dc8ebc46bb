import { eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import type { Database, DbOrTx } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import type { Permission } from '../identity/roles.js';
import { transparencyMessages } from './messages.js';
import { transparencyUseCases } from './schema.js';
import type { UseCaseRow } from './use-case-row.js';

export type TransparencyDeps = { database: Database; clock: Clock; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree> };

/** Loads a use case and checks the caller's permission at its organisation; locks the row inside a write. */
export async function loadUseCase(
  db: DbOrTx,
  tree: OrgTree,
  caller: Caller,
  id: string,
  permission: Permission,
  options: { forUpdate?: boolean } = {},
): Promise<UseCaseRow> {
  const query = db.select().from(transparencyUseCases).where(eq(transparencyUseCases.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new ServiceError('NOT_FOUND', transparencyMessages.useCaseNotFound, { reason: 'use_case_not_found' });
  requirePermission(caller.principal, tree, permission, row.orgId);
  return row;
}

export function requireOrg(tree: OrgTree, orgId: string): void {
  if (!tree.byId.has(orgId)) throw new ServiceError('NOT_FOUND', transparencyMessages.orgNotFound, { reason: 'org_not_found' });
}
