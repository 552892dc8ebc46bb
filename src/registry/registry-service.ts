import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import type { SecretBox } from '../core/crypto.js';
import { ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import { notify, type Database, type Tx } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import type { Caller } from '../identity/org-service.js';
import { can, requirePermission } from '../identity/principal.js';
import { identityMessages } from '../identity/messages.js';
import type { ExclusionCategory, ModelStatus } from './model-card.js';
import { registryMessages } from './messages.js';
import { REGISTRY_CHANNEL, type RegistryStore } from './registry-store.js';
import { registryDeployments, registryFallbacks, registryHistory, registryModels, registryOrgRules, registryProviders } from './schema.js';
import type { RuleEffect } from './registry-snapshot.js';

export type RegistryDeps = {
  database: Database;
  clock: Clock;
  audit: AuditEmitter;
  secrets: SecretBox;
  orgs: CachedSnapshot<OrgTree>;
  store: RegistryStore;
  knownAdapters: () => string[];
};

export type StatusChange = { status: ModelStatus; reason: string; exclusionCategory?: ExclusionCategory | undefined; expectedVersion?: number | undefined };

export type ProviderConnectionInput = {
  id: string;
  name?: string | undefined;
  adapter: string;
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  apiKeyEnv?: string | undefined;
  headers?: Record<string, string> | undefined;
  zone: 'own' | 'eu' | 'non-eu';
  jurisdiction: string;
  location?: string | undefined;
  options?: Record<string, unknown> | undefined;
  dpaStatus?: string | undefined;
};

export type ModelInput = {
  id: string;
  name?: string | undefined;
  kind: 'chat' | 'embedding' | 'image';
  revision?: string | undefined;
  status?: ModelStatus | undefined;
  deployments: { providerId: string; upstreamModel: string; priority?: number }[];
  fallbacks?: string[] | undefined;
  card?: Record<string, unknown> | undefined;
};

const kindOfZone = { own: 'own_server', eu: 'eu_cloud', 'non-eu': 'non_eu_platform' } as const;

export function createRegistryService(deps: RegistryDeps) {
  const { database, clock, audit, secrets, orgs, store } = deps;
  const { db } = database;

  async function rootId(): Promise<string> {
    return (await orgs.get()).roots[0]!.id;
  }

  /** History row + audit entry + NOTIFY, all in the writing transaction. */
  async function recordChange(
    tx: Tx,
    caller: Caller,
    change: { entityType: string; entityId: string; version: number; action: string; reason?: string; orgId?: string | null; before?: unknown; after?: unknown },
  ): Promise<void> {
    await tx.insert(registryHistory).values({
      entityType: change.entityType,
      entityId: change.entityId,
      version: change.version,
      changedAt: clock.now(),
      actorLabel: caller.actor.label,
      orgId: change.orgId ?? null,
      action: change.action,
      reason: change.reason ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
    });
    await audit(tx, caller, {
      action: change.action,
      orgId: change.orgId ?? (await rootId()),
      targetType: change.entityType,
      targetId: change.entityId,
      before: change.before,
      after: change.after,
      metadata: change.reason ? { reason: change.reason } : undefined,
    });
    await notify(tx, REGISTRY_CHANNEL);
  }

  async function afterWrite<T>(result: T): Promise<T> {
    store.invalidate();
    return result;
  }

  function checkAdapter(adapter: string, baseUrl: string | undefined): void {
    const known = deps.knownAdapters();
    if (!known.includes(adapter)) throw new ServiceError('VALIDATION', registryMessages.unknownAdapter(adapter, known), { reason: 'unknown_adapter' });
    if (adapter !== 'llama-cpp' && !baseUrl) throw new ServiceError('VALIDATION', registryMessages.baseUrlRequired(adapter), { reason: 'base_url_required' });
  }

  return {
    store,

    /** Status changes are the review board's: reviewers of the root organisation, always with a reason. */
    async setModelStatus(caller: Caller, modelId: string, change: StatusChange) {
      const tree = await orgs.get();
      if (!can(caller.principal, tree, 'registry.review', tree.roots[0]!.id)) {
        throw new ServiceError('FORBIDDEN', registryMessages.onlyReviewers, { reason: 'not_reviewer' });
      }
      if (!change.reason.trim()) throw new ServiceError('VALIDATION', registryMessages.reasonRequired, { reason: 'reason_required' });
      if (change.status === 'excluded' && !change.exclusionCategory) {
        throw new ServiceError('VALIDATION', registryMessages.exclusionCategoryRequired, { reason: 'exclusion_category_required' });
      }
      return afterWrite(
        await db.transaction(async (tx) => {
          const [before] = await tx.select().from(registryModels).where(eq(registryModels.id, modelId)).for('update');
          if (!before) throw new ServiceError('NOT_FOUND', registryMessages.modelNotFound(modelId));
          if (change.expectedVersion !== undefined && change.expectedVersion !== before.version) {
            throw new ServiceError('CONFLICT', registryMessages.staleVersion(before.name), { reason: 'stale_version' });
          }
          const [after] = await tx
            .update(registryModels)
            .set({
              status: change.status,
              statusReason: text(change.reason, change.reason),
              exclusionCategory: change.status === 'excluded' ? change.exclusionCategory! : null,
              lastReview: clock.now().toISOString().slice(0, 10),
              version: before.version + 1,
              updatedAt: clock.now(),
            })
            .where(eq(registryModels.id, modelId))
            .returning();
          const summary = (row: typeof before) => ({ status: row.status, statusReason: row.statusReason, exclusionCategory: row.exclusionCategory, version: row.version });
          await recordChange(tx, caller, {
            entityType: 'model',
            entityId: modelId,
            version: after!.version,
            action: 'model.status.change',
            reason: change.reason,
            before: summary(before),
            after: summary(after!),
          });
          return after!;
        }),
      );
    },

    /** Connects (or reconnects) a provider; the API key is encrypted at rest. Root admins only. */
    async connectProvider(caller: Caller, input: ProviderConnectionInput, origin: 'admin' | 'config' = 'admin') {
      requirePermission(caller.principal, await orgs.get(), 'provider.manage', await rootId());
      checkAdapter(input.adapter, input.baseUrl);
      return afterWrite(
        await db.transaction(async (tx) => {
          const [before] = await tx.select().from(registryProviders).where(eq(registryProviders.id, input.id)).for('update');
          const values = {
            name: input.name ?? before?.name ?? input.id,
            kind: before?.kind ?? kindOfZone[input.zone],
            zone: input.zone,
            jurisdiction: input.jurisdiction,
            location: input.location ?? input.jurisdiction,
            adapter: input.adapter,
            baseUrl: input.baseUrl ?? null,
            apiKeyCiphertext: input.apiKey ? secrets.seal(input.apiKey) : input.apiKeyEnv ? null : (before?.apiKeyCiphertext ?? null),
            apiKeyEnv: input.apiKeyEnv ?? null,
            headers: input.headers ?? {},
            options: input.options ?? {},
            facts: { ...(before?.facts ?? {}), ...(input.dpaStatus ? { dpa: { status: input.dpaStatus, signedOn: null, template: null } } : {}) },
            updatedAt: clock.now(),
          };
          const [after] = before
            ? await tx.update(registryProviders).set({ ...values, version: before.version + 1 }).where(eq(registryProviders.id, input.id)).returning()
            : await tx
                .insert(registryProviders)
                .values({ id: input.id, ...values, status: 'approved', statusReason: text('Von der Administration angebunden.', 'Connected by the administrators.'), origin })
                .returning();
          const visible = (row: typeof after) => row && { ...row, apiKeyCiphertext: row.apiKeyCiphertext ? '[encrypted]' : null };
          await recordChange(tx, caller, {
            entityType: 'provider',
            entityId: input.id,
            version: after!.version,
            action: before ? 'provider.update' : 'provider.connect',
            before: visible(before),
            after: visible(after),
          });
          return after!;
        }),
      );
    },

    /** Adds a model (or replaces its deployments); new models start as candidates unless a status is given. */
    async upsertModel(caller: Caller, input: ModelInput, origin: 'admin' | 'config' | 'catalogue' = 'admin') {
      requirePermission(caller.principal, await orgs.get(), 'provider.manage', await rootId());
      return afterWrite(
        await db.transaction(async (tx) => {
          const [before] = await tx.select().from(registryModels).where(eq(registryModels.id, input.id)).for('update');
          const status = before ? before.status : (input.status ?? 'candidate');
          const reason = before?.statusReason ?? text('Neu aufgenommen, noch nicht geprüft.', 'Newly added, not yet reviewed.');
          const [after] = before
            ? await tx
                .update(registryModels)
                .set({ name: input.name ?? before.name, kind: input.kind, revision: input.revision ?? before.revision, card: input.card ?? before.card, version: before.version + 1, updatedAt: clock.now() })
                .where(eq(registryModels.id, input.id))
                .returning()
            : await tx
                .insert(registryModels)
                .values({
                  id: input.id,
                  name: input.name ?? input.id,
                  kind: input.kind,
                  revision: input.revision ?? 'unknown',
                  status,
                  statusReason: input.status ? text('Aus der Konfiguration übernommen.', 'Taken from the configuration.') : reason,
                  card: input.card ?? {},
                  origin,
                })
                .returning();
          await tx.delete(registryDeployments).where(eq(registryDeployments.modelId, input.id));
          if (input.deployments.length > 0) {
            await tx.insert(registryDeployments).values(
              input.deployments.map((deployment, index) => ({ modelId: input.id, providerId: deployment.providerId, upstreamModel: deployment.upstreamModel, priority: deployment.priority ?? index })),
            );
          }
          if (input.fallbacks) {
            await tx.delete(registryFallbacks).where(eq(registryFallbacks.modelId, input.id));
            if (input.fallbacks.length > 0) {
              await tx.insert(registryFallbacks).values(input.fallbacks.map((fallbackModelId, position) => ({ modelId: input.id, fallbackModelId, position })));
            }
          }
          await recordChange(tx, caller, {
            entityType: 'model',
            entityId: input.id,
            version: after!.version,
            action: before ? 'model.update' : 'model.create',
            before: before ?? null,
            after: { ...after, deployments: input.deployments, fallbacks: input.fallbacks },
          });
          return after!;
        }),
      );
    },

    /** A tightening rule for an organisation and everything below it (reviewers or admins of that organisation). */
    async addOrgRule(caller: Caller, orgId: string, rule: { targetType: 'model' | 'provider' | 'zone'; targetId: string; effect: RuleEffect; roles?: string[]; reason: string }) {
      const tree = await orgs.get();
      if (!tree.byId.has(orgId)) throw new ServiceError('NOT_FOUND', identityMessages.orgNotFound);
      if (!can(caller.principal, tree, 'registry.review', orgId) && !can(caller.principal, tree, 'org.manage', orgId)) {
        throw new ServiceError('FORBIDDEN', identityMessages.forbidden, { reason: 'missing_permission:registry.rules' });
      }
      if (!rule.reason.trim()) throw new ServiceError('VALIDATION', registryMessages.reasonRequired, { reason: 'reason_required' });
      return afterWrite(
        await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(registryOrgRules)
            .values({ orgId, targetType: rule.targetType, targetId: rule.targetId, effect: rule.effect, roles: rule.roles ?? [], reason: rule.reason, createdBy: caller.actor.label, createdAt: clock.now() })
            .returning();
          await recordChange(tx, caller, { entityType: 'org_rule', entityId: created!.id, version: 1, action: 'registry.rule.add', orgId, reason: rule.reason, after: created });
          return created!;
        }),
      );
    },

    async removeOrgRule(caller: Caller, orgId: string, ruleId: string, reason: string) {
      const tree = await orgs.get();
      if (!can(caller.principal, tree, 'registry.review', orgId) && !can(caller.principal, tree, 'org.manage', orgId)) {
        throw new ServiceError('FORBIDDEN', identityMessages.forbidden, { reason: 'missing_permission:registry.rules' });
      }
      return afterWrite(
        await db.transaction(async (tx) => {
          const [removed] = await tx.delete(registryOrgRules).where(and(eq(registryOrgRules.id, ruleId), eq(registryOrgRules.orgId, orgId))).returning();
          if (!removed) throw new ServiceError('NOT_FOUND', registryMessages.ruleNotFound);
          await recordChange(tx, caller, { entityType: 'org_rule', entityId: ruleId, version: 2, action: 'registry.rule.remove', orgId, reason, before: removed });
          return removed;
        }),
      );
    },

    async history(entityType: string, entityId: string) {
      return db
        .select()
        .from(registryHistory)
        .where(and(eq(registryHistory.entityType, entityType), eq(registryHistory.entityId, entityId)))
        .orderBy(desc(registryHistory.seq));
    },

    /**
     * Providers and models declared in LEITPLANKE_CONFIG, imported at every start. A model's status is
     * taken from the file only when it is new: afterwards the review board governs it in the registry.
     */
    async importDeclarations(caller: Caller, config: Config, env: NodeJS.ProcessEnv = process.env): Promise<Text[]> {
      const warnings: Text[] = [];
      for (const provider of config.providers) {
        if (provider.api_key_env && !env[provider.api_key_env]) {
          warnings.push(
            text(
              `Anbieter „${provider.id}“: Umgebungsvariable ${provider.api_key_env} ist nicht gesetzt.`,
              `Provider "${provider.id}": environment variable ${provider.api_key_env} is not set.`,
            ),
          );
        }
        await this.connectProvider(
          caller,
          {
            id: provider.id,
            name: provider.name,
            adapter: provider.type,
            baseUrl: provider.base_url,
            apiKeyEnv: provider.api_key_env,
            headers: provider.headers,
            zone: provider.zone,
            jurisdiction: provider.jurisdiction,
            location: provider.location,
            options: { ...(provider.options ?? {}), ...(provider.timeout_ms ? { timeoutMs: provider.timeout_ms } : {}), ...(provider.max_retries !== undefined ? { maxRetries: provider.max_retries } : {}) },
            dpaStatus: provider.dpa_status,
          },
          'config',
        );
      }
      for (const model of config.models) {
        await this.upsertModel(
          caller,
          {
            id: model.id,
            name: model.name,
            kind: model.kind,
            status: model.status,
            deployments: [{ providerId: model.provider, upstreamModel: model.upstream_model }],
            card: {
              parameters: { activeB: model.active_parameters_b ?? null, totalB: model.total_parameters_b ?? null },
              contextLength: model.context_length ?? null,
            },
          },
          'config',
        );
      }
      // Fallbacks point at other declared models, so they are set once all of them exist.
      for (const model of config.models.filter((entry) => entry.fallback)) {
        await this.upsertModel(
          caller,
          { id: model.id, kind: model.kind, deployments: [{ providerId: model.provider, upstreamModel: model.upstream_model }], fallbacks: model.fallback },
          'config',
        );
      }
      return warnings;
    },

    /** Models with their registry status, and — for an organisation — the effective status there. */
    async listModels(orgId?: string) {
      const [snapshot, tree] = await Promise.all([store.get(), orgs.get()]);
      const lineage = orgId ? tree.lineage(orgId) : [];
      return [...snapshot.models.values()]
        .map((model) => {
          const effective = orgId ? snapshot.effective(model.id, lineage) : undefined;
          return {
            id: model.id,
            name: model.name,
            kind: model.kind,
            revision: model.revision,
            status: model.status,
            statusReason: model.statusReason,
            effectiveStatus: effective?.status ?? model.status,
            restrictions: effective?.restrictions ?? [],
            providers: model.deployments.map((deployment) => ({
              id: deployment.providerId,
              upstreamModel: deployment.upstreamModel,
              connected: !!snapshot.providers.get(deployment.providerId)?.adapter,
              zone: snapshot.providers.get(deployment.providerId)?.zone ?? null,
            })),
          };
        })
        .sort((a, b) => a.id.localeCompare(b.id));
    },

    /** Providers without their secrets (only whether a key is set). */
    async listProviders() {
      const rows = await db.select().from(registryProviders);
      return rows
        .map(({ apiKeyCiphertext, ...row }) => ({ ...row, hasApiKey: !!apiKeyCiphertext || !!row.apiKeyEnv }))
        .sort((a, b) => a.id.localeCompare(b.id));
    },

    async getProviderRow(id: string) {
      const [row] = await db.select().from(registryProviders).where(eq(registryProviders.id, id));
      return row;
    },

    async listRules(orgIds: string[]) {
      const rows = await db.select().from(registryOrgRules);
      return rows.filter((row) => orgIds.includes(row.orgId));
    },
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
