import { CachedSnapshot } from '../db/cached-snapshot.js';
import type { Database } from '../db/connection.js';
import { organisations } from './schema.js';

export type OrgNode = { id: string; slug: string; name: string; kind: string; parentId: string | null; createdAt: Date; settings: Record<string, unknown> };

export const ORG_CHANNEL = 'leitplanke_org_changed';

/** The organisation tree, cached in memory; a committed change anywhere reloads it. */
export class OrgTree {
  readonly byId = new Map<string, OrgNode>();
  readonly bySlug = new Map<string, OrgNode>();
  readonly children = new Map<string, OrgNode[]>();

  constructor(nodes: OrgNode[]) {
    for (const node of nodes) {
      this.byId.set(node.id, node);
      this.bySlug.set(node.slug, node);
    }
    for (const node of nodes) {
      if (!node.parentId) continue;
      const siblings = this.children.get(node.parentId) ?? [];
      siblings.push(node);
      this.children.set(node.parentId, siblings);
    }
  }

  get roots(): OrgNode[] {
    return [...this.byId.values()].filter((node) => !node.parentId);
  }

  /** The node and its ancestors, nearest first. */
  lineage(id: string): OrgNode[] {
    const chain: OrgNode[] = [];
    let current = this.byId.get(id);
    while (current && chain.length <= this.byId.size) {
      chain.push(current);
      current = current.parentId ? this.byId.get(current.parentId) : undefined;
    }
    return chain;
  }

  /** The node and everything below it. */
  subtree(id: string): OrgNode[] {
    const start = this.byId.get(id);
    if (!start) return [];
    const result: OrgNode[] = [];
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      result.push(node);
      queue.push(...(this.children.get(node.id) ?? []));
    }
    return result;
  }

  isSelfOrAncestor(ancestorId: string, id: string): boolean {
    return this.lineage(id).some((node) => node.id === ancestorId);
  }
}

export function createOrgDirectory(database: Database): CachedSnapshot<OrgTree> {
  return new CachedSnapshot(database, ORG_CHANNEL, async () => {
    const rows = await database.db
      .select({
        id: organisations.id,
        slug: organisations.slug,
        name: organisations.name,
        kind: organisations.kind,
        parentId: organisations.parentId,
        createdAt: organisations.createdAt,
        settings: organisations.settings,
      })
      .from(organisations);
    return new OrgTree(rows);
  });
}
