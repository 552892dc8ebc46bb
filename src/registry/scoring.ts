import { z } from 'zod';
import { formatNumber, text, type Text } from '../core/l10n.js';
import { opennessDimensions, type ModelCard } from './model-card.js';

/**
 * The published prioritisation (GOV-1, GOV-5): each criterion is normalised to 0..1 by the rule in
 * `criteria`, and total = Σ weight·value / Σ weight. A criterion without data counts as its published
 * `missingValue` and is flagged, so a gap is never filled in silently.
 */

export const criterionIds = [
  'openness',
  'european_provider',
  'energy_efficiency',
  'bias_results',
  'german_quality',
  'accessibility',
  'cost',
] as const;
export type Criterion = (typeof criterionIds)[number];
export type Weights = Record<Criterion, number>;

/** Neutral stand-in for missing data; openness is the exception (see its rule). */
export const missingValue = 0.5;

export const criteria: Record<Criterion, { label: Text; rule: Text; missingValue: number }> = {
  openness: {
    label: text('Offenheit', 'Openness'),
    rule: text(
      'Mittelwert über die 12 Dimensionen des European Open Source AI Index: offen = 1, teilweise = 0,5, geschlossen = 0. Offenheit muss belegt sein: eine unbekannte Dimension oder eine fehlende Bewertung zählt 0 (markiert), wie im Index selbst.',
      'Mean over the 12 dimensions of the European Open Source AI Index: open = 1, partial = 0.5, closed = 0. Openness must be shown: an unknown dimension or a missing assessment counts 0 (flagged), as in the index itself.',
    ),
    missingValue: 0,
  },
  european_provider: {
    label: text('Europäischer Anbieter', 'European provider'),
    rule: text(
      '0,5 wenn die herstellende Organisation in EU, EWR oder Schweiz sitzt, plus 0,5 wenn das Modell auf eigener Infrastruktur oder bei einem EU-Anbieter läuft.',
      '0.5 if the creating organisation is based in the EU, EEA or Switzerland, plus 0.5 if the model runs on own infrastructure or at an EU provider.',
    ),
    missingValue,
  },
  energy_efficiency: {
    label: text('Energieeffizienz', 'Energy efficiency'),
    rule: text(
      'Wh je 1.000 Ausgabe-Tokens, logarithmisch zwischen dem sparsamsten (1) und dem verbrauchsstärksten Modell des Katalogs (0).',
      'Wh per 1,000 output tokens, on a log scale between the catalogue’s most frugal (1) and most energy-hungry model (0).',
    ),
    missingValue,
  },
  bias_results: {
    label: text('Bias-Tests', 'Bias tests'),
    rule: text(
      'Anteil bestandener Bias-Testfälle aus dem Evaluationsmodul (0 bis 1).',
      'Share of bias test cases passed in the evaluation module (0 to 1).',
    ),
    missingValue,
  },
  german_quality: {
    label: text('Deutsche Sprachqualität', 'German language quality'),
    rule: text(
      'Note 1–5 aus der Evaluation, sonst aus der Modellkarte mit Quelle; (Note − 1) / 4.',
      'Grade 1–5 from the evaluation, else from the model card with its source; (grade − 1) / 4.',
    ),
    missingValue,
  },
  accessibility: {
    label: text('Barrierearmut', 'Accessibility'),
    rule: text(
      'Nur Chat-Modelle: Anteil von drei Hilfen – Deutsch unterstützt (Leichte Sprache), Bildeingabe (Bildbeschreibungen), Audioeingabe (Transkription).',
      'Chat models only: share of three aids – German supported (plain language), image input (image descriptions), audio input (transcription).',
    ),
    missingValue,
  },
  cost: {
    label: text('Kosten', 'Cost'),
    rule: text(
      'Günstigster Preis je 1 Mio. Ausgabe-Tokens über alle Anbieter, logarithmisch zwischen dem günstigsten (1) und dem teuersten Modell des Katalogs (0).',
      'Cheapest price per 1M output tokens across providers, on a log scale between the catalogue’s cheapest (1) and most expensive model (0).',
    ),
    missingValue,
  },
};

export const weightsSchema = z
  .strictObject(
    Object.fromEntries(criterionIds.map((id) => [id, z.number().min(0).finite()])) as Record<
      Criterion,
      z.ZodNumber
    >,
  )
  .refine(
    (weights) => Object.values(weights).some((weight) => weight > 0),
    'at least one weight must be positive',
  );

/** The federal organisation's starting point; openness and European hosting lead, as GOV-5 and SOV-1 ask. */
export const defaultWeights: Weights = {
  openness: 0.25,
  european_provider: 0.2,
  energy_efficiency: 0.15,
  bias_results: 0.15,
  german_quality: 0.1,
  accessibility: 0.05,
  cost: 0.1,
};

/** Results from the evaluation module, by model id. */
export type ModelEvaluation = { biasPassRate?: number; germanQuality?: number };
export type Range = { min: number; max: number };
export type ScoringContext = {
  evaluations: Record<string, ModelEvaluation>;
  /** Catalogue-wide range of Wh per 1,000 output tokens; null if no card has a figure. */
  energyRange: Range | null;
  /** Catalogue-wide range of the cheapest EUR price per 1M output tokens. */
  priceRange: Range | null;
};

export type CriterionScore = {
  criterion: Criterion;
  value: number;
  weight: number;
  /** weight · value / Σ weights; the contributions add up to the total. */
  contribution: number;
  missing: boolean;
  explanation: Text;
};
export type ModelScore = { total: number; breakdown: CriterionScore[] };

type Assessed = { value: number; missing: boolean; explanation: Text };

/** EU member states, EEA and Switzerland; `EU` marks an EU-funded multinational consortium. */
const europeanJurisdictions = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH EU'.split(' '),
);

export function scoreModel(
  card: ModelCard,
  context: ScoringContext,
  weights: Weights = defaultWeights,
): ModelScore {
  const checked = weightsSchema.parse(weights);
  const sum = criterionIds.reduce((total, id) => total + checked[id], 0);
  const breakdown = criterionIds.map((criterion): CriterionScore => {
    const assessed = assess[criterion](card, context);
    const weight = checked[criterion];
    return { criterion, ...assessed, weight, contribution: (weight * assessed.value) / sum };
  });
  return { total: breakdown.reduce((total, item) => total + item.contribution, 0), breakdown };
}

export type RankedModel = { card: ModelCard; score: ModelScore };

/** Highest total first; equal totals in id order, so the published list never depends on input order. */
export function rankModels(
  cards: readonly ModelCard[],
  context: ScoringContext,
  weights: Weights = defaultWeights,
): RankedModel[] {
  return cards
    .map((card) => ({ card, score: scoreModel(card, context, weights) }))
    .sort(
      (a, b) => b.score.total - a.score.total || (a.card.id < b.card.id ? -1 : a.card.id > b.card.id ? 1 : 0),
    );
}

/** The catalogue-wide ranges the energy and cost rules compare against. */
export function buildScoringContext(
  cards: readonly ModelCard[],
  evaluations: Record<string, ModelEvaluation> = {},
): ScoringContext {
  return {
    evaluations,
    energyRange: rangeOf(cards.map((card) => card.energy?.whPer1kOutputTokens)),
    priceRange: rangeOf(cards.map(cheapestPrice)),
  };
}

function cheapestPrice(card: ModelCard): number | undefined {
  const prices = card.providers.flatMap((item) => (item.price ? [item.price.eurPer1MOutputTokens] : []));
  return prices.length > 0 ? Math.min(...prices) : undefined;
}

function rangeOf(values: (number | undefined)[]): Range | null {
  const known = values.filter((value): value is number => value !== undefined && value > 0);
  return known.length > 0 ? { min: Math.min(...known), max: Math.max(...known) } : null;
}

const assess: Record<Criterion, (card: ModelCard, context: ScoringContext) => Assessed> = {
  openness: (card) => {
    if (!card.openness)
      return missing('openness', text('keine Offenheitsbewertung', 'no openness assessment'));
    const ratings = opennessDimensions.map((dimension) => card.openness!.dimensions[dimension].rating);
    const count = (rating: string) => ratings.filter((item) => item === rating).length;
    const points = { open: 1, partial: 0.5, closed: 0, unknown: criteria.openness.missingValue };
    const value = ratings.reduce((total, rating) => total + points[rating], 0) / ratings.length;
    const unknown = count('unknown');
    return {
      value,
      missing: unknown > 0,
      explanation: text(
        `${count('open')} offen, ${count('partial')} teilweise, ${count('closed')} geschlossen, ${unknown} unbekannt (${card.openness.assessedModel}) → ${number(value, 'de')}`,
        `${count('open')} open, ${count('partial')} partial, ${count('closed')} closed, ${unknown} unknown (${card.openness.assessedModel}) → ${number(value, 'en')}`,
      ),
    };
  },
  european_provider: (card) => {
    const european = europeanJurisdictions.has(card.creator.jurisdiction);
    const sovereign = card.hosting.includes('own') || card.hosting.includes('eu');
    const value = (european ? 0.5 : 0) + (sovereign ? 0.5 : 0);
    return {
      value,
      missing: false,
      explanation: text(
        `Hersteller in ${card.creator.jurisdiction} (${european ? 'europäisch' : 'nicht europäisch'}); ${sovereign ? 'eigener Server oder EU-Hosting möglich' : 'nur außerhalb der EU nutzbar'} → ${number(value, 'de')}`,
        `Creator in ${card.creator.jurisdiction} (${european ? 'European' : 'not European'}); ${sovereign ? 'own server or EU hosting possible' : 'only usable outside the EU'} → ${number(value, 'en')}`,
      ),
    };
  },
  energy_efficiency: (card, context) => {
    const energy = card.energy?.whPer1kOutputTokens;
    if (energy === undefined || !context.energyRange)
      return missing('energy_efficiency', text('kein Energiewert', 'no energy figure'));
    const value = logPosition(energy, context.energyRange);
    return {
      value,
      missing: false,
      explanation: text(
        `${number(energy, 'de')} Wh je 1.000 Tokens → ${number(value, 'de')}`,
        `${number(energy, 'en')} Wh per 1,000 tokens → ${number(value, 'en')}`,
      ),
    };
  },
  bias_results: (card, context) => {
    const rate = context.evaluations[card.id]?.biasPassRate;
    if (rate === undefined)
      return missing('bias_results', text('noch keine Bias-Evaluation', 'no bias evaluation yet'));
    const value = clamp(rate);
    return {
      value,
      missing: false,
      explanation: text(`${number(value * 100, 'de')} % bestanden`, `${number(value * 100, 'en')}% passed`),
    };
  },
  german_quality: (card, context) => {
    const evaluated = context.evaluations[card.id]?.germanQuality;
    const grade = evaluated ?? (card.germanQuality === 'unverified' ? undefined : card.germanQuality.score);
    if (grade === undefined)
      return missing('german_quality', text('Deutschqualität nicht geprüft', 'German quality not verified'));
    const value = clamp((grade - 1) / 4);
    const origin =
      evaluated === undefined ? text('Modellkarte', 'model card') : text('Evaluation', 'evaluation');
    return {
      value,
      missing: false,
      explanation: text(
        `Note ${number(grade, 'de')} von 5 (${origin.de}) → ${number(value, 'de')}`,
        `grade ${number(grade, 'en')} of 5 (${origin.en}) → ${number(value, 'en')}`,
      ),
    };
  },
  accessibility: (card) => {
    if (card.kind !== 'chat')
      return missing('accessibility', text('nur für Chat-Modelle bewertet', 'only rated for chat models'));
    const aids = [
      card.languages.includes('de'),
      card.modalities.input.includes('image'),
      card.modalities.input.includes('audio'),
    ];
    const value = aids.filter(Boolean).length / aids.length;
    const [german, image, audio] = aids.map((aid) => (aid ? '✓' : '✗'));
    return {
      value,
      missing: false,
      explanation: text(
        `Deutsch ${german}, Bildeingabe ${image}, Audioeingabe ${audio} → ${number(value, 'de')}`,
        `German ${german}, image input ${image}, audio input ${audio} → ${number(value, 'en')}`,
      ),
    };
  },
  cost: (card, context) => {
    const price = cheapestPrice(card);
    if (price === undefined || !context.priceRange)
      return missing('cost', text('kein Preis bekannt', 'no known price'));
    const value = logPosition(price, context.priceRange);
    return {
      value,
      missing: false,
      explanation: text(
        `ab ${number(price, 'de')} € je 1 Mio. Ausgabe-Tokens → ${number(value, 'de')}`,
        `from €${number(price, 'en')} per 1M output tokens → ${number(value, 'en')}`,
      ),
    };
  },
};

function missing(criterion: Criterion, what: Text): Assessed {
  const value = criteria[criterion].missingValue;
  return {
    value,
    missing: true,
    explanation: text(
      `${what.de} – zählt als ${number(value, 'de')}`,
      `${what.en} – counts as ${number(value, 'en')}`,
    ),
  };
}

/** 1 at the range's minimum, 0 at its maximum, log scale because energy and prices span orders of magnitude. */
function logPosition(amount: number, range: Range): number {
  if (range.max <= range.min) return 1;
  const position = (Math.log(amount) - Math.log(range.min)) / (Math.log(range.max) - Math.log(range.min));
  return clamp(1 - position);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function number(value: number, locale: 'de' | 'en'): string {
  return formatNumber(value, locale, { maximumFractionDigits: 2 });
}
