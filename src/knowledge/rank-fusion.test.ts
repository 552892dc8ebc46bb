import { describe, expect, it } from 'vitest';
import { fuseRankings } from './rank-fusion.js';

describe('reciprocal rank fusion', () => {
  it('puts an item both retrievers found above items only one found', () => {
    const fused = fuseRankings([
      ['a', 'b', 'c'],
      ['d', 'b', 'e'],
    ]);
    expect(fused[0]!.id).toBe('b');
    expect(fused[0]!.ranks).toEqual([2, 2]);
    expect(fused[0]!.score).toBeCloseTo(2 / 62);
  });

  it('breaks ties by the earlier list (full text before meaning) and respects the limit', () => {
    const fused = fuseRankings([['x', 'y'], ['y2', 'a2']], { limit: 3 });
    expect(fused.map((entry) => entry.id)).toEqual(['x', 'y2', 'y']);
    expect(fuseRankings([['b'], ['a']]).map((entry) => entry.id)).toEqual(['b', 'a']);
  });

  it('counts a duplicate in one list once', () => {
    const fused = fuseRankings([['a', 'a', 'b']]);
    expect(fused.find((entry) => entry.id === 'a')!.score).toBeCloseTo(1 / 61);
  });
});
