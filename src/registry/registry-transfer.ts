import { asc } from 'drizzle-orm';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import type { Database } from '../db/connection.js';
import type { Caller } from '../identity/principal.js';
import type { Catalogue } from './catalogue.js';
import { exclusionCategories, modelStatuses, type ModelCard, type ModelStatus, type ProviderEntry } from './model-card.js';
import type { RegistryQueries } from './registry-queries.js';
import type { RegistryService } from './registry-service.js';
import { weightsSchema } from './scoring.js';
import { registryDeployments, registryFallbacks, registryModels, registryProviders } from './schema.js';

/**
 * The registry in open formats (SOV-4, issue 4 item 9): one document with providers, models (their
 * cards, status decisions and deployments) and weights, as YAML or JSON, so a review board can keep
 * it in git and review changes as diffs. Secrets never leave: only the name of a key's variable.
 */
const textSchema = z.object({ de: z.string(), en: z.string() });

const providerDocument = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.string().min(1),
  zone: z.enum(['own', 'eu', 'non-eu']),
  jurisdiction: z.string().length(2),
  status: z.enum(modelStatuses),
  statusReason: textSchema,
  facts: z.record(z.string(), z.unknown()).default({}),
  connection: z
    .object({
      adapter: z.string().nullable(),
      baseUrl: z.string().nullable(),
      apiKeyEnv: z.string().nullable(),
      headers: z.record(z.string(), z.string()).default({}),
      options: z.record(z.string(), z.unknown()).default({}),
    })
    .nullable()
    .default(null),
});

const modelDocument = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['chat', 'embedding', 'image']),
  revision: z.string().min(1),
  status: z.enum(modelStatuses),
  statusReason: textSchema,
  exclusionCategory: z.enum(exclusionCategories).nullable().default(null),
  nextReviewDue: z.string().nullable().default(null),
  deployments: z.array(z.object({ provider: z.string(), upstreamModel: z.string() })).default([]),
  fallbacks: z.array(z.string()).default([]),
  card: z.record(z.string(), z.unknown()).default({}),
});

export const registryDocumentSchema = z.object({
  format: z.literal('leitplanke-registry'),
  version: z.literal(1),
  weights: weightsSchema.optional(),
  providers: z.array(providerDocument),
  models: z.array(modelDocument),
});
export type RegistryDocument = z.infer<typeof registryDocumentSchema>;

export type ImportSummary = { created: string[]; updated: string[]; unchanged: string[]; statusChanged: string[] };

const invalidDocument = (problems: string[]) =>
  new ServiceError('VALIDATION', text('Das Registerdokument ist ungültig.', 'The registry document is invalid.'), { reason: 'registry_document_invalid', extra: { problems } });

export function createRegistryTransfer(deps: { database: Database; service: RegistryService; queries: RegistryQueries }) {
  const { db } = deps.database;

  async function exportDocument(): Promise<RegistryDocument> {
    const [providers, models, deployments, fallbacks, weights] = await Promise.all([
      db.select().from(registryProviders).orderBy(asc(registryProviders.id)),
      db.select().from(registryModels).orderBy(asc(registryModels.id)),
      db.select().from(registryDeployments).orderBy(asc(registryDeployments.priority)),
      db.select().from(registryFallbacks).orderBy(asc(registryFallbacks.position)),
      deps.queries.weights(),
    ]);
    return {
      format: 'leitplanke-registry',
      version: 1,
      ...(weights.version > 0 ? { weights: weights.weights } : {}),
      providers: providers.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        zone: row.zone as 'own' | 'eu' | 'non-eu',
        jurisdiction: row.jurisdiction,
        status: row.status as ModelStatus,
        statusReason: row.statusReason,
        facts: row.facts,
        connection: row.adapter ? { adapter: row.adapter, baseUrl: row.baseUrl, apiKeyEnv: row.apiKeyEnv, headers: row.headers, options: row.options } : null,
      })),
      models: models.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind as 'chat' | 'embedding' | 'image',
        revision: row.revision,
        status: row.status as ModelStatus,
        statusReason: row.statusReason,
        exclusionCategory: row.exclusionCategory as RegistryDocument['models'][number]['exclusionCategory'],
        nextReviewDue: row.nextReviewDue,
        deployments: deployments.filter((deployment) => deployment.modelId === row.id).map((deployment) => ({ provider: deployment.providerId, upstreamModel: deployment.upstreamModel })),
        fallbacks: fallbacks.filter((fallback) => fallback.modelId === row.id).map((fallback) => fallback.fallbackModelId),
        card: row.card,
      })),
    };
  }

  function parseDocument(source: string, format: 'yaml' | 'json'): RegistryDocument {
    let data: unknown;
    try {
      data = format === 'json' ? JSON.parse(source) : parseYaml(source);
    } catch (error) {
      throw invalidDocument([`not valid ${format.toUpperCase()}: ${(error as Error).message}`]);
    }
    const parsed = registryDocumentSchema.safeParse(data);
    if (!parsed.success) throw invalidDocument(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    return parsed.data;
  }

  /**
   * Applies a document. New entries are created with their status; existing ones get their facts
   * updated, and a different status goes through the review board's status change (with its rules).
   * `insertOnly` leaves existing entries alone (used to seed the shipped catalogue).
   */
  async function importDocument(caller: Caller, document: RegistryDocument, options: { insertOnly?: boolean } = {}): Promise<ImportSummary> {
    const summary: ImportSummary = { created: [], updated: [], unchanged: [], statusChanged: [] };
    const existingProviders = new Map((await db.select().from(registryProviders)).map((row) => [row.id, row]));
    for (const provider of document.providers) {
      const before = existingProviders.get(provider.id);
      if (before && options.insertOnly) continue;
      const after = await deps.service.upsertProviderFacts(caller, { ...provider, connection: provider.connection ?? undefined }, 'catalogue');
      record(summary, provider.id, before, after);
      if (before && before.status !== provider.status) {
        await deps.service.setProviderStatus(caller, provider.id, { status: provider.status, reason: provider.statusReason.de });
        summary.statusChanged.push(provider.id);
      }
    }
    const existingModels = new Map((await db.select().from(registryModels)).map((row) => [row.id, row]));
    for (const pass of ['models', 'fallbacks'] as const) {
      for (const model of document.models) {
        const before = existingModels.get(model.id);
        if (before && options.insertOnly) continue;
        if (pass === 'fallbacks' && model.fallbacks.length === 0) continue;
        const after = await deps.service.upsertModel(
          caller,
          {
            id: model.id,
            name: model.name,
            kind: model.kind,
            revision: model.revision,
            status: model.status,
            statusReason: model.statusReason,
            exclusionCategory: model.exclusionCategory ?? undefined,
            nextReviewDue: model.nextReviewDue ?? undefined,
            card: model.card,
            deployments: model.deployments.map((deployment) => ({ providerId: deployment.provider, upstreamModel: deployment.upstreamModel })),
            ...(pass === 'fallbacks' ? { fallbacks: model.fallbacks } : {}),
          },
          'catalogue',
        );
        if (pass === 'fallbacks') continue;
        record(summary, model.id, before, after);
        if (before && before.status !== model.status) {
          await deps.service.setModelStatus(caller, model.id, { status: model.status, reason: model.statusReason.de, exclusionCategory: model.exclusionCategory ?? undefined });
          summary.statusChanged.push(model.id);
        }
      }
    }
    if (document.weights && !options.insertOnly) await deps.service.setWeights(caller, document.weights, 'Import');
    return summary;
  }

  return {
    exportDocument,
    parseDocument,
    importDocument,
    toYaml: (document: RegistryDocument) => stringifyYaml(document, { lineWidth: 0 }),
    toJson: (document: RegistryDocument) => JSON.stringify(document, null, 2),

    /** Seeds the shipped catalogue: entries not yet in the registry are added, reviewed ones are never touched. */
    async seedCatalogue(caller: Caller, catalogue: Catalogue): Promise<ImportSummary> {
      return importDocument(caller, catalogueDocument(catalogue), { insertOnly: true });
    },
  };
}

function record(summary: ImportSummary, id: string, before: { version: number } | undefined, after: { version: number }): void {
  if (!before) summary.created.push(id);
  else if (after.version !== before.version) summary.updated.push(id);
  else summary.unchanged.push(id);
}

/** The shipped catalogue in the document shape: cards become model entries, offerings deployments. */
export function catalogueDocument(catalogue: Catalogue): RegistryDocument {
  const reason = (value: Text) => ({ de: value.de, en: value.en });
  return {
    format: 'leitplanke-registry',
    version: 1,
    providers: catalogue.providers.map((entry: ProviderEntry) => {
      const { id, name, kind, zone, jurisdiction, status, statusReason, ...facts } = entry;
      return { id, name, kind, zone, jurisdiction, status, statusReason: reason(statusReason), facts, connection: null };
    }),
    models: catalogue.models.map((card: ModelCard) => ({
      id: card.id,
      name: card.name,
      kind: card.kind,
      revision: card.revision,
      status: card.status,
      statusReason: reason(card.statusReason),
      exclusionCategory: card.exclusionCategory,
      nextReviewDue: card.nextReviewDue,
      deployments: card.providers.map((offering) => ({ provider: offering.provider, upstreamModel: offering.upstreamModel })),
      fallbacks: [],
      card: card as unknown as Record<string, unknown>,
    })),
  };
}
