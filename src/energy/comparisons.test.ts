import { describe, expect, it } from 'vitest';
import { comparisonReferences, everydayComparisons, sameWorkComparisons } from './comparisons.js';

const textOf = (id: string, figures: { energyWh: number; co2eGrams: number }) =>
  everydayComparisons(figures).find((comparison) => comparison.id === id)!.text;

describe('everyday comparisons', () => {
  it('says the same thing in German and English, with locale number formats', () => {
    const figures = { energyWh: 1.5, co2eGrams: 0.5 };
    // 1.5 Wh / 10 W = 0.15 h = 9 minutes
    expect(textOf('led-lamp', figures)).toEqual({
      de: 'so viel Strom, wie eine 10-Watt-LED-Lampe in 9 Minuten braucht',
      en: 'as much electricity as a 10-watt LED lamp uses in 9 minutes',
    });
    // 1.5 Wh / (12.89 Wh / 0.8) = 0.0931 charges
    expect(textOf('smartphone-charges', figures)).toEqual({
      de: '0,093 volle Smartphone-Ladungen',
      en: '0.093 full smartphone charges',
    });
    // 1.5 Wh / 6 Wh/km = 250 m; 1.5 Wh / 170 Wh/km = 8.8 m
    expect(textOf('e-bike', figures)).toEqual({ de: '250 m mit dem E-Bike', en: '250 m by e-bike' });
    expect(textOf('electric-car', figures)).toEqual({
      de: '8,8 m mit dem Elektroauto',
      en: '8.8 m by electric car',
    });
    // 0.5 g / 142 g/km = 3.5 m
    expect(textOf('petrol-car', figures)).toEqual({
      de: 'so viel CO2e wie 3,5 m mit einem Benziner',
      en: 'as much CO2e as 3.5 m in a petrol car',
    });
  });

  it('switches units for large and small figures', () => {
    const month = { energyWh: 1611.25, co2eGrams: 142_000 * 12.5 };
    // 1611.25 Wh / 10 W = 161.125 h; / 16.1125 Wh = 100 phone charges; / 6 Wh/km = 268.5 km; 1,775,000 g / 142 g/km = 12,500 km
    expect(textOf('led-lamp', month).de).toContain('161 Stunden');
    expect(textOf('smartphone-charges', month)).toEqual({
      de: '100 volle Smartphone-Ladungen',
      en: '100 full smartphone charges',
    });
    expect(textOf('e-bike', month)).toEqual({ de: '269 km mit dem E-Bike', en: '269 km by e-bike' });
    expect(textOf('petrol-car', month).de).toBe('so viel CO2e wie 12.500 km mit einem Benziner');
    expect(textOf('petrol-car', month).en).toBe('as much CO2e as 12,500 km in a petrol car');
    expect(textOf('led-lamp', { energyWh: 0.05, co2eGrams: 0 }).en).toContain('18 seconds');
    expect(
      textOf('smartphone-charges', { energyWh: comparisonReferences.smartphoneChargeWh.value, co2eGrams: 0 })
        .de,
    ).toBe('1 volle Smartphone-Ladung');
  });

  it('names a source for every comparison', () => {
    for (const comparison of everydayComparisons({ energyWh: 1, co2eGrams: 1 }))
      expect(comparison.source.url, comparison.id).toMatch(/^https:\/\//);
  });
});

describe('the same work with another model', () => {
  const models = [
    { id: 'a', name: 'Modell A', whPer1kOutputTokens: 0.2 },
    { id: 'b', name: 'Modell B', whPer1kOutputTokens: 0.1 },
    { id: 'c', name: 'Modell C', whPer1kOutputTokens: 0.05 },
  ];

  it('compares the tokens as produced with each more frugal model, best first', () => {
    // actual: 10k tokens on A (2 Wh) + 30k on B (3 Wh) = 5 Wh; all on C: 40 · 0.05 = 2 Wh → 60 % less; on B: 4 Wh → 20 %
    const result = sameWorkComparisons(
      [
        { modelId: 'a', tokensOut: 10_000 },
        { modelId: 'b', tokensOut: 30_000 },
        { modelId: 'unknown', tokensOut: 99_000 },
      ],
      models,
    );
    expect(result.map((item) => [item.modelId, item.alternativeWh])).toEqual([
      ['c', 2],
      ['b', 4],
    ]);
    expect(result[0]!.actualWh).toBeCloseTo(5, 12);
    expect(result[0]!.percentLess).toBeCloseTo(60, 10);
    expect(result[0]!.text).toEqual({
      de: 'Dieselbe Arbeit mit Modell C würde 60 % weniger Energie verbrauchen.',
      en: 'The same work with Modell C would use 60% less energy.',
    });
    expect(result[1]!.text.en).toBe('The same work with Modell B would use 20% less energy.');
  });

  it('has nothing to say without comparable work or when the most frugal model was used', () => {
    expect(sameWorkComparisons([{ modelId: 'unknown', tokensOut: 5 }], models)).toEqual([]);
    expect(sameWorkComparisons([{ modelId: 'c', tokensOut: 5 }], models)).toEqual([]);
  });
});
