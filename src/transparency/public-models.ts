import type { RegistryQueries } from '../registry/registry-queries.js';
import { criteria, criterionIds } from '../registry/scoring.js';

export type RegistryReadSide = Pick<RegistryQueries, 'listModels' | 'weights' | 'recentChanges'>;

/**
 * Decisions that are public (GOV-2): the same whitelist as the registry's Atom feed
 * (`/api/public/registry/changes.atom`). Authors and federation rules stay internal.
 */
const publicActions = ['model.status.change', 'model.revision.review', 'provider.status.change', 'registry.weights.set'];

function statusAfter(after: unknown): string | null {
  if (after && typeof after === 'object' && 'status' in after && typeof after.status === 'string') return after.status;
  return null;
}

/**
 * What the public model page needs beside the registry's own lists (`/api/public/registry/models`,
 * `/excluded`): the prioritisation's criteria in words (GOV-1) and the decisions as JSON.
 */
export function publicModelInfo(registry: RegistryReadSide) {
  return {
    async criteria() {
      const weights = await registry.weights();
      return {
        criteria: criterionIds.map((id) => ({ id, label: criteria[id].label, rule: criteria[id].rule, weight: weights.weights[id] })),
        updatedAt: weights.updatedAt?.toISOString() ?? null,
      };
    },

    async changes(limit = 50) {
      const rows = await registry.recentChanges(limit, publicActions);
      return rows.map((row) => ({
        seq: row.seq,
        entityType: row.entityType,
        entityId: row.entityId,
        version: row.version,
        changedAt: row.changedAt.toISOString(),
        action: row.action,
        status: statusAfter(row.after),
        reason: row.reason,
      }));
    },
  };
}
