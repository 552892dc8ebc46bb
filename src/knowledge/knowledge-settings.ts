import type { OrgTree } from '../identity/org-directory.js';

/** What an organisation sets for its knowledge base (in its settings, key `knowledge`). */
export type KnowledgeSettings = { embeddingModel: string | null; answerModel: string | null; structuringModel: string | null };

export const SETTINGS_KEY = 'knowledge';

/** The nearest setting up the tree: a chapter may choose its own models, otherwise it inherits. */
export function effectiveSettings(tree: OrgTree, orgId: string): KnowledgeSettings & { from: Record<keyof KnowledgeSettings, string | null> } {
  const result: KnowledgeSettings = { embeddingModel: null, answerModel: null, structuringModel: null };
  const from: Record<keyof KnowledgeSettings, string | null> = { embeddingModel: null, answerModel: null, structuringModel: null };
  for (const node of tree.lineage(orgId)) {
    const own = (node.settings[SETTINGS_KEY] ?? {}) as Partial<KnowledgeSettings>;
    for (const key of Object.keys(result) as (keyof KnowledgeSettings)[]) {
      const value = own[key];
      if (result[key] === null && typeof value === 'string' && value) {
        result[key] = value;
        from[key] = node.id;
      }
    }
  }
  return { ...result, from };
}
