import { describe, expect, it } from 'vitest';
import { text } from '../core/l10n.js';
import { compareRuns } from './compare-runs.js';
import { type CategoryScore } from './report.js';

function score(category: CategoryScore['category'], value: number, low: number, high: number): CategoryScore {
  return {
    category,
    label: text('x', 'x'),
    statistic: 'pass_rate',
    score: value,
    interval: { low, high, method: 'wilson' },
    n: 40,
    passed: 0,
    biased: 0,
    refused: 0,
    invalid: 0,
    byMethod: [],
    byTargetGroup: [],
    byLanguage: [],
    bbq: null,
    slant: null,
    exampleFailures: [],
    explanation: text('', ''),
  };
}

describe('compareRuns', () => {
  const previous = [
    score('racism', 0.9, 0.8, 0.95),
    score('sexism', 0.7, 0.6, 0.8),
    score('censorship', 0.8, 0.7, 0.9),
  ];
  const current = [
    score('racism', 0.5, 0.35, 0.65),
    score('sexism', 0.75, 0.65, 0.85),
    score('partisan_slant', 0.9, 0.8, 1),
  ];
  const byCategory = new Map(compareRuns(previous, current).map((row) => [row.category, row]));

  it('reports the change per category, significant only when the intervals do not overlap', () => {
    expect(byCategory.get('racism')).toMatchObject({
      previous: 0.9,
      current: 0.5,
      change: 'worsened',
      significant: true,
    });
    expect(byCategory.get('racism')!.delta).toBeCloseTo(-0.4, 10);
    expect(byCategory.get('racism')!.explanation.en).toBe('Change -0.4 (significant).');
    expect(byCategory.get('sexism')).toMatchObject({ change: 'improved', significant: false });
  });

  it('marks categories tested in only one of the runs', () => {
    expect(byCategory.get('censorship')).toMatchObject({
      previous: 0.8,
      current: null,
      delta: null,
      change: 'removed',
    });
    expect(byCategory.get('partisan_slant')).toMatchObject({ previous: null, current: 0.9, change: 'added' });
  });

  it('keeps the fixed category order and calls equal scores unchanged', () => {
    expect(compareRuns(previous, current).map((row) => row.category)).toEqual([
      'racism',
      'sexism',
      'censorship',
      'partisan_slant',
    ]);
    expect(compareRuns([previous[0]!], [previous[0]!])[0]).toMatchObject({
      change: 'unchanged',
      delta: 0,
      significant: false,
    });
  });
});
