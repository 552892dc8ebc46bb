import { eq } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import { notify, type Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import { identityMessages } from './messages.js';
import { ORG_CHANNEL, type OrgNode, type OrgTree } from './org-directory.js';
import { requirePermission, visibleOrgs, type Caller } from './principal.js';
import { memberships, organisations } from './schema.js';
import type { CreateOrgInput } from './inputs.js';

export type OrgServiceDeps = { database: Database; orgs: CachedSnapshot<OrgTree>; audit: AuditEmitter };
export type { Caller };

export function createOrgService({ database, orgs, audit }: OrgServiceDeps) {
  const { db } = database;

  async function tree(): Promise<OrgTree> {
    return orgs.get();
  }

  async function resolve(idOrSlug: string): Promise<OrgNode> {
    const current = await tree();
    const node = current.byId.get(idOrSlug) ?? current.bySlug.get(idOrSlug);
    if (!node) throw new ServiceError('NOT_FOUND', identityMessages.orgNotFound);
    return node;
  }

  return {
    tree,
    resolve,

    async root(): Promise<OrgNode | undefined> {
      return (await tree()).roots[0];
    },

    async list(caller: Caller): Promise<OrgNode[]> {
      return visibleOrgs(caller.principal, await tree()).sort((a, b) => a.name.localeCompare(b.name, 'de'));
    },

    async get(caller: Caller, orgId: string): Promise<OrgNode & { path: OrgNode[] }> {
      const current = await tree();
      requirePermission(caller.principal, current, 'org.read', orgId);
      const node = current.byId.get(orgId)!;
      return { ...node, path: current.lineage(orgId).reverse() };
    },

    async create(caller: Caller, input: CreateOrgInput): Promise<OrgNode> {
      const current = await tree();
      if (!current.byId.has(input.parentId)) throw new ServiceError('NOT_FOUND', identityMessages.orgNotFound);
      requirePermission(caller.principal, current, 'org.manage', input.parentId);
      if (current.bySlug.has(input.slug)) throw new ServiceError('CONFLICT', identityMessages.orgSlugTaken(input.slug));
      const created = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(organisations)
          .values({ slug: input.slug, name: input.name, kind: input.kind, parentId: input.parentId })
          .returning();
        await audit(tx, caller, { action: 'org.create', orgId: row!.id, targetType: 'organisation', targetId: row!.id, after: row });
        await notify(tx, ORG_CHANNEL);
        return row!;
      });
      orgs.invalidate();
      return created;
    },

    async update(caller: Caller, orgId: string, patch: { name?: string | undefined; kind?: string | undefined }): Promise<OrgNode> {
      const current = await tree();
      requirePermission(caller.principal, current, 'org.manage', orgId);
      const updated = await db.transaction(async (tx) => {
        const [before] = await tx.select().from(organisations).where(eq(organisations.id, orgId)).for('update');
        if (!before) throw new ServiceError('NOT_FOUND', identityMessages.orgNotFound);
        const [after] = await tx
          .update(organisations)
          .set({ ...(patch.name ? { name: patch.name } : {}), ...(patch.kind ? { kind: patch.kind } : {}) })
          .where(eq(organisations.id, orgId))
          .returning();
        await audit(tx, caller, { action: 'org.update', orgId, targetType: 'organisation', targetId: orgId, before, after });
        await notify(tx, ORG_CHANNEL);
        return after!;
      });
      orgs.invalidate();
      return updated;
    },

    /** Organisation settings (retention, guard policy, labels …): merged per top-level key, audited. */
    async updateSettings(caller: Caller, orgId: string, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
      requirePermission(caller.principal, await tree(), 'settings.manage', orgId);
      const updated = await db.transaction(async (tx) => {
        const [before] = await tx.select().from(organisations).where(eq(organisations.id, orgId)).for('update');
        if (!before) throw new ServiceError('NOT_FOUND', identityMessages.orgNotFound);
        const settings = { ...before.settings, ...patch };
        await tx.update(organisations).set({ settings }).where(eq(organisations.id, orgId));
        await audit(tx, caller, { action: 'org.settings.update', orgId, targetType: 'organisation', targetId: orgId, before: before.settings, after: settings });
        await notify(tx, ORG_CHANNEL);
        return settings;
      });
      orgs.invalidate();
      return updated;
    },

    async remove(caller: Caller, orgId: string): Promise<void> {
      const current = await tree();
      const node = current.byId.get(orgId);
      if (!node) throw new ServiceError('NOT_FOUND', identityMessages.orgNotFound);
      // Deleting needs admin rights above the organisation itself; the root cannot be deleted.
      if (!node.parentId) throw new ServiceError('FORBIDDEN', identityMessages.forbidden, { reason: 'root_org' });
      requirePermission(caller.principal, current, 'org.manage', node.parentId);
      if ((current.children.get(orgId) ?? []).length > 0) throw new ServiceError('CONFLICT', identityMessages.orgHasChildren);
      await db.transaction(async (tx) => {
        await tx.delete(memberships).where(eq(memberships.orgId, orgId));
        await tx.delete(organisations).where(eq(organisations.id, orgId));
        await audit(tx, caller, { action: 'org.delete', orgId: node.parentId, targetType: 'organisation', targetId: orgId, before: node });
        await notify(tx, ORG_CHANNEL);
      });
      orgs.invalidate();
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
