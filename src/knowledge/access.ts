import type { OrgTree } from '../identity/org-directory.js';
import { can, type Principal } from '../identity/principal.js';

/** Who owns a personal collection or an analysis: a person, or the API key that made it. */
export function ownerKeyOf(principal: Principal): string | null {
  if (principal.kind === 'user') return `user:${principal.userId}`;
  if (principal.kind === 'api_key') return `apikey:${principal.keyId}`;
  return null;
}

type Owned = { orgId: string; owner: string | null };

/**
 * An organisation's collection: everyone with `knowledge.read` there (inherited from above).
 * A personal one: only its owner, and only while they still belong to the organisation.
 */
export function canReadCollection(principal: Principal, tree: OrgTree, collection: Owned): boolean {
  if (principal.kind === 'system') return true;
  if (!can(principal, tree, 'knowledge.read', collection.orgId)) return false;
  return collection.owner === null || collection.owner === ownerKeyOf(principal);
}

export function canWriteCollection(principal: Principal, tree: OrgTree, collection: Owned): boolean {
  if (principal.kind === 'system') return true;
  if (collection.owner !== null) return collection.owner === ownerKeyOf(principal) && can(principal, tree, 'knowledge.read', collection.orgId);
  return can(principal, tree, 'knowledge.manage', collection.orgId);
}
