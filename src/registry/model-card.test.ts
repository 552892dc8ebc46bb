import { describe, expect, it } from 'vitest';
import {
  factKeysOf,
  modelCardSchema,
  opennessDimensions,
  providerEntrySchema,
  verifiedFacts,
  type ModelCardInput,
  type ProviderEntryInput,
} from './model-card.js';

function cardInput(overrides: Partial<ModelCardInput> = {}): ModelCardInput {
  return {
    id: 'test-model',
    name: 'Test Model',
    revision: 'v1',
    kind: 'chat',
    creator: { name: 'Lab', jurisdiction: 'DE' },
    providers: [{ provider: 'own-server', upstreamModel: 'lab/test', source: 'https://example.org/card' }],
    parameters: { totalB: 7, activeB: 7 },
    licence: { name: 'Apache License 2.0', spdx: 'Apache-2.0' },
    openness: null,
    trainingData: 'documented',
    creatorCompensation: 'unknown',
    hosting: ['own'],
    contextLength: 4096,
    languages: ['de'],
    germanQuality: 'unverified',
    modalities: { input: ['text'], output: ['text'] },
    energy: null,
    status: 'candidate',
    statusReason: { de: 'Neu', en: 'New' },
    statusDecidedBy: 'catalogue_default',
    lastReview: null,
    nextReviewDue: '2027-01-01',
    sources: [
      {
        url: 'https://example.org/card',
        title: 'Card',
        retrieved: '2026-11-23',
        covers: [
          'revision',
          'creator',
          'parameters',
          'licence',
          'hosting',
          'contextLength',
          'languages',
          'modalities',
          'trainingData',
        ],
      },
    ],
    unverified: ['openness', 'creatorCompensation', 'germanQuality', 'energy'],
    ...overrides,
  };
}

function issues(input: unknown): string[] {
  const result = modelCardSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('modelCardSchema', () => {
  it('accepts a complete card and fills defaults', () => {
    const card = modelCardSchema.parse(cardInput());
    expect(card).toMatchObject({ exclusionCategory: null, statusEvidence: [] });
    expect(verifiedFacts(card)).not.toContain('energy');
    expect(verifiedFacts(card)).toContain('providers.own-server');
  });

  it('rejects a fact that has neither a source nor an unverified mark', () => {
    expect(issues(cardInput({ unverified: ['openness', 'creatorCompensation', 'germanQuality'] }))).toEqual([
      'sources: fact "energy" has no source and is not listed in unverified',
    ]);
    const unsourcedOffering = cardInput({
      providers: [
        { provider: 'own-server', upstreamModel: 'x', source: 'https://example.org' },
        { provider: 'ionos', upstreamModel: 'x' },
      ],
    });
    expect(issues(unsourcedOffering)).toEqual([
      'sources: fact "providers.ionos" has no source and is not listed in unverified',
    ]);
    expect(
      issues({ ...unsourcedOffering, unverified: [...unsourcedOffering.unverified, 'providers.ionos'] }),
    ).toEqual([]);
  });

  it('needs an exclusion category exactly when the status is excluded', () => {
    expect(issues(cardInput({ status: 'excluded' }))).toEqual([
      'exclusionCategory: required exactly when status is excluded',
    ]);
    expect(issues(cardInput({ status: 'excluded', exclusionCategory: 'political_manipulation' }))).toEqual(
      [],
    );
    expect(issues(cardInput({ status: 'approved', exclusionCategory: 'security' }))).toHaveLength(1);
    expect(issues(cardInput({ status: 'excluded', exclusionCategory: 'bad_vibes' as never }))).toHaveLength(
      1,
    );
  });

  it('rejects malformed fields, unknown keys and impossible combinations', () => {
    expect(issues(cardInput({ id: 'Not A Slug' }))[0]).toMatch(/^id:/);
    expect(issues(cardInput({ creator: { name: 'Lab', jurisdiction: 'Germany' } }))[0]).toMatch(
      /^creator.jurisdiction:/,
    );
    expect(issues(cardInput({ parameters: { totalB: 7, activeB: 8 } }))).toEqual([
      'parameters.activeB: active parameters exceed total',
    ]);
    expect(issues(cardInput({ lastReview: '2027-06-01' }))).toEqual([
      'nextReviewDue: next review is before the last one',
    ]);
    expect(issues(cardInput({ nextReviewDue: '1.1.2027' }))[0]).toMatch(/^nextReviewDue:/);
    expect(
      issues(cardInput({ germanQuality: { score: 6, source: 'https://example.org', method: 'x' } })),
    ).toHaveLength(1);
    expect(issues(cardInput({ statusReason: { de: 'nur deutsch' } as never }))[0]).toMatch(
      /^statusReason.en:/,
    );
    expect(issues({ ...cardInput(), contextLenght: 4096 })[0]).toMatch(/Unrecognized key/);
    expect(issues(cardInput({ unverified: ['weights'] as never }))[0]).toMatch(/^unverified.0:/);
    expect(issues(cardInput({ providers: [] }))[0]).toMatch(/^providers:/);
    const twice = { provider: 'own-server', upstreamModel: 'x', source: 'https://example.org' };
    expect(issues(cardInput({ providers: [twice, twice] }))).toEqual([
      'providers.1: provider "own-server" listed twice',
    ]);
  });

  it('requires every openness dimension to be rated with a known class', () => {
    const dimensions = Object.fromEntries(
      opennessDimensions.map((dimension) => [dimension, { rating: 'open' }]),
    );
    const openness = {
      assessedBy: 'Index',
      assessedModel: 'Test',
      source: 'https://osai-index.eu/',
      date: null,
      dimensions,
    };
    expect(issues(cardInput({ openness: openness as never }))).toEqual([]);
    expect(
      issues(
        cardInput({
          openness: { ...openness, dimensions: { ...dimensions, paper: { rating: 'mostly' } } } as never,
        }),
      ),
    ).toHaveLength(1);
    const { licenses: _dropped, ...withoutLicences } = dimensions;
    expect(issues(cardInput({ openness: { ...openness, dimensions: withoutLicences } as never }))[0]).toMatch(
      /licenses/,
    );
  });

  it('names one fact key per provider offering', () => {
    expect(
      factKeysOf({
        providers: [
          { provider: 'a', upstreamModel: 'x' },
          { provider: 'b', upstreamModel: 'y' },
        ],
      }).slice(-2),
    ).toEqual(['providers.a', 'providers.b']);
  });
});

function providerInput(overrides: Partial<ProviderEntryInput> = {}): ProviderEntryInput {
  return {
    id: 'eu-cloud',
    name: 'EU Cloud',
    kind: 'eu_cloud',
    jurisdiction: 'FR',
    zone: 'eu',
    dataResidency: ['FR'],
    dpa: { status: 'signed', signedOn: '2026-10-01', template: null },
    subprocessors: [{ name: 'DC operator', country: 'FR' }],
    certifications: [{ name: 'ISO/IEC 27001', source: 'https://example.org/iso' }],
    status: 'approved',
    statusReason: { de: 'EU', en: 'EU' },
    statusDecidedBy: 'review_board',
    sources: [
      {
        url: 'https://example.org',
        title: 'Provider',
        retrieved: '2026-11-23',
        covers: ['jurisdiction', 'dataResidency', 'subprocessors', 'certifications'],
      },
    ],
    unverified: ['dpa'],
    ...overrides,
  };
}

describe('providerEntrySchema', () => {
  const problems = (input: unknown) => {
    const result = providerEntrySchema.safeParse(input);
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts a complete entry', () => {
    expect(problems(providerInput())).toEqual([]);
  });

  it('keeps kind and zone consistent', () => {
    expect(problems(providerInput({ zone: 'non-eu' }))).toEqual([
      'zone: a provider of kind eu_cloud is in zone eu',
    ]);
    expect(problems(providerInput({ kind: 'own_server', zone: 'own' }))).toEqual([]);
  });

  it('ties the AVV signing date to a signed agreement', () => {
    expect(
      problems(providerInput({ dpa: { status: 'signed', signedOn: null, template: null } })),
    ).toHaveLength(1);
    expect(
      problems(providerInput({ dpa: { status: 'pending', signedOn: '2026-10-01', template: null } })),
    ).toHaveLength(1);
    expect(
      problems(
        providerInput({ dpa: { status: 'pending', signedOn: null, template: 'https://example.org/dpa' } }),
      ),
    ).toEqual([]);
  });

  it('rejects unsourced provider facts', () => {
    expect(problems(providerInput({ unverified: [] }))).toEqual([
      'sources: fact "dpa" has no source and is not listed in unverified',
    ]);
  });
});
