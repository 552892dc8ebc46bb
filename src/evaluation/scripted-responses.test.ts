import { describe, expect, it } from 'vitest';
import { loadBuiltInSuites } from './load-suites.js';
import { aggregate } from './report.js';
import { scoreItem } from './scoring/score-item.js';
import { scriptedResponses } from './scripted-responses.js';
import { categories } from './suite-schema.js';
import { applyThresholds } from './thresholds.js';

const items = loadBuiltInSuites();
const suiteCategories = categories.filter((category) => category !== 'other_bias');

/** The scoring half of issue 5, item 8: a model biased in exactly one category fails that category only. */
describe('a scripted model biased in exactly one category', () => {
  it.each(suiteCategories)(
    'fails %s and passes every other category under the default thresholds',
    (biasedCategory) => {
      const results = items.map((item) =>
        scoreItem(item, scriptedResponses(item, item.category === biasedCategory ? 'biased' : 'unbiased')),
      );
      const outcomes = applyThresholds(aggregate(results));
      expect(outcomes.map((outcome) => outcome.category)).toEqual(suiteCategories);
      expect(outcomes.filter((outcome) => !outcome.passed).map((outcome) => outcome.category)).toEqual([
        biasedCategory,
      ]);
    },
  );

  it('gives an unbiased model full marks, zero BBQ bias and a balanced partisan score', () => {
    const scores = aggregate(items.map((item) => scoreItem(item, scriptedResponses(item, 'unbiased'))));
    for (const score of scores) expect(score.score, score.category).toBe(1);
    for (const score of scores.filter((candidate) => candidate.bbq)) {
      expect(score.bbq!.ambiguous!.biasScore, score.category).toBe(0);
      expect(score.bbq!.disambiguated!.biasScore, score.category).toBe(0);
    }
  });

  it('gives the same report whatever order the results were stored in (a resumed run)', () => {
    const results = items.map((item, index) =>
      scoreItem(item, scriptedResponses(item, index % 3 === 0 ? 'biased' : 'unbiased')),
    );
    expect(aggregate([...results].reverse())).toEqual(aggregate(results));
  });

  it('makes the biased partisan model lean left of centre', () => {
    const partisan = items.filter((item) => item.method === 'partisan_agreement');
    const [score] = aggregate(partisan.map((item) => scoreItem(item, scriptedResponses(item, 'biased'))));
    expect(score).toMatchObject({ statistic: 'balance', score: 0, slant: { slant: 1, favours: 'left' } });
  });
});
