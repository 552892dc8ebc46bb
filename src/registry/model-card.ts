import { z } from 'zod';
import { zones } from '../core/config.js';

/**
 * Model cards and provider entries of the registry (issue 4, items 1 and 4). Pure data: the schemas
 * are the contract for storage, export/import and the UI. Every fact names its source or is listed in
 * `unverified`; governance fields (status, reviews) are decisions, not facts.
 */

const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, . _ -');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');
/** ISO 3166-1 alpha-2; `EU` (reserved code) stands for a multinational EU consortium. */
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code, upper case');
const url = z.string().url();
const text = z.strictObject({ de: z.string().min(1), en: z.string().min(1) });

export const modelStatuses = [
  'candidate',
  'under_review',
  'recommended',
  'approved',
  'exception_only',
  'excluded',
] as const;
export type ModelStatus = (typeof modelStatuses)[number];

export const exclusionCategories = [
  'political_manipulation',
  'failed_bias_tests',
  'security',
  'data_protection',
  'licence_copyright',
  'other',
] as const;
export type ExclusionCategory = (typeof exclusionCategories)[number];

/** Who set the status: a shipped default still waits for the review board to confirm it. */
export const statusDeciders = ['catalogue_default', 'review_board'] as const;

/** The European Open Source AI Index's parameters (osai-index `_parameters.yml`), in its order. */
export const opennessDimensions = [
  'datasources_basemodel',
  'datasources_endmodel',
  'weights_basemodel',
  'weights_endmodel',
  'trainingcode',
  'code',
  'hardware_architecture',
  'preprint',
  'paper',
  'modelcard',
  'datasheet',
  'licenses',
] as const;
export type OpennessDimension = (typeof opennessDimensions)[number];
export const opennessRatings = ['open', 'partial', 'closed', 'unknown'] as const;
export type OpennessRating = (typeof opennessRatings)[number];

const opennessEntry = z.strictObject({
  rating: z.enum(opennessRatings),
  /** Evidence for this dimension (the index's link), if any. */
  evidence: z.array(url).default([]),
  note: z.string().optional(),
});

export const opennessSchema = z.strictObject({
  assessedBy: z.string().min(1),
  /** The exact model the assessment covers; may be a sibling of the card's model (then also list it in `unverified`). */
  assessedModel: z.string().min(1),
  source: url,
  /** Date of the assessment, or of the snapshot it was taken from; null if the source gives none. */
  date: isoDate.nullable(),
  dimensions: z.strictObject(
    Object.fromEntries(opennessDimensions.map((d) => [d, opennessEntry])) as Record<
      OpennessDimension,
      typeof opennessEntry
    >,
  ),
});
export type Openness = z.output<typeof opennessSchema>;

export const trainingDataTransparency = ['documented', 'partial', 'undisclosed'] as const;
export const creatorCompensation = ['licensed_and_paid', 'opt_out_respected', 'none', 'unknown'] as const;
export const modelKinds = ['chat', 'embedding', 'image'] as const;
/** `vector`: the output of an embedding model. */
export const modalities = ['text', 'image', 'audio', 'video', 'vector'] as const;
export type Modality = (typeof modalities)[number];

/** Facts a card states; each is either covered by a source or listed in `unverified`. */
export const modelFacts = [
  'revision',
  'creator',
  'parameters',
  'licence',
  'openness',
  'trainingData',
  'creatorCompensation',
  'hosting',
  'contextLength',
  'languages',
  'germanQuality',
  'modalities',
  'energy',
] as const;
export type ModelFact = (typeof modelFacts)[number];
/** An offering by a provider is a fact of its own: `providers.<provider id>`. */
export type ModelFactKey = ModelFact | `providers.${string}`;

const factKey = z
  .string()
  .refine(
    (key) => (modelFacts as readonly string[]).includes(key) || /^providers\.[a-z0-9][a-z0-9._-]*$/.test(key),
    {
      message: `one of ${modelFacts.join(', ')} or providers.<id>`,
    },
  );

export const sourceSchema = z.strictObject({
  url,
  title: z.string().min(1),
  /** When the source was read. */
  retrieved: isoDate,
  covers: z.array(factKey).min(1),
});
export type Source = z.output<typeof sourceSchema>;

const offering = z.strictObject({
  provider: slug,
  /** The model's name at that provider (API model id or Hugging Face repository). */
  upstreamModel: z.string().min(1),
  /** The provider's page that lists the model; without it the offering must be in `unverified`. */
  source: url.optional(),
  /** List price, with the page it was read from; prices change, so each carries its date. */
  price: z
    .strictObject({
      eurPer1MInputTokens: z.number().min(0),
      eurPer1MOutputTokens: z.number().positive(),
      source: url,
      retrieved: isoDate,
    })
    .optional(),
});
export type ModelOffering = z.output<typeof offering>;

const germanQuality = z.union([
  z.literal('unverified'),
  z.strictObject({ score: z.number().min(1).max(5), source: url, method: z.string().min(1) }),
]);

const energy = z.strictObject({
  whPer1kOutputTokens: z.number().positive(),
  method: z.enum(['measured', 'estimated']),
  source: url,
});

const governance = {
  status: z.enum(modelStatuses),
  statusReason: text,
  statusDecidedBy: z.enum(statusDeciders),
  /** Links that back the status reason (a study, a licence clause, a test report). */
  statusEvidence: z.array(url).default([]),
  exclusionCategory: z.enum(exclusionCategories).nullable().default(null),
  lastReview: isoDate.nullable(),
  nextReviewDue: isoDate,
};

export const modelCardSchema = z
  .strictObject({
    id: slug,
    name: z.string().min(1),
    revision: z.string().min(1),
    kind: z.enum(modelKinds),
    creator: z.strictObject({ name: z.string().min(1), jurisdiction: countryCode }),
    providers: z.array(offering).min(1),
    parameters: z.strictObject({
      totalB: z.number().positive().nullable(),
      activeB: z.number().positive().nullable(),
    }),
    licence: z.strictObject({
      name: z.string().min(1),
      spdx: z.string().min(1).nullable(),
      url: url.optional(),
    }),
    openness: opennessSchema.nullable(),
    trainingData: z.enum(trainingDataTransparency),
    creatorCompensation: z.enum(creatorCompensation),
    hosting: z.array(z.enum(zones)).min(1),
    contextLength: z.number().int().positive().nullable(),
    /** ISO 639-1 codes the creator declares as supported. */
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)),
    germanQuality,
    modalities: z.strictObject({
      input: z.array(z.enum(modalities)).min(1),
      output: z.array(z.enum(modalities)).min(1),
    }),
    energy: energy.nullable(),
    ...governance,
    sources: z.array(sourceSchema),
    unverified: z.array(factKey),
  })
  .superRefine((card, context) => {
    if ((card.status === 'excluded') !== (card.exclusionCategory !== null)) {
      context.addIssue({
        code: 'custom',
        path: ['exclusionCategory'],
        message: 'required exactly when status is excluded',
      });
    }
    const { totalB, activeB } = card.parameters;
    if (totalB !== null && activeB !== null && activeB > totalB) {
      context.addIssue({
        code: 'custom',
        path: ['parameters', 'activeB'],
        message: 'active parameters exceed total',
      });
    }
    if (card.lastReview !== null && card.nextReviewDue < card.lastReview) {
      context.addIssue({
        code: 'custom',
        path: ['nextReviewDue'],
        message: 'next review is before the last one',
      });
    }
    const offered = new Set<string>();
    for (const [index, item] of card.providers.entries()) {
      if (offered.has(item.provider))
        context.addIssue({
          code: 'custom',
          path: ['providers', index],
          message: `provider "${item.provider}" listed twice`,
        });
      offered.add(item.provider);
    }
    for (const key of unbackedFacts(card)) {
      context.addIssue({
        code: 'custom',
        path: ['sources'],
        message: `fact "${key}" has no source and is not listed in unverified`,
      });
    }
  });
export type ModelCard = z.output<typeof modelCardSchema>;
export type ModelCardInput = z.input<typeof modelCardSchema>;

/** The fact keys a card states: its fixed facts plus one per provider offering. */
export function factKeysOf(card: Pick<ModelCard, 'providers'>): ModelFactKey[] {
  return [...modelFacts, ...card.providers.map((item) => `providers.${item.provider}` as const)];
}

/** Facts that neither a source covers nor `unverified` admits. */
function unbackedFacts(card: Pick<ModelCard, 'providers' | 'sources' | 'unverified'>): ModelFactKey[] {
  const covered = new Set<string>([...card.sources.flatMap((source) => source.covers), ...card.unverified]);
  for (const item of card.providers) if (item.source) covered.add(`providers.${item.provider}`);
  return factKeysOf(card).filter((key) => !covered.has(key));
}

/** Facts backed by a source and not marked unverified; the UI shows the rest with a warning. */
export function verifiedFacts(card: ModelCard): ModelFactKey[] {
  const unverified = new Set<string>(card.unverified);
  return factKeysOf(card).filter((key) => !unverified.has(key));
}

export const providerKinds = ['own_server', 'eu_cloud', 'non_eu_platform'] as const;
export const dpaStatuses = ['not_required', 'pending', 'signed', 'none'] as const;
export const providerFacts = [
  'jurisdiction',
  'dataResidency',
  'dpa',
  'subprocessors',
  'certifications',
] as const;
export type ProviderFact = (typeof providerFacts)[number];
const zoneOfKind = { own_server: 'own', eu_cloud: 'eu', non_eu_platform: 'non-eu' } as const;

export const providerEntrySchema = z
  .strictObject({
    id: slug,
    name: z.string().min(1),
    kind: z.enum(providerKinds),
    jurisdiction: countryCode,
    zone: z.enum(zones),
    /** Countries where requests are processed and data is stored; empty means not published. */
    dataResidency: z.array(countryCode),
    /** The organisation's data-processing agreement (AVV) with this provider; `template` is the provider's published DPA. */
    dpa: z.strictObject({
      status: z.enum(dpaStatuses),
      signedOn: isoDate.nullable(),
      template: url.nullable(),
    }),
    subprocessors: z.array(
      z.strictObject({
        name: z.string().min(1),
        purpose: z.string().optional(),
        country: countryCode.optional(),
      }),
    ),
    certifications: z.array(
      z.strictObject({ name: z.string().min(1), scope: z.string().optional(), source: url }),
    ),
    status: z.enum(modelStatuses),
    statusReason: text,
    statusDecidedBy: z.enum(statusDeciders),
    sources: z.array(
      z.strictObject({
        url,
        title: z.string().min(1),
        retrieved: isoDate,
        covers: z.array(z.enum(providerFacts)).min(1),
      }),
    ),
    unverified: z.array(z.enum(providerFacts)),
  })
  .superRefine((provider, context) => {
    if (zoneOfKind[provider.kind] !== provider.zone) {
      context.addIssue({
        code: 'custom',
        path: ['zone'],
        message: `a provider of kind ${provider.kind} is in zone ${zoneOfKind[provider.kind]}`,
      });
    }
    if ((provider.dpa.status === 'signed') !== (provider.dpa.signedOn !== null)) {
      context.addIssue({
        code: 'custom',
        path: ['dpa', 'signedOn'],
        message: 'a signing date belongs to a signed agreement, and only there',
      });
    }
    const covered = new Set<string>([
      ...provider.sources.flatMap((source) => source.covers),
      ...provider.unverified,
    ]);
    for (const key of providerFacts) {
      if (!covered.has(key))
        context.addIssue({
          code: 'custom',
          path: ['sources'],
          message: `fact "${key}" has no source and is not listed in unverified`,
        });
    }
  });
export type ProviderEntry = z.output<typeof providerEntrySchema>;
export type ProviderEntryInput = z.input<typeof providerEntrySchema>;
