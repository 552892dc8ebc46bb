import { asc } from 'drizzle-orm';
import type { SecretBox } from '../core/crypto.js';
import type { Zone } from '../core/config.js';
import { CachedSnapshot } from '../db/cached-snapshot.js';
import type { Database } from '../db/connection.js';
import type { OrgTree } from '../identity/org-directory.js';
import type { ModelStatus } from './model-card.js';
import { RegistrySnapshot, type ModelEntry, type OrgRule, type ProviderConnection } from './registry-snapshot.js';
import { registryDeployments, registryFallbacks, registryModels, registryOrgRules, registryProviders } from './schema.js';

export const REGISTRY_CHANNEL = 'leitplanke_registry_changed';

type CardNumbers = {
  parameters?: { activeB?: number | null; totalB?: number | null };
  energy?: { whPer1kOutputTokens?: number } | null;
  contextLength?: number | null;
};

/** Loads the registry into an immutable snapshot, reloaded on every instance after any change. */
export function createRegistryStore(database: Database, secrets: SecretBox, orgs: CachedSnapshot<OrgTree>, env: NodeJS.ProcessEnv = process.env) {
  const { db } = database;
  return new CachedSnapshot(database, REGISTRY_CHANNEL, async () => {
    const [providerRows, modelRows, deploymentRows, fallbackRows, ruleRows, tree] = await Promise.all([
      db.select().from(registryProviders),
      db.select().from(registryModels),
      db.select().from(registryDeployments),
      db.select().from(registryFallbacks).orderBy(asc(registryFallbacks.position)),
      db.select().from(registryOrgRules),
      orgs.get(),
    ]);
    const providers = new Map<string, ProviderConnection>(
      providerRows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name,
          kind: row.kind,
          zone: row.zone as Zone,
          jurisdiction: row.jurisdiction,
          location: row.location,
          adapter: row.adapter,
          baseUrl: row.baseUrl,
          apiKey: row.apiKeyCiphertext ? secrets.open(row.apiKeyCiphertext) : row.apiKeyEnv ? env[row.apiKeyEnv] : undefined,
          headers: row.headers,
          options: row.options,
          status: row.status as ModelStatus,
          statusReason: row.statusReason,
        },
      ]),
    );
    const models = new Map<string, ModelEntry>(
      modelRows.map((row) => {
        const card = row.card as CardNumbers;
        return [
          row.id,
          {
            id: row.id,
            name: row.name,
            kind: row.kind as ModelEntry['kind'],
            revision: row.revision,
            status: row.status as ModelStatus,
            statusReason: row.statusReason,
            exclusionCategory: row.exclusionCategory,
            deployments: deploymentRows
              .filter((deployment) => deployment.modelId === row.id)
              .map(({ providerId, upstreamModel, priority }) => ({ providerId, upstreamModel, priority })),
            fallbacks: fallbackRows.filter((fallback) => fallback.modelId === row.id).map((fallback) => fallback.fallbackModelId),
            activeParametersB: card.parameters?.activeB ?? card.parameters?.totalB ?? null,
            totalParametersB: card.parameters?.totalB ?? null,
            energyWhPer1kOutputTokens: card.energy?.whPer1kOutputTokens ?? null,
            contextLength: card.contextLength ?? null,
          },
        ];
      }),
    );
    const rules: OrgRule[] = ruleRows.map((row) => ({
      id: row.id,
      orgId: row.orgId,
      orgName: tree.byId.get(row.orgId)?.name ?? row.orgId,
      targetType: row.targetType as OrgRule['targetType'],
      targetId: row.targetId,
      effect: row.effect as OrgRule['effect'],
      roles: row.roles,
      reason: row.reason,
    }));
    return new RegistrySnapshot(models, providers, rules);
  });
}

export type RegistryStore = ReturnType<typeof createRegistryStore>;
