import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modelCardSchema, opennessDimensions, type ModelCard, type ModelCardInput } from './model-card.js';
import {
  buildScoringContext,
  criteria,
  criterionIds,
  defaultWeights,
  rankModels,
  scoreModel,
  weightsSchema,
  type ScoringContext,
  type Weights,
} from './scoring.js';

const ratings = [
  'open',
  'open',
  'open',
  'open',
  'open',
  'partial',
  'partial',
  'closed',
  'closed',
  'closed',
  'unknown',
  'open',
] as const;

function buildCard(overrides: Partial<ModelCardInput> = {}): ModelCard {
  return modelCardSchema.parse({
    id: 'fixture-7b',
    name: 'Fixture 7B',
    revision: 'v1',
    kind: 'chat',
    creator: { name: 'Fixture Lab', jurisdiction: 'US' },
    providers: [{ provider: 'own-server', upstreamModel: 'fixture/7b', source: 'https://example.org/7b' }],
    parameters: { totalB: 7, activeB: 7 },
    licence: { name: 'Apache 2.0', spdx: 'Apache-2.0' },
    openness: {
      assessedBy: 'European Open Source AI Index',
      assessedModel: 'Fixture-7B',
      source: 'https://osai-index.eu/model/fixture',
      date: '2026-11-23',
      dimensions: Object.fromEntries(
        opennessDimensions.map((dimension, index) => [dimension, { rating: ratings[index] }]),
      ),
    },
    trainingData: 'partial',
    creatorCompensation: 'unknown',
    hosting: ['own'],
    contextLength: 8192,
    languages: ['en', 'de'],
    germanQuality: { score: 4, source: 'https://example.org/eval', method: 'fixture' },
    modalities: { input: ['text', 'image'], output: ['text'] },
    energy: { whPer1kOutputTokens: 2, method: 'estimated', source: 'https://example.org/energy' },
    status: 'candidate',
    statusReason: { de: 'Test', en: 'Test' },
    statusDecidedBy: 'catalogue_default',
    lastReview: null,
    nextReviewDue: '2027-01-01',
    sources: [
      {
        url: 'https://example.org/7b',
        title: 'Card',
        retrieved: '2026-11-23',
        covers: ['revision', 'creator', 'parameters', 'licence', 'openness'],
      },
    ],
    unverified: [
      'trainingData',
      'creatorCompensation',
      'hosting',
      'contextLength',
      'languages',
      'germanQuality',
      'modalities',
      'energy',
    ],
    ...overrides,
  });
}

const context: ScoringContext = {
  evaluations: { 'fixture-7b': { biasPassRate: 0.9 } },
  energyRange: { min: 0.5, max: 8 },
  priceRange: null,
};

describe('scoreModel', () => {
  it('is reproducible by hand from the published formula', () => {
    const score = scoreModel(buildCard(), context, defaultWeights);
    // openness: 6 open, 2 partial, 3 closed, 1 unknown (counts 0: openness must be shown) → (6 + 2·0.5) / 12
    const openness = 7 / 12;
    const european = 0.5; // US creator (0) + own hosting (0.5)
    const energy = 1 - (Math.log(2) - Math.log(0.5)) / (Math.log(8) - Math.log(0.5)); // = 0.5
    const bias = 0.9;
    const german = (4 - 1) / 4;
    const accessibility = 2 / 3; // German ✓, image ✓, audio ✗
    const cost = 0.5; // no price: neutral
    const byHand =
      0.25 * openness +
      0.2 * european +
      0.15 * energy +
      0.15 * bias +
      0.1 * german +
      0.05 * accessibility +
      0.1 * cost;
    expect(score.total).toBeCloseTo(byHand, 12);
    expect(score.breakdown.map((item) => [item.criterion, item.value, item.missing])).toEqual([
      ['openness', openness, true],
      ['european_provider', european, false],
      ['energy_efficiency', 0.5, false],
      ['bias_results', bias, false],
      ['german_quality', german, false],
      ['accessibility', accessibility, false],
      ['cost', 0.5, true],
    ]);
    expect(score.breakdown.reduce((sum, item) => sum + item.contribution, 0)).toBeCloseTo(score.total, 12);
  });

  it('explains every criterion in German and English, and says when data is missing', () => {
    const score = scoreModel(buildCard({ energy: null }), { ...context, evaluations: {} });
    const byCriterion = Object.fromEntries(score.breakdown.map((item) => [item.criterion, item]));
    expect(byCriterion.openness!.explanation.de).toContain(
      '6 offen, 2 teilweise, 3 geschlossen, 1 unbekannt',
    );
    expect(byCriterion.energy_efficiency).toMatchObject({ value: 0.5, missing: true });
    expect(byCriterion.energy_efficiency!.explanation.en).toBe('no energy figure – counts as 0.5');
    expect(byCriterion.bias_results!.explanation.de).toBe('noch keine Bias-Evaluation – zählt als 0,5');
    expect(byCriterion.german_quality!.explanation.en).toBe('grade 4 of 5 (model card) → 0.75');
  });

  it('counts a missing openness assessment as 0, not as neutral, and flags it', () => {
    const item = scoreModel(buildCard({ openness: null }), context).breakdown.find(
      (entry) => entry.criterion === 'openness',
    )!;
    expect(item).toMatchObject({ value: 0, missing: true, contribution: 0 });
    expect(item.explanation.en).toBe('no openness assessment – counts as 0');
  });

  it('prefers the evaluation module over the card for German quality', () => {
    const score = scoreModel(buildCard(), {
      ...context,
      evaluations: { 'fixture-7b': { germanQuality: 5 } },
    });
    expect(score.breakdown.find((item) => item.criterion === 'german_quality')!.value).toBe(1);
  });

  it('gives full European points to an EU creator hosted in the EU, none to a US-only service', () => {
    const european = (card: ModelCard) =>
      scoreModel(card, context).breakdown.find((item) => item.criterion === 'european_provider')!.value;
    expect(european(buildCard({ creator: { name: 'EU Lab', jurisdiction: 'DE' }, hosting: ['eu'] }))).toBe(1);
    expect(european(buildCard({ hosting: ['non-eu'] }))).toBe(0);
  });

  it('normalises weights that do not add up to 1 and rejects all-zero or negative weights', () => {
    const doubled = Object.fromEntries(criterionIds.map((id) => [id, defaultWeights[id] * 2])) as Weights;
    expect(scoreModel(buildCard(), context, doubled).total).toBeCloseTo(
      scoreModel(buildCard(), context).total,
      12,
    );
    expect(() => scoreModel(buildCard(), context, { ...defaultWeights, cost: -1 })).toThrow();
    const zero = Object.fromEntries(criterionIds.map((id) => [id, 0])) as Weights;
    expect(weightsSchema.safeParse(zero).success).toBe(false);
  });

  it('publishes a rule for every criterion and default weights that add up to 1', () => {
    for (const id of criterionIds) expect(criteria[id].rule.de.length).toBeGreaterThan(20);
    expect(Object.values(defaultWeights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('rankModels', () => {
  it('orders by score, ties by id whatever the input order', () => {
    const open = buildCard({ id: 'b-open', creator: { name: 'EU', jurisdiction: 'FR' } });
    const twinA = buildCard({ id: 'a-twin' });
    const twinC = buildCard({ id: 'c-twin' });
    const evaluations = {
      'b-open': { biasPassRate: 0.9 },
      'a-twin': { biasPassRate: 0.9 },
      'c-twin': { biasPassRate: 0.9 },
    };
    const ranked = rankModels([twinC, open, twinA], { ...context, evaluations });
    expect(ranked.map((item) => item.card.id)).toEqual(['b-open', 'a-twin', 'c-twin']);
    expect(rankModels([twinA, twinC, open], { ...context, evaluations }).map((item) => item.card.id)).toEqual(
      ['b-open', 'a-twin', 'c-twin'],
    );
  });

  it('builds the energy and price ranges from the catalogue', () => {
    const small = buildCard({
      id: 's',
      energy: { whPer1kOutputTokens: 0.4, method: 'estimated', source: 'https://e.example' },
    });
    const priced = buildCard({
      id: 'p',
      providers: [
        {
          provider: 'x',
          upstreamModel: 'p',
          source: 'https://x.example',
          price: {
            eurPer1MInputTokens: 0.1,
            eurPer1MOutputTokens: 0.3,
            source: 'https://x.example/p',
            retrieved: '2026-11-23',
          },
        },
      ],
    });
    expect(buildScoringContext([small, priced, buildCard({ energy: null })])).toEqual({
      evaluations: {},
      energyRange: { min: 0.4, max: 2 },
      priceRange: { min: 0.3, max: 0.3 },
    });
  });
});

describe('monotonicity (property)', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const weights = fc
    .record(
      Object.fromEntries(
        criterionIds.map((id) => [id, fc.double({ min: 0, max: 10, noNaN: true })]),
      ) as Record<string, fc.Arbitrary<number>>,
    )
    .filter((value) => Object.values(value).some((weight) => weight > 0.001)) as fc.Arbitrary<Weights>;

  it('a better bias or German result never lowers the total', () => {
    fc.assert(
      fc.property(
        weights,
        unit,
        unit,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (w, a, b, g1, g2) => {
          const card = buildCard();
          const at = (biasPassRate: number, germanQuality: number) =>
            scoreModel(
              card,
              { ...context, evaluations: { 'fixture-7b': { biasPassRate, germanQuality } } },
              w,
            ).total;
          const [lowBias, highBias] = [Math.min(a, b), Math.max(a, b)];
          const [lowGerman, highGerman] = [Math.min(g1, g2), Math.max(g1, g2)];
          expect(at(highBias, lowGerman)).toBeGreaterThanOrEqual(at(lowBias, lowGerman) - 1e-12);
          expect(at(lowBias, highGerman)).toBeGreaterThanOrEqual(at(lowBias, lowGerman) - 1e-12);
        },
      ),
    );
  });

  it('opening up a dimension or using less energy never lowers the total', () => {
    const upgrade = { closed: 'partial', partial: 'open', open: 'open' } as const;
    const rated = fc.constantFrom('open', 'partial', 'closed');
    fc.assert(
      fc.property(
        weights,
        fc.array(rated, { minLength: 12, maxLength: 12 }),
        fc.nat(11),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        fc.double({ min: 0.5, max: 8, noNaN: true }),
        (w, dims, index, e1, e2) => {
          const withDims = (list: string[], wh: number) =>
            buildCard({
              openness: {
                ...buildCard().openness!,
                dimensions: Object.fromEntries(
                  opennessDimensions.map((dimension, i) => [dimension, { rating: list[i]! }]),
                ) as never,
              },
              energy: { whPer1kOutputTokens: wh, method: 'estimated', source: 'https://e.example' },
            });
          const better = dims.map((rating, i) => (i === index ? upgrade[rating] : rating));
          const base = scoreModel(withDims(dims, Math.max(e1, e2)), context, w).total;
          expect(scoreModel(withDims(better, Math.max(e1, e2)), context, w).total).toBeGreaterThanOrEqual(
            base - 1e-12,
          );
          expect(scoreModel(withDims(dims, Math.min(e1, e2)), context, w).total).toBeGreaterThanOrEqual(
            base - 1e-12,
          );
        },
      ),
    );
  });
});
