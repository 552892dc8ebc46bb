import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { OrgTree } from '../identity/org-directory.js';
import { can, requirePermission, systemCaller, type Caller } from '../identity/principal.js';
import { notFound } from './access.js';
import type { KnowledgeRetriever } from './knowledge-retriever.js';
import { workspaceMessages } from './messages.js';
import type { ModelChoice } from './model-choice.js';
import { workspaceAssistants } from './schema.js';
import { starters } from './starters.js';

export type AssistantRow = typeof workspaceAssistants.$inferSelect;
export type AssistantInput = {
  name: string;
  description?: string | undefined;
  systemPrompt: string;
  modelId?: string | null | undefined;
  knowledgeCollectionIds?: string[] | undefined;
  exampleInputs?: string[] | undefined;
  needsVision?: boolean | undefined;
};

type Deps = { database: Database; clock: Clock; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree>; models: ModelChoice; knowledge: KnowledgeRetriever };

const publicFields = ({ hiddenAt: _hidden, ...row }: AssistantRow) => row;

/** Organisation-wide assistant templates (WORK-1): those of an organisation hold below it too. */
export function createAssistantService(deps: Deps) {
  const { db } = deps.database;

  async function find(id: string): Promise<AssistantRow> {
    const [row] = await db.select().from(workspaceAssistants).where(and(eq(workspaceAssistants.id, id), isNull(workspaceAssistants.hiddenAt)));
    if (!row) throw notFound(workspaceMessages.assistantNotFound, 'assistant_not_found');
    return row;
  }

  return {
    /** The assistants usable in `orgId`, whether each reads images and whether the caller may change it. */
    async list(caller: Caller, orgId: string) {
      const tree = await deps.orgs.get();
      requirePermission(caller.principal, tree, 'model.use', orgId);
      const lineage = tree.lineage(orgId).map((org) => org.id);
      const [rows, models, collections] = await Promise.all([
        db.select().from(workspaceAssistants).where(and(inArray(workspaceAssistants.orgId, lineage), isNull(workspaceAssistants.hiddenAt))),
        deps.models.list(caller, orgId),
        deps.knowledge.listCollections?.(caller, orgId) ?? Promise.resolve([]),
      ]);
      const visionAvailable = models.some((model) => model.vision);
      const assistants = rows
        .map((row) => ({ ...publicFields(row), available: !row.needsVision || visionAvailable, canManage: can(caller.principal, tree, 'assistant.manage', row.orgId) }))
        .sort((a, b) => Number(!!b.starterKey) - Number(!!a.starterKey) || a.name.localeCompare(b.name, 'de'));
      return { assistants, collections, canCreate: can(caller.principal, tree, 'assistant.manage', orgId) };
    },

    /** One assistant for a conversation in `orgId`: it must belong to that organisation or one above. */
    async forUse(caller: Caller, orgId: string, id: string): Promise<AssistantRow> {
      const tree = await deps.orgs.get();
      requirePermission(caller.principal, tree, 'model.use', orgId);
      const row = await find(id);
      if (!tree.isSelfOrAncestor(row.orgId, orgId)) throw notFound(workspaceMessages.assistantNotFound, 'assistant_not_found');
      return row;
    },

    async create(caller: Caller, orgId: string, input: AssistantInput) {
      requirePermission(caller.principal, await deps.orgs.get(), 'assistant.manage', orgId);
      const now = deps.clock.now();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(workspaceAssistants)
          .values({
            orgId,
            name: input.name,
            description: input.description ?? '',
            systemPrompt: input.systemPrompt,
            modelId: input.modelId ?? null,
            knowledgeCollectionIds: input.knowledgeCollectionIds ?? [],
            exampleInputs: input.exampleInputs ?? [],
            needsVision: input.needsVision ?? false,
            createdBy: caller.principal.kind === 'user' ? caller.principal.userId : null,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await deps.audit(tx, caller, { action: 'workspace.assistant.create', orgId, targetType: 'assistant', targetId: row!.id, after: publicFields(row!) });
        return publicFields(row!);
      });
    },

    async update(caller: Caller, id: string, patch: Partial<AssistantInput>) {
      const before = await find(id);
      requirePermission(caller.principal, await deps.orgs.get(), 'assistant.manage', before.orgId);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(workspaceAssistants)
          .set({
            ...(patch.name !== undefined ? { name: patch.name } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
            ...(patch.systemPrompt !== undefined ? { systemPrompt: patch.systemPrompt } : {}),
            ...(patch.modelId !== undefined ? { modelId: patch.modelId } : {}),
            ...(patch.knowledgeCollectionIds !== undefined ? { knowledgeCollectionIds: patch.knowledgeCollectionIds } : {}),
            ...(patch.exampleInputs !== undefined ? { exampleInputs: patch.exampleInputs } : {}),
            ...(patch.needsVision !== undefined ? { needsVision: patch.needsVision } : {}),
            updatedAt: deps.clock.now(),
          })
          .where(eq(workspaceAssistants.id, id))
          .returning();
        await deps.audit(tx, caller, { action: 'workspace.assistant.update', orgId: before.orgId, targetType: 'assistant', targetId: id, before: publicFields(before), after: publicFields(row!) });
        return publicFields(row!);
      });
    },

    /** Own assistants are deleted; shipped starters are hidden, so a restart does not bring them back. */
    async remove(caller: Caller, id: string): Promise<void> {
      const before = await find(id);
      requirePermission(caller.principal, await deps.orgs.get(), 'assistant.manage', before.orgId);
      await db.transaction(async (tx) => {
        if (before.starterKey) await tx.update(workspaceAssistants).set({ hiddenAt: deps.clock.now() }).where(eq(workspaceAssistants.id, id));
        else await tx.delete(workspaceAssistants).where(eq(workspaceAssistants.id, id));
        await deps.audit(tx, caller, { action: 'workspace.assistant.delete', orgId: before.orgId, targetType: 'assistant', targetId: id, before: publicFields(before) });
      });
    },

    /** Installs the shipped starters into the root organisation once (start-up). */
    async installStarters(rootOrgId: string): Promise<number> {
      const now = deps.clock.now();
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(workspaceAssistants)
          .values(
            starters.map((starter) => ({
              orgId: rootOrgId,
              starterKey: starter.key,
              name: starter.name,
              description: starter.description,
              systemPrompt: starter.systemPrompt,
              exampleInputs: starter.exampleInputs,
              needsVision: starter.needsVision ?? false,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: workspaceAssistants.id, starterKey: workspaceAssistants.starterKey });
        if (inserted.length > 0) {
          const caller = systemCaller('workspace-starters');
          await deps.audit(tx, caller, { action: 'workspace.assistant.install', orgId: rootOrgId, targetType: 'assistant', metadata: { starters: inserted.map((row) => row.starterKey) } });
        }
        return inserted.length;
      });
    },
  };
}

export type AssistantService = ReturnType<typeof createAssistantService>;
