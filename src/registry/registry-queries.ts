import { and, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { OrgTree } from '../identity/org-directory.js';
import { modelCardSchema, type ModelCard } from './model-card.js';
import type { RegistryStore } from './registry-store.js';
import { energyPer1000OutputTokensWh } from '../energy/estimate.js';
import { methodology } from '../energy/methodology.js';
import { buildScoringContext, defaultWeights, scoreModel, weightsSchema, type ModelEvaluation, type ModelScore, type Weights } from './scoring.js';
import { registryHistory, registryModels, registryOrgRules, registryProviders, registryWeights } from './schema.js';

/** Cards without a published energy figure get the energy module's estimate (ENERGY-1, GOV-5). */
function withEnergy(card: ModelCard): ModelCard {
  if (card.energy) return card;
  const whPer1kOutputTokens = energyPer1000OutputTokensWh(card);
  return whPer1kOutputTokens ? { ...card, energy: { whPer1kOutputTokens, method: 'estimated', source: methodology.sources[0]!.url } } : card;
}

/** Where evaluation results for the scoring come from (the evaluation module). */
export interface EvaluationResults {
  forModels(modelIds: string[]): Promise<Record<string, ModelEvaluation>>;
}

export type RegistryQueryDeps = { database: Database; store: RegistryStore; orgs: CachedSnapshot<OrgTree>; clock: Clock; evaluations?: EvaluationResults | undefined };

/** The read side of the registry: lists, cards with score breakdowns, history, reviews due. */
export function createRegistryQueries(deps: RegistryQueryDeps) {
  const { db } = deps.database;

  async function weights(): Promise<{ weights: Weights; version: number; updatedAt: Date | null }> {
    const root = (await deps.orgs.get()).roots[0]!;
    const [row] = await db.select().from(registryWeights).where(eq(registryWeights.orgId, root.id));
    return row ? { weights: weightsSchema.parse(row.weights), version: row.version, updatedAt: row.updatedAt } : { weights: defaultWeights, version: 0, updatedAt: null };
  }

  /** Model rows with their full cards where the card is complete (only those are scored). */
  async function cards() {
    const rows = await db.select().from(registryModels);
    return rows.map((row) => {
      const parsed = modelCardSchema.safeParse({ ...row.card, id: row.id, status: row.status, statusReason: row.statusReason, exclusionCategory: row.exclusionCategory, lastReview: row.lastReview, nextReviewDue: row.nextReviewDue ?? '2099-12-31' });
      return { row, card: parsed.success ? withEnergy(parsed.data) : undefined };
    });
  }

  async function scores(): Promise<Map<string, ModelScore>> {
    const all = await cards();
    const complete = all.flatMap((entry) => (entry.card ? [entry.card] : []));
    const evaluations = (await deps.evaluations?.forModels(complete.map((card) => card.id))) ?? {};
    const context = buildScoringContext(complete, evaluations);
    const current = (await weights()).weights;
    return new Map(complete.map((card) => [card.id, scoreModel(card, context, current)]));
  }

  return {
    weights,
    scores,

    /** Models with registry status, score, and — for an organisation — the effective status and its restrictions. */
    async listModels(orgId?: string) {
      const [snapshot, tree, scored, all] = await Promise.all([deps.store.get(), deps.orgs.get(), scores(), cards()]);
      const lineage = orgId ? tree.lineage(orgId) : [];
      const cardsById = new Map(all.map((entry) => [entry.row.id, entry]));
      return [...snapshot.models.values()]
        .map((model) => {
          const effective = orgId ? snapshot.effective(model.id, lineage) : undefined;
          const entry = cardsById.get(model.id);
          const card = entry?.row.card as Partial<ModelCard> | undefined;
          return {
            id: model.id,
            name: model.name,
            kind: model.kind,
            revision: model.revision,
            status: model.status,
            statusReason: model.statusReason,
            exclusionCategory: model.exclusionCategory,
            effectiveStatus: effective?.status ?? model.status,
            restrictions: effective?.restrictions ?? [],
            creator: card?.creator ?? null,
            licence: card?.licence ?? null,
            hosting: card?.hosting ?? [],
            parameters: card?.parameters ?? null,
            lastReview: entry?.row.lastReview ?? null,
            nextReviewDue: entry?.row.nextReviewDue ?? null,
            score: scored.get(model.id) ?? null,
            providers: model.deployments.map((deployment) => ({
              id: deployment.providerId,
              upstreamModel: deployment.upstreamModel,
              connected: !!snapshot.providers.get(deployment.providerId)?.adapter,
              zone: snapshot.providers.get(deployment.providerId)?.zone ?? null,
            })),
          };
        })
        .sort((a, b) => (b.score?.total ?? -1) - (a.score?.total ?? -1) || a.id.localeCompare(b.id));
    },

    async modelRows() {
      return db.select().from(registryModels);
    },

    async getModel(id: string) {
      const [row] = await db.select().from(registryModels).where(eq(registryModels.id, id));
      if (!row) return undefined;
      const scored = await scores();
      return { ...row, score: scored.get(id) ?? null };
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

    async history(entityType: string, entityId: string) {
      return db
        .select()
        .from(registryHistory)
        .where(and(eq(registryHistory.entityType, entityType), eq(registryHistory.entityId, entityId)))
        .orderBy(desc(registryHistory.seq));
    },

    async recentChanges(limit = 50, actions?: string[]) {
      return db
        .select()
        .from(registryHistory)
        .where(actions ? inArray(registryHistory.action, actions) : undefined)
        .orderBy(desc(registryHistory.seq))
        .limit(limit);
    },

    /** What the review board has to look at: new candidates, models under review, reviews overdue. */
    async reviewQueue() {
      const today = deps.clock.now().toISOString().slice(0, 10);
      const rows = await db.select().from(registryModels).orderBy(registryModels.nextReviewDue);
      return rows
        .filter((row) => row.status === 'candidate' || row.status === 'under_review' || (row.nextReviewDue !== null && row.nextReviewDue < today))
        .map((row) => ({
          id: row.id,
          name: row.name,
          status: row.status,
          statusReason: row.statusReason,
          lastReview: row.lastReview,
          nextReviewDue: row.nextReviewDue,
          overdue: row.nextReviewDue !== null && row.nextReviewDue < today,
          version: row.version,
        }));
    },

    /** Models whose next review is due before today (GOV-3). */
    async overdue() {
      const today = deps.clock.now().toISOString().slice(0, 10);
      return db
        .select({ id: registryModels.id, name: registryModels.name, status: registryModels.status, nextReviewDue: registryModels.nextReviewDue, lastReview: registryModels.lastReview })
        .from(registryModels)
        .where(and(isNotNull(registryModels.nextReviewDue), lt(registryModels.nextReviewDue, today)))
        .orderBy(registryModels.nextReviewDue);
    },

    /** Rules in force for an organisation: its own and its ancestors', each with where it comes from. */
    async rulesFor(orgId: string) {
      const tree = await deps.orgs.get();
      const lineage = tree.lineage(orgId);
      const rows = await db.select().from(registryOrgRules);
      return rows
        .filter((row) => lineage.some((org) => org.id === row.orgId))
        .map((row) => ({ ...row, orgName: tree.byId.get(row.orgId)?.name ?? row.orgId, inherited: row.orgId !== orgId }));
    },
  };
}

export type RegistryQueries = ReturnType<typeof createRegistryQueries>;
