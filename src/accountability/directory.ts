import type { OrgTree } from '../identity/org-directory.js';
import { systemCaller } from '../identity/principal.js';
import { rolesGrant, type Permission, type Role } from '../identity/roles.js';
import type { UserService } from '../identity/user-service.js';

export type Member = { id: string; email: string; displayName: string; rolesByOrg: Map<string, Role[]> };

/**
 * People around an organisation (its lineage and subtree), read through the identity service:
 * who holds a permission there (recipients of notifications), and who an e-mail address belongs to.
 */
export function createDirectory(users: UserService) {
  const caller = systemCaller('accountability-directory');

  async function members(tree: OrgTree, orgIds: string[]): Promise<Map<string, Member>> {
    const found = new Map<string, Member>();
    for (const orgId of new Set(orgIds)) {
      if (!tree.byId.has(orgId)) continue;
      for (const user of await users.list(caller, orgId)) {
        if (!user.active) continue;
        const member = found.get(user.id) ?? { id: user.id, email: user.email, displayName: user.displayName, rolesByOrg: new Map() };
        member.rolesByOrg.set(orgId, user.roles);
        found.set(user.id, member);
      }
    }
    return found;
  }

  return {
    /** Active people who hold `permission` at `orgId` (granted there or above). */
    async withPermission(tree: OrgTree, orgId: string, permission: Permission): Promise<Member[]> {
      const all = await members(
        tree,
        tree.lineage(orgId).map((node) => node.id),
      );
      return [...all.values()].filter((member) => rolesGrant([...member.rolesByOrg.values()].flat(), permission));
    },

    /** Active people with a role at the organisation, above it or below it, by id. */
    async around(tree: OrgTree, orgId: string): Promise<Map<string, Member>> {
      return members(tree, [...tree.lineage(orgId), ...tree.subtree(orgId)].map((node) => node.id));
    },

    async byEmail(tree: OrgTree, orgId: string, email: string): Promise<Member | undefined> {
      const wanted = email.trim().toLowerCase();
      return [...(await this.around(tree, orgId)).values()].find((member) => member.email.toLowerCase() === wanted);
    },
  };
}

export type Directory = ReturnType<typeof createDirectory>;
