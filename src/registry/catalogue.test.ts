import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isServiceError } from '../core/errors.js';
import { catalogueDir, loadCatalogue, parseCatalogue, referenceProblems } from './catalogue.js';
import { factKeysOf } from './model-card.js';
import { buildScoringContext, rankModels } from './scoring.js';

const catalogue = loadCatalogue();
const providerById = new Map(catalogue.providers.map((provider) => [provider.id, provider]));
const text = {
  models: readFileSync(path.join(catalogueDir, 'models.yaml'), 'utf8'),
  providers: readFileSync(path.join(catalogueDir, 'providers.yaml'), 'utf8'),
};

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isServiceError(error)) return error.extra.problems as string[];
    throw error;
  }
  return [];
}

describe('the shipped catalogue', () => {
  it('loads real models and providers of every kind the issue asks for', () => {
    expect(catalogue.models.length).toBeGreaterThanOrEqual(20);
    const ids = catalogue.models.map((card) => card.id);
    for (const expected of [
      'eurollm-9b-instruct',
      'eurollm-22b-instruct',
      'teuken-7b-instruct',
      'apertus-70b-instruct',
      'olmo-2-32b-instruct',
      'mistral-nemo-instruct',
      'llama-3.3-70b-instruct',
      'gemma-3-27b-it',
      'qwen3-32b',
      'deepseek-r1',
      'pharia-1-llm-7b-control',
      'salamandra-7b-instruct',
    ]) {
      expect(ids).toContain(expected);
    }
    expect(new Set(catalogue.models.map((card) => card.kind))).toEqual(
      new Set(['chat', 'embedding', 'image']),
    );
    expect(catalogue.providers.map((provider) => provider.id)).toEqual(
      expect.arrayContaining([
        'own-server',
        'ionos',
        'stackit',
        'scaleway',
        'ovhcloud',
        'mistral',
        'aleph-alpha',
        'openai',
        'anthropic',
        'google',
      ]),
    );
  });

  it('offers every model through providers that exist, in a zone its hosting names', () => {
    expect(referenceProblems(catalogue)).toEqual([]);
    for (const card of catalogue.models) {
      for (const offering of card.providers)
        expect(card.hosting, card.id).toContain(providerById.get(offering.provider)!.zone);
    }
  });

  it('backs every fact-bearing model with at least one source, and every fact with a source or an unverified mark', () => {
    for (const card of catalogue.models) {
      expect(card.sources.length, card.id).toBeGreaterThan(0);
      const covered = new Set([...card.sources.flatMap((source) => source.covers), ...card.unverified]);
      for (const item of card.providers) if (item.source) covered.add(`providers.${item.provider}`);
      expect(
        factKeysOf(card).filter((key) => !covered.has(key)),
        card.id,
      ).toEqual([]);
    }
  });

  it('marks German quality and energy as unverified until the evaluation and energy modules measure them', () => {
    for (const card of catalogue.models) {
      expect(card.germanQuality).toBe('unverified');
      expect(card.unverified).toEqual(expect.arrayContaining(['germanQuality', 'energy']));
    }
  });

  it('keeps statuses as defaults with reasons, and reviews the doubtful ones sooner', () => {
    for (const card of catalogue.models) {
      expect(card.statusDecidedBy).toBe('catalogue_default');
      expect(card.statusReason.de.length, card.id).toBeGreaterThan(20);
    }
    const byId = new Map(catalogue.models.map((card) => [card.id, card]));
    expect(byId.get('deepseek-r1')).toMatchObject({ status: 'under_review', nextReviewDue: '2027-02-23' });
    expect(byId.get('deepseek-r1')!.statusEvidence.length).toBeGreaterThan(0);
    expect(byId.get('gpt-4o')!.status).toBe('exception_only');
    expect(byId.get('eurollm-22b-instruct')!.status).toBe('recommended');
  });

  it('takes openness from the OSAI index with its link and date, flagging sibling ratings as unverified', () => {
    const eurollm = catalogue.models.find((card) => card.id === 'eurollm-22b-instruct')!;
    expect(eurollm.openness).toMatchObject({
      source: 'https://osai-index.eu/model/EuroLLM',
      date: '2026-11-23',
      assessedModel: 'EuroLLM-22B-Instruct-2512',
    });
    expect(eurollm.openness!.dimensions.weights_endmodel.rating).toBe('open');
    expect(eurollm.openness!.dimensions.paper.rating).toBe('closed');
    const sibling = catalogue.models.find((card) => card.id === 'eurollm-9b-instruct')!;
    expect(sibling.openness!.assessedModel).not.toBe(sibling.revision);
    expect(sibling.unverified).toContain('openness');
  });

  it('ranks the catalogue deterministically with open European models first', () => {
    const ranked = rankModels(catalogue.models, buildScoringContext(catalogue.models));
    expect(ranked).toHaveLength(catalogue.models.length);
    expect(ranked[0]!.card.creator.jurisdiction).toMatch(/^(CH|EU|DE|FR|ES)$/);
    const last = ranked.slice(-3).map((item) => item.card.status);
    expect(last).toContain('exception_only');
  });
});

describe('catalogue validation', () => {
  it('reports a model whose provider is not in the list', () => {
    const broken = text.models.replace(
      'provider: scaleway, upstreamModel: llama-3.3-70b-instruct',
      'provider: nowhere-cloud, upstreamModel: llama-3.3-70b-instruct',
    );
    expect(problemsOf(() => parseCatalogue({ ...text, models: broken }))).toEqual([
      'models.llama-3.3-70b-instruct: provider "nowhere-cloud" is not in the provider list',
    ]);
  });

  it('reports an offering outside the zones the card names, and duplicate ids', () => {
    const card = catalogue.models.find((item) => item.id === 'gpt-4o')!;
    const problems = referenceProblems({
      ...catalogue,
      models: [...catalogue.models, { ...card, hosting: ['eu'] }],
    });
    expect(problems).toEqual([
      'models.gpt-4o: id is used twice',
      'models.gpt-4o: offered in zone non-eu by openai, but hosting lists eu',
    ]);
  });

  it('refuses to approve a model that only exception-only providers offer', () => {
    const card = catalogue.models.find((item) => item.id === 'gpt-4o')!;
    expect(referenceProblems({ ...catalogue, models: [{ ...card, status: 'approved' }] })).toEqual([
      'models.gpt-4o: status approved, but no provider of it is recommended or approved',
    ]);
  });

  it('reports schema problems with their place and rejects broken YAML', () => {
    const broken = text.providers.replace(
      'jurisdiction: FR\n  zone: eu\n  dataResidency: [FR]',
      'jurisdiction: France\n  zone: eu\n  dataResidency: [FR]',
    );
    expect(problemsOf(() => parseCatalogue({ ...text, providers: broken }))).toEqual([
      expect.stringMatching(/^providers\[\d+\.jurisdiction\]: ISO 3166-1/),
    ]);
    expect(problemsOf(() => parseCatalogue({ ...text, models: '- id: [' }))[0]).toMatch(
      /^models: not valid YAML/,
    );
  });
});
