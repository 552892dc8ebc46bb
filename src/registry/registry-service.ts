import { eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { SecretBox } from '../core/crypto.js';
import { ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import { canonicalJson } from '../core/canonical-json.js';
import type { Database, Tx } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import type { Caller } from '../identity/org-service.js';
import { can, requirePermission } from '../identity/principal.js';
import type { ExclusionCategory, ModelStatus } from './model-card.js';
import { registryMessages } from './messages.js';
import type { RegistryStore } from './registry-store.js';
import { recordRegistryChange, type RegistryChange } from './registry-history.js';
import { registryDeployments, registryFallbacks, registryModels, registryProviders, registryWeights } from './schema.js';
import { defaultWeights, weightsSchema, type Weights } from './scoring.js';

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

export type ProviderFactsInput = {
  id: string;
  name: string;
  kind: string;
  zone: 'own' | 'eu' | 'non-eu';
  jurisdiction: string;
  facts: Record<string, unknown>;
  status: ModelStatus;
  statusReason: Text;
  /** Connection settings without secrets (export/import); never an API key. */
  connection?: { adapter: string | null; baseUrl: string | null; apiKeyEnv: string | null; headers: Record<string, string>; options: Record<string, unknown> } | undefined;
};

export type ModelInput = {
  id: string;
  statusReason?: Text | undefined;
  exclusionCategory?: ExclusionCategory | undefined;
  nextReviewDue?: string | undefined;
  name?: string | undefined;
  kind: 'chat' | 'embedding' | 'image';
  revision?: string | undefined;
  status?: ModelStatus | undefined;
  deployments: { providerId: string; upstreamModel: string; priority?: number }[];
  fallbacks?: string[] | undefined;
  card?: Record<string, unknown> | undefined;
};

const kindOfZone = { own: 'own_server', eu: 'eu_cloud', 'non-eu': 'non_eu_platform' } as const;

/** Reviewed models are looked at again after this many days (GOV-3: regular review). */
export const REVIEW_INTERVAL_DAYS = 182;

function nextReviewDue(from: Date): string {
  return new Date(from.getTime() + REVIEW_INTERVAL_DAYS * 86_400_000).toISOString().slice(0, 10);
}

/**
 * candidate → under review → recommended | approved | exception-only | excluded. Decided models can be
 * re-reviewed or moved between decisions; exclusion is always possible; nothing goes back to candidate.
 */
export function transitionAllowed(from: ModelStatus, to: ModelStatus): boolean {
  if (to === 'candidate') return false;
  if (to === 'excluded' || to === 'under_review') return true;
  return from !== 'candidate';
}

export function createRegistryService(deps: RegistryDeps) {
  const { database, clock, audit, secrets, orgs, store } = deps;
  const { db } = database;

  async function rootId(): Promise<string> {
    return (await orgs.get()).roots[0]!.id;
  }

  const recordChange = (tx: Tx, caller: Caller, change: RegistryChange) => recordRegistryChange(tx, { clock, audit, orgs }, caller, change);

  async function afterWrite<T>(result: T): Promise<T> {
    store.invalidate();
    return result;
  }

  function sameModel(
    row: typeof registryModels.$inferSelect,
    deployments: (typeof registryDeployments.$inferSelect)[],
    fallbacks: (typeof registryFallbacks.$inferSelect)[],
    input: ModelInput,
  ): boolean {
    const key = (list: { providerId: string; upstreamModel: string }[]) => list.map((d) => `${d.providerId}=${d.upstreamModel}`).sort();
    return (
      (input.name ?? row.name) === row.name &&
      input.kind === row.kind &&
      (input.revision ?? row.revision) === row.revision &&
      canonicalJson(input.card ?? row.card) === canonicalJson(row.card) &&
      canonicalJson(key(input.deployments)) === canonicalJson(key(deployments)) &&
      (input.fallbacks === undefined || canonicalJson(input.fallbacks) === canonicalJson([...fallbacks].sort((a, b) => a.position - b.position).map((f) => f.fallbackModelId)))
    );
  }

  /** Re-importing an unchanged declaration writes nothing (no history noise at every start). */
  function sameConnection(row: typeof registryProviders.$inferSelect, input: ProviderConnectionInput): boolean {
    const storedKey = row.apiKeyCiphertext ? secrets.open(row.apiKeyCiphertext) : undefined;
    return (
      canonicalJson([row.name, row.zone, row.jurisdiction, row.location, row.adapter, row.baseUrl, row.apiKeyEnv, row.headers, row.options]) ===
        canonicalJson([input.name ?? row.name, input.zone, input.jurisdiction, input.location ?? input.jurisdiction, input.adapter, input.baseUrl ?? null, input.apiKeyEnv ?? null, input.headers ?? {}, input.options ?? {}]) &&
      (input.apiKey === undefined || input.apiKey === storedKey)
    );
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
          if (!transitionAllowed(before.status as ModelStatus, change.status)) {
            throw new ServiceError('VALIDATION', registryMessages.transitionNotAllowed(before.status, change.status), { reason: 'transition_not_allowed' });
          }
          const [after] = await tx
            .update(registryModels)
            .set({
              status: change.status,
              statusReason: text(change.reason, change.reason),
              exclusionCategory: change.status === 'excluded' ? change.exclusionCategory! : null,
              lastReview: clock.now().toISOString().slice(0, 10),
              nextReviewDue: nextReviewDue(clock.now()),
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
          if (before && sameConnection(before, input)) return before;
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
          const deploymentsBefore = before ? await tx.select().from(registryDeployments).where(eq(registryDeployments.modelId, input.id)) : [];
          const fallbacksBefore = before ? await tx.select().from(registryFallbacks).where(eq(registryFallbacks.modelId, input.id)) : [];
          if (before && sameModel(before, deploymentsBefore, fallbacksBefore, input)) return before;
          // GOV-4: a new revision of a model in use is reviewed again before it is trusted.
          const newRevision = !!before && !!input.revision && input.revision !== before.revision && ['recommended', 'approved', 'exception_only'].includes(before.status);
          const [after] = before
            ? await tx
                .update(registryModels)
                .set({
                  name: input.name ?? before.name,
                  kind: input.kind,
                  revision: input.revision ?? before.revision,
                  card: input.card ?? before.card,
                  ...(newRevision
                    ? { status: 'under_review', statusReason: text(`Neue Revision ${input.revision}: erneute Prüfung nötig.`, `New revision ${input.revision}: needs to be reviewed again.`) }
                    : {}),
                  version: before.version + 1,
                  updatedAt: clock.now(),
                })
                .where(eq(registryModels.id, input.id))
                .returning()
            : await tx
                .insert(registryModels)
                .values({
                  id: input.id,
                  name: input.name ?? input.id,
                  kind: input.kind,
                  revision: input.revision ?? 'unknown',
                  status: input.status ?? 'candidate',
                  statusReason: input.statusReason ?? (input.status ? text('Aus der Konfiguration übernommen.', 'Taken from the configuration.') : text('Neu aufgenommen, noch nicht geprüft.', 'Newly added, not yet reviewed.')),
                  exclusionCategory: input.exclusionCategory ?? null,
                  nextReviewDue: input.nextReviewDue ?? null,
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
            action: newRevision ? 'model.revision.review' : before ? 'model.update' : 'model.create',
            before: before ?? null,
            after: { ...after, deployments: input.deployments, fallbacks: input.fallbacks },
          });
          return after!;
        }),
      );
    },

    /** Provider-list facts (jurisdiction, residency, AVV, subprocessors, certifications); status only when new. */
    async upsertProviderFacts(caller: Caller, entry: ProviderFactsInput, origin: 'admin' | 'catalogue' = 'admin') {
      requirePermission(caller.principal, await orgs.get(), 'provider.manage', await rootId());
      return afterWrite(
        await db.transaction(async (tx) => {
          const [before] = await tx.select().from(registryProviders).where(eq(registryProviders.id, entry.id)).for('update');
          const values = { name: entry.name, kind: entry.kind, zone: entry.zone, jurisdiction: entry.jurisdiction, facts: entry.facts };
          if (before && canonicalJson([before.name, before.kind, before.zone, before.jurisdiction, before.facts]) === canonicalJson([values.name, values.kind, values.zone, values.jurisdiction, values.facts])) {
            return before;
          }
          const [after] = before
            ? await tx.update(registryProviders).set({ ...values, version: before.version + 1, updatedAt: clock.now() }).where(eq(registryProviders.id, entry.id)).returning()
            : await tx
                .insert(registryProviders)
                .values({ id: entry.id, ...values, location: entry.jurisdiction, status: entry.status, statusReason: entry.statusReason, origin, ...(entry.connection ?? {}) })
                .returning();
          await recordChange(tx, caller, { entityType: 'provider', entityId: entry.id, version: after!.version, action: before ? 'provider.update' : 'provider.create', before: before ?? null, after });
          return after!;
        }),
      );
    },

    async setProviderStatus(caller: Caller, providerId: string, change: { status: ModelStatus; reason: string }) {
      const tree = await orgs.get();
      if (!can(caller.principal, tree, 'registry.review', tree.roots[0]!.id)) throw new ServiceError('FORBIDDEN', registryMessages.onlyReviewers, { reason: 'not_reviewer' });
      if (!change.reason.trim()) throw new ServiceError('VALIDATION', registryMessages.reasonRequired, { reason: 'reason_required' });
      return afterWrite(
        await db.transaction(async (tx) => {
          const [before] = await tx.select().from(registryProviders).where(eq(registryProviders.id, providerId)).for('update');
          if (!before) throw new ServiceError('NOT_FOUND', registryMessages.providerNotFound(providerId));
          const [after] = await tx
            .update(registryProviders)
            .set({ status: change.status, statusReason: text(change.reason, change.reason), version: before.version + 1, updatedAt: clock.now() })
            .where(eq(registryProviders.id, providerId))
            .returning();
          await recordChange(tx, caller, {
            entityType: 'provider',
            entityId: providerId,
            version: after!.version,
            action: 'provider.status.change',
            reason: change.reason,
            before: { status: before.status, statusReason: before.statusReason },
            after: { status: after!.status, statusReason: after!.statusReason },
          });
          return after!;
        }),
      );
    },

    /** The published prioritisation's weights: set by the federal (root) organisation, versioned and audited. */
    async setWeights(caller: Caller, weights: Weights, reason: string) {
      const tree = await orgs.get();
      const root = tree.roots[0]!.id;
      requirePermission(caller.principal, tree, 'registry.weights', root);
      if (!reason.trim()) throw new ServiceError('VALIDATION', registryMessages.reasonRequired, { reason: 'reason_required' });
      const checked = weightsSchema.parse(weights);
      return afterWrite(
        await db.transaction(async (tx) => {
          const [before] = await tx.select().from(registryWeights).where(eq(registryWeights.orgId, root)).for('update');
          const version = (before?.version ?? 0) + 1;
          await tx
            .insert(registryWeights)
            .values({ orgId: root, weights: checked, version, updatedAt: clock.now() })
            .onConflictDoUpdate({ target: registryWeights.orgId, set: { weights: checked, version, updatedAt: clock.now() } });
          await recordChange(tx, caller, { entityType: 'weights', entityId: 'scoring', version, action: 'registry.weights.set', reason, before: before?.weights ?? defaultWeights, after: checked });
          return { weights: checked, version };
        }),
      );
    },

  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
