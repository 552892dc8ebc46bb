import { eq, inArray } from 'drizzle-orm';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import type { Locale } from '../core/l10n.js';
import type { Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { OrgTree } from '../identity/org-directory.js';
import { can, requirePermission, type Caller } from '../identity/principal.js';
import { workspaceGuidelines, type GuidelineItem } from './schema.js';

type Deps = { database: Database; clock: Clock; audit: AuditEmitter; orgs: CachedSnapshot<OrgTree> };
type Row = typeof workspaceGuidelines.$inferSelect;

export type GuidelinesInput = {
  dos: GuidelineItem[];
  donts: GuidelineItem[];
  privacy: GuidelineItem[];
  documentUrl?: string | null | undefined;
};

/** An item as the help page shows it: in the caller's language, German where no English was written. */
export type ShownItem = GuidelineItem & { text: string };

const lists = ['dos', 'donts', 'privacy'] as const;

function shown(items: GuidelineItem[], locale: Locale): ShownItem[] {
  return items.map((item) => ({ de: item.de, en: item.en, text: locale === 'en' && item.en ? item.en : item.de }));
}

/** Empty English texts mean "none": they must not hide the German one. */
function normalised(items: GuidelineItem[]): GuidelineItem[] {
  return items.map((item) => ({ de: item.de.trim(), en: item.en?.trim() ? item.en.trim() : null }));
}

const snapshot = (row: Row) => ({ dos: row.dos, donts: row.donts, privacy: row.privacy, documentUrl: row.documentUrl });

/**
 * ACCESS-3: the organisation's AI guidelines on the help page. An organisation without its own shows
 * those of its nearest parent; with none in its line, Leitplanke's shipped texts (`source: 'default'`).
 */
export function createGuidelinesService(deps: Deps) {
  const { db } = deps.database;

  return {
    async get(caller: Caller, orgId: string) {
      const tree = await deps.orgs.get();
      requirePermission(caller.principal, tree, 'model.use', orgId);
      const lineage = tree.lineage(orgId);
      const rows = await db
        .select()
        .from(workspaceGuidelines)
        .where(inArray(workspaceGuidelines.orgId, lineage.map((org) => org.id)));
      const nearest = lineage.map((org) => ({ org, row: rows.find((row) => row.orgId === org.id) })).find((entry) => entry.row);
      const canEdit = can(caller.principal, tree, 'guidelines.manage', orgId);
      if (!nearest?.row) {
        return { orgId, source: 'default' as const, setBy: null, updatedAt: null, documentUrl: null, dos: [], donts: [], privacy: [], canEdit };
      }
      const { org, row } = nearest;
      return {
        orgId,
        source: org.id === orgId ? ('own' as const) : ('inherited' as const),
        setBy: { id: org.id, name: org.name },
        updatedAt: row.updatedAt.toISOString(),
        documentUrl: row.documentUrl,
        dos: shown(row.dos, caller.locale),
        donts: shown(row.donts, caller.locale),
        privacy: shown(row.privacy, caller.locale),
        canEdit,
      };
    },

    /** Sets the organisation's own guidelines (replacing them whole); they hold below it unless a sub-organisation sets its own. */
    async set(caller: Caller, orgId: string, input: GuidelinesInput) {
      requirePermission(caller.principal, await deps.orgs.get(), 'guidelines.manage', orgId);
      const values = {
        dos: normalised(input.dos),
        donts: normalised(input.donts),
        privacy: normalised(input.privacy),
        documentUrl: input.documentUrl?.trim() ? input.documentUrl.trim() : null,
        updatedBy: caller.principal.kind === 'user' ? caller.principal.userId : null,
        updatedAt: deps.clock.now(),
      };
      await db.transaction(async (tx) => {
        const [before] = await tx.select().from(workspaceGuidelines).where(eq(workspaceGuidelines.orgId, orgId));
        const [row] = await tx
          .insert(workspaceGuidelines)
          .values({ orgId, ...values })
          .onConflictDoUpdate({ target: workspaceGuidelines.orgId, set: values })
          .returning();
        await deps.audit(tx, caller, {
          action: 'workspace.guidelines.update',
          orgId,
          targetType: 'guidelines',
          targetId: orgId,
          ...(before ? { before: snapshot(before) } : {}),
          after: snapshot(row!),
          metadata: Object.fromEntries(lists.map((list) => [list, row![list].length])),
        });
      });
      return this.get(caller, orgId);
    },

    /** Removes the organisation's own guidelines: the parent's (or the shipped texts) apply again. */
    async reset(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await deps.orgs.get(), 'guidelines.manage', orgId);
      await db.transaction(async (tx) => {
        const [before] = await tx.delete(workspaceGuidelines).where(eq(workspaceGuidelines.orgId, orgId)).returning();
        if (before) await deps.audit(tx, caller, { action: 'workspace.guidelines.reset', orgId, targetType: 'guidelines', targetId: orgId, before: snapshot(before) });
      });
      return this.get(caller, orgId);
    },
  };
}

export type GuidelinesService = ReturnType<typeof createGuidelinesService>;
