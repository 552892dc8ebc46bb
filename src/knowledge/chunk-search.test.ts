import { describe, expect, it } from 'vitest';
import { atLeastQuery, textTiers } from './chunk-search.js';

describe('full-text tiers', () => {
  it('asks for all words first, then for at least half of them', () => {
    expect(textTiers(0)).toEqual([]);
    expect(textTiers(1)).toEqual([1]);
    expect(textTiers(2)).toEqual([2, 1]);
    expect(textTiers(3)).toEqual([3, 2]);
    expect(textTiers(8)).toEqual([8, 4]);
  });

  it('writes "at least k of these words" as a tsquery of quoted lexemes', () => {
    expect(atLeastQuery(['sanier', 'schwimmbad', 'haushalt'], 3)).toBe("('sanier' & 'schwimmbad' & 'haushalt')");
    expect(atLeastQuery(['sanier', 'schwimmbad', 'haushalt'], 2)).toBe("('sanier' & 'schwimmbad') | ('sanier' & 'haushalt') | ('schwimmbad' & 'haushalt')");
    expect(atLeastQuery(['a', 'b'], 1)).toBe("'a' | 'b'");
    // Quotes and backslashes in a lexeme cannot break out of it.
    expect(atLeastQuery(["it's", 'x\\y'], 2)).toBe("('it''s' & 'x\\\\y')");
    expect(atLeastQuery(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 4).split(' | ')).toHaveLength(70);
  });
});
