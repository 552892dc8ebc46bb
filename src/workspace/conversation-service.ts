import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import type { Database, DbOrTx } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { UsageData } from '../gateway/usage-data.js';
import type { OrgTree } from '../identity/org-directory.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { notFound, ownerIdOf, personalUserId } from './access.js';
import type { AssistantService } from './assistant-service.js';
import { workspaceMessages } from './messages.js';
import { workspaceConversations, workspaceMessages as messagesTable } from './schema.js';

export type ConversationRow = typeof workspaceConversations.$inferSelect;
export type MessageRow = typeof messagesTable.$inferSelect;

type Deps = {
  database: Database;
  clock: Clock;
  audit: AuditEmitter;
  orgs: CachedSnapshot<OrgTree>;
  assistants: AssistantService;
  usage: UsageData;
  /** The gateway meters in batches; flushing first makes a footprint include the answer just given. */
  recorder: { flush(): Promise<void> };
};

/**
 * Conversations of one person. Every read and write is scoped to the caller's own user id, so a
 * conversation of someone else is indistinguishable from one that does not exist (RIGHTS-3: no monitoring).
 * Audit entries carry ids only, never titles or text: deleted content must really be gone.
 */
export function createConversationService(deps: Deps) {
  const { db } = deps.database;

  async function own(executor: DbOrTx, caller: Caller, id: string, lock = false): Promise<ConversationRow> {
    const owner = ownerIdOf(caller);
    if (!owner) throw notFound(workspaceMessages.conversationNotFound, 'conversation_not_found');
    const query = executor.select().from(workspaceConversations).where(and(eq(workspaceConversations.id, id), eq(workspaceConversations.userId, owner)));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound(workspaceMessages.conversationNotFound, 'conversation_not_found');
    return row;
  }

  async function messagesOf(executor: DbOrTx, conversationId: string): Promise<MessageRow[]> {
    return executor.select().from(messagesTable).where(eq(messagesTable.conversationId, conversationId)).orderBy(asc(messagesTable.position));
  }

  return {
    own,
    messagesOf,

    /** The caller's conversations, newest first; `q` searches titles and messages with German full-text search. */
    async list(caller: Caller, options: { q?: string | undefined; orgId?: string | undefined; limit?: number | undefined } = {}) {
      const userId = personalUserId(caller);
      const conditions: SQL[] = [eq(workspaceConversations.userId, userId)];
      if (options.orgId) conditions.push(eq(workspaceConversations.orgId, options.orgId));
      const q = options.q?.trim();
      const query = sql`websearch_to_tsquery('german', ${q ?? ''})`;
      // Qualified by hand: inside the subqueries an unqualified "id" would mean the message's id.
      const conversationId = sql.raw('"workspace_conversations"."id"');
      const matchingMessages = sql`select 1 from ${messagesTable} m where m.conversation_id = ${conversationId} and to_tsvector('german', m.content) @@ ${query}`;
      if (q) conditions.push(sql`(to_tsvector('german', ${workspaceConversations.title}) @@ ${query} or exists (${matchingMessages}))`);
      const snippet = q
        ? sql<string | null>`(select ts_headline('german', m.content, ${query}, 'MaxWords=18, MinWords=6, StartSel="", StopSel=""') from ${messagesTable} m
            where m.conversation_id = ${conversationId} and to_tsvector('german', m.content) @@ ${query} order by m.position limit 1)`
        : sql<null>`null`;
      return db
        .select({
          id: workspaceConversations.id,
          orgId: workspaceConversations.orgId,
          title: workspaceConversations.title,
          assistantId: workspaceConversations.assistantId,
          modelId: workspaceConversations.modelId,
          createdAt: workspaceConversations.createdAt,
          updatedAt: workspaceConversations.updatedAt,
          snippet,
        })
        .from(workspaceConversations)
        .where(and(...conditions))
        .orderBy(desc(workspaceConversations.updatedAt))
        .limit(options.limit ?? 200);
    },

    async create(caller: Caller, input: { orgId: string; title?: string | undefined; assistantId?: string | undefined; modelId?: string | undefined }) {
      const userId = personalUserId(caller);
      requirePermission(caller.principal, await deps.orgs.get(), 'model.use', input.orgId);
      if (input.assistantId) await deps.assistants.forUse(caller, input.orgId, input.assistantId);
      const now = deps.clock.now();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(workspaceConversations)
          .values({ orgId: input.orgId, userId, title: input.title ?? '', assistantId: input.assistantId ?? null, modelId: input.modelId ?? null, createdAt: now, updatedAt: now })
          .returning();
        await deps.audit(tx, caller, { action: 'workspace.conversation.create', orgId: input.orgId, targetType: 'conversation', targetId: row!.id });
        return row!;
      });
    },

    async get(caller: Caller, id: string) {
      const conversation = await own(db, caller, id);
      await deps.recorder.flush();
      const [messages, footprints] = await Promise.all([messagesOf(db, id), deps.usage.footprintOfConversations([id])]);
      return { ...conversation, messages, footprint: footprints.get(id)! };
    },

    async update(caller: Caller, id: string, patch: { title?: string | undefined; modelId?: string | null | undefined }) {
      return db.transaction(async (tx) => {
        const before = await own(tx, caller, id, true);
        const [row] = await tx
          .update(workspaceConversations)
          .set({ ...(patch.title !== undefined ? { title: patch.title } : {}), ...(patch.modelId !== undefined ? { modelId: patch.modelId } : {}) })
          .where(eq(workspaceConversations.id, id))
          .returning();
        await deps.audit(tx, caller, { action: 'workspace.conversation.update', orgId: before.orgId, targetType: 'conversation', targetId: id, metadata: { fields: Object.keys(patch) } });
        return row!;
      });
    },

    /** Deletes the conversation, its messages and any prompt texts the gateway retained for it. */
    async remove(caller: Caller, id: string): Promise<void> {
      await deps.recorder.flush();
      await db.transaction(async (tx) => {
        const before = await own(tx, caller, id, true);
        await tx.delete(workspaceConversations).where(eq(workspaceConversations.id, id));
        const clearedTexts = await deps.usage.clearTextsOfConversations([id], tx);
        await deps.audit(tx, caller, { action: 'workspace.conversation.delete', orgId: before.orgId, targetType: 'conversation', targetId: id, metadata: { clearedTexts } });
      });
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
