import type { Actor, CallContext } from '../core/context.js';
import type { Locale } from '../core/l10n.js';
import { ServiceError } from '../core/errors.js';
import { identityMessages } from './messages.js';
import type { OrgNode, OrgTree } from './org-directory.js';
import { rolesGrant, type Permission, type Role } from './roles.js';

export type Grant = { orgId: string; role: Role };

/** Whoever is calling, with the roles they hold; resolved once per request. */
export type Principal =
  | { kind: 'user'; userId: string; email: string; displayName: string; locale: Locale; grants: Grant[]; sessionId?: string }
  | { kind: 'api_key'; keyId: string; name: string; orgId: string; role: Role; grants: Grant[]; createdByUserId: string | null }
  | { kind: 'system'; grants: Grant[] };

export const systemPrincipal: Principal = { kind: 'system', grants: [] };

/** A service call: who (principal and audit actor), which request, which language. */
export type Caller = CallContext & { principal: Principal };

/** The caller for work the system does itself (start-up imports, jobs, the CLI). */
export function systemCaller(label: string, requestId: string = label): Caller {
  return { principal: systemPrincipal, actor: { type: 'system', label }, requestId, locale: 'de' };
}

export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { type: 'user', id: principal.userId, label: principal.email };
    case 'api_key':
      return { type: 'api_key', id: principal.keyId, label: principal.name };
    case 'system':
      return { type: 'system', label: 'system' };
  }
}

/** Roles the principal holds at `orgId`: granted there or at any ancestor. */
export function rolesAt(principal: Principal, tree: OrgTree, orgId: string): Set<Role> {
  const lineage = new Set(tree.lineage(orgId).map((node) => node.id));
  return new Set(principal.grants.filter((grant) => lineage.has(grant.orgId)).map((grant) => grant.role));
}

export function can(principal: Principal, tree: OrgTree, permission: Permission, orgId: string): boolean {
  if (principal.kind === 'system') return true;
  if (!tree.byId.has(orgId)) return false;
  return rolesGrant(rolesAt(principal, tree, orgId), permission);
}

export function requirePermission(principal: Principal, tree: OrgTree, permission: Permission, orgId: string): void {
  if (!can(principal, tree, permission, orgId)) {
    throw new ServiceError('FORBIDDEN', identityMessages.forbidden, { reason: `missing_permission:${permission}` });
  }
}

/** Organisations the principal can see: where it holds a role, and everything below. */
export function visibleOrgs(principal: Principal, tree: OrgTree): OrgNode[] {
  if (principal.kind === 'system') return [...tree.byId.values()];
  const seen = new Map<string, OrgNode>();
  for (const grant of principal.grants) for (const node of tree.subtree(grant.orgId)) seen.set(node.id, node);
  return [...seen.values()];
}
