import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import { ServiceError } from '../core/errors.js';
import type { Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { UsageData } from '../gateway/usage-data.js';
import type { OrgNode, OrgTree } from '../identity/org-directory.js';
import { requirePermission, systemCaller, type Caller } from '../identity/principal.js';
import { personalUserId } from './access.js';
import { workspaceMessages } from './messages.js';
import { workspaceAssistants, workspaceConversations, workspaceMessages as messagesTable } from './schema.js';

/** Another module's personal data, so that export and erasure cover it too (e.g. the knowledge base's own collections). */
export interface PersonalDataSource {
  name: string;
  export(caller: Caller, userId: string): Promise<unknown>;
  erase(caller: Caller, userId: string): Promise<number>;
}

type Deps = {
  database: Database;
  clock: Clock;
  audit: AuditEmitter;
  orgs: CachedSnapshot<OrgTree>;
  orgSettings: { updateSettings(caller: Caller, orgId: string, patch: Record<string, unknown>): Promise<Record<string, unknown>> };
  usage: UsageData;
  recorder: { flush(): Promise<void> };
  sources?: PersonalDataSource[] | undefined;
};

export const RETENTION_SETTING = 'conversationRetention';
const DAY_MS = 86_400_000;

function ownDays(org: OrgNode): number | null {
  const value = (org.settings[RETENTION_SETTING] as { days?: unknown } | undefined)?.days;
  return typeof value === 'number' && value > 0 ? value : null;
}

/** The shortest period set on the organisation or above it: a chapter may tighten the federal rule, never loosen it (SOV-5). */
export function effectiveRetention(tree: OrgTree, orgId: string): { days: number; from: OrgNode } | null {
  let best: { days: number; from: OrgNode } | null = null;
  for (const org of tree.lineage(orgId)) {
    const days = ownDays(org);
    if (days !== null && (!best || days < best.days)) best = { days, from: org };
  }
  return best;
}

/** RIGHTS-2: a person's access to and erasure of their data, and the organisations' retention periods. */
export function createDataRightsService(deps: Deps) {
  const { db } = deps.database;
  const sources = deps.sources ?? [];

  return {
    /** Everything the workspace holds about the caller, as one JSON document (SOV-4: open format). */
    async exportMine(caller: Caller) {
      const userId = personalUserId(caller);
      await deps.recorder.flush();
      const conversations = await db.select().from(workspaceConversations).where(eq(workspaceConversations.userId, userId)).orderBy(asc(workspaceConversations.createdAt));
      const messages = conversations.length
        ? await db.select().from(messagesTable).where(inArray(messagesTable.conversationId, conversations.map((row) => row.id))).orderBy(asc(messagesTable.position))
        : [];
      const assistants = await db.select().from(workspaceAssistants).where(eq(workspaceAssistants.createdBy, userId));
      const other: Record<string, unknown> = {};
      for (const source of sources) other[source.name] = await source.export(caller, userId);
      const principal = caller.principal as Extract<Caller['principal'], { kind: 'user' }>;
      await db.transaction((tx) => deps.audit(tx, caller, { action: 'workspace.data.export', targetType: 'user', targetId: userId, metadata: { conversations: conversations.length } }));
      return {
        format: 'leitplanke-personal-data/1',
        exportedAt: deps.clock.now().toISOString(),
        person: { id: userId, email: principal.email, displayName: principal.displayName },
        conversations: conversations.map((conversation) => ({ ...conversation, messages: messages.filter((message) => message.conversationId === conversation.id) })),
        assistantsCreated: assistants,
        modelCalls: await deps.usage.recordsOfUser(userId),
        ...other,
      };
    },

    /**
     * Deletes the caller's conversations and messages and clears the prompt texts the gateway kept of
     * their calls. Metering figures (tokens, energy) and the audit log stay: they hold no content.
     */
    async eraseMine(caller: Caller) {
      const userId = personalUserId(caller);
      await deps.recorder.flush();
      const result = await db.transaction(async (tx) => {
        const deleted = await tx.delete(workspaceConversations).where(eq(workspaceConversations.userId, userId)).returning({ id: workspaceConversations.id });
        const clearedTexts = await deps.usage.clearTextsOfUser(userId, tx);
        await deps.audit(tx, caller, { action: 'workspace.data.erase', targetType: 'user', targetId: userId, metadata: { conversations: deleted.length, clearedTexts } });
        return { conversations: deleted.length, clearedTexts };
      });
      const other: Record<string, number> = {};
      for (const source of sources) other[source.name] = await source.erase(caller, userId);
      return { ...result, ...other };
    },

    async retention(caller: Caller, orgId: string) {
      const tree = await deps.orgs.get();
      requirePermission(caller.principal, tree, 'model.use', orgId);
      const org = tree.byId.get(orgId)!;
      const effective = effectiveRetention(tree, orgId);
      const parent = org.parentId ? effectiveRetention(tree, org.parentId) : null;
      return {
        orgId,
        days: ownDays(org),
        effectiveDays: effective?.days ?? null,
        inheritedFrom: effective && effective.from.id !== orgId ? { id: effective.from.id, name: effective.from.name } : null,
        maximumDays: parent?.days ?? null,
      };
    },

    /** `null` removes the organisation's own period (what is set above still applies). */
    async setRetention(caller: Caller, orgId: string, days: number | null) {
      const tree = await deps.orgs.get();
      requirePermission(caller.principal, tree, 'settings.manage', orgId);
      const parentId = tree.byId.get(orgId)!.parentId;
      const parent = parentId ? effectiveRetention(tree, parentId) : null;
      if (days !== null && parent && days > parent.days) {
        throw new ServiceError('VALIDATION', workspaceMessages.retentionLooserThanParent(parent.days), { reason: 'retention_looser_than_parent', fields: [{ path: 'days', message: workspaceMessages.retentionLooserThanParent(parent.days) }] });
      }
      await deps.orgSettings.updateSettings(caller, orgId, { [RETENTION_SETTING]: days === null ? null : { days } });
      return this.retention(caller, orgId);
    },

    /**
     * The retention job: conversations whose last activity is older than their organisation's period,
     * and prompt texts the gateway kept past their date. Nothing else.
     */
    async runRetention(now: Date = deps.clock.now()) {
      await deps.recorder.flush();
      const tree = await deps.orgs.get();
      const byDays = new Map<number, string[]>();
      for (const org of tree.byId.values()) {
        const effective = effectiveRetention(tree, org.id);
        if (effective) byDays.set(effective.days, [...(byDays.get(effective.days) ?? []), org.id]);
      }
      return db.transaction(async (tx) => {
        const deleted: string[] = [];
        for (const [days, orgIds] of byDays) {
          const cutoff = new Date(now.getTime() - days * DAY_MS);
          const rows = await tx
            .delete(workspaceConversations)
            .where(and(inArray(workspaceConversations.orgId, orgIds), lt(workspaceConversations.updatedAt, cutoff)))
            .returning({ id: workspaceConversations.id });
          deleted.push(...rows.map((row) => row.id));
        }
        const clearedConversationTexts = await deps.usage.clearTextsOfConversations(deleted, tx);
        const clearedExpiredTexts = await deps.usage.clearExpiredTexts(now, tx);
        const summary = { conversations: deleted.length, clearedTexts: clearedConversationTexts + clearedExpiredTexts };
        if (summary.conversations + summary.clearedTexts > 0) await deps.audit(tx, systemCaller('workspace-retention'), { action: 'workspace.retention.run', targetType: 'retention', metadata: summary });
        return summary;
      });
    },
  };
}

export type DataRightsService = ReturnType<typeof createDataRightsService>;
