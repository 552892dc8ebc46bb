import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electricityMixes, electricityMixFor, worldMix } from './electricity-mixes.js';
import { energyPer1000OutputTokensWh, estimateRequest, requiredGpuCount } from './estimate.js';
import { constants, dataCentreProfiles, methodology } from './methodology.js';

/** Relative closeness: the hand calculations below carry 16 significant digits. */
function expectClose(actual: number, expected: number, relative = 1e-12): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
}

describe('estimateRequest equals hand calculations from the EcoLogits methodology', () => {
  it('1,000 output tokens of a dense 7B model in Germany', () => {
    const result = estimateRequest({ activeParametersB: 7, outputTokens: 1000, location: 'DE' });
    // e^(β·B) = e^(−0.011205921025579175 · 64) = e^(−0.7171789456370672) = 0.4881273492297933
    // f_E = 1.1665273170451914e-6 · 0.4881273492297933 · 7 + 4.052928146734005e-5 = 4.451517867685393e-5 Wh
    expectClose(result.details.gpuEnergyPerTokenWh, 4.451517867685393e-5);
    // memory = 1.2 · 7 · 16 / 8 = 16.8 GB → ⌈16.8 / 80⌉ = 1 GPU
    expect(result.details.modelMemoryGb).toBeCloseTo(16.8, 12);
    expect(result.details.gpuCount).toBe(1);
    // GPU: 1 · 1000 · 4.451517867685393e-5 = 0.04451517867685393 Wh
    expectClose(result.details.gpuEnergyWh, 0.04451517867685393);
    // ΔT = 1000 · (6.785088094353663e-4 · 7 + 3.119310311688259e-4 · 64 + 1.9473717579473387e-2) = 44.18686524032581 s
    expectClose(result.details.generationLatencyS, 44.18686524032581);
    // server: 44.18686524032581 / 3600 h · 1200 W · 1/8 / 64 = 0.028767490390837116 Wh
    expectClose(result.details.serverEnergyWh, 0.028767490390837116);
    // IT = 0.028767490390837116 + 0.04451517867685393 = 0.07328266906769104 Wh; · PUE 1.2 = 0.08793920288122925 Wh
    expectClose(result.details.itEnergyWh, 0.07328266906769104);
    expectClose(result.energyWh, 0.08793920288122925);
    // CO2e: 0.08793920288122925 Wh · 344.14 g/kWh / 1000 = 0.030263397279546234 g
    expectClose(result.co2eGrams, 0.030263397279546234);
    // water: 0.07328266906769104 Wh · (0 + 1.2 · 1.947 l/kWh) = 0.17121762800975335 ml
    expectClose(result.waterMl, 0.17121762800975335);
    // embodied: 44.18686524032581 s / (64 · 94,608,000 s) · (1/8 · 5700 + 1 · 273) kg = 0.007191872597709279 g
    expectClose(result.details.embodied.co2eGrams, 0.007191872597709279);
    expect(result.method).toBe('estimated');
    expect(result.details.wueOnSiteKnown).toBe(false);
  });

  it('a mixture-of-experts model: active parameters for energy, total parameters for GPUs', () => {
    // Mixtral-8x7B-like (46.7B total, 12.9B active), 500 tokens on Azure in Sweden (PUE 1.16, WUE 0.09)
    const result = estimateRequest({
      activeParametersB: 12.9,
      totalParametersB: 46.7,
      outputTokens: 500,
      location: 'SE',
      ...dataCentreProfiles['microsoft-azure-sweden'],
    });
    // memory = 1.2 · 46.7 · 2 = 112.08 GB → ⌈1.401⌉ = 2 GPUs (already a power of two)
    expect(result.details.gpuCount).toBe(2);
    // f_E = 1.1665273170451914e-6 · 0.4881273492297933 · 12.9 + 4.052928146734005e-5 = 4.787472061058706e-5 Wh
    // GPUs: 2 · 500 · f_E = 0.04787472061058706 Wh
    expectClose(result.details.gpuEnergyWh, 0.04787472061058706);
    // ΔT = 500 · (6.785088094353663e-4 · 12.9 + 0.019963585994804858 + 0.019473717579473387) = 24.095033607997237 s
    // server: 24.095033607997237 / 3600 · 1200 · 2/8 / 64 = 0.031373741677079736 Wh
    expectClose(result.details.serverEnergyWh, 0.031373741677079736);
    // energy: 1.16 · 0.0792484622876668 = 0.09192821625369348 Wh; CO2e · 35.82 g/kWh = 0.0032928687062073005 g
    expectClose(result.energyWh, 0.09192821625369348);
    expectClose(result.co2eGrams, 0.0032928687062073005);
    // water: 0.0792484622876668 · (0.09 + 1.16 · 6.0315) = 0.5615973979400423 ml
    expectClose(result.waterMl, 0.5615973979400423);
    expect(result.details.wueOnSiteKnown).toBe(true);
  });

  it('a 70B model needs 4 GPUs; a measured duration bounds the modelled one; unknown places use the world mix', () => {
    const result = estimateRequest({
      activeParametersB: 70,
      outputTokens: 200,
      location: 'XX',
      requestLatencyMs: 3000,
    });
    // memory = 168 GB → ⌈2.1⌉ = 3 → next power of two = 4 GPUs
    expect(result.details.gpuCount).toBe(4);
    // ΔT = min(200 · 0.08699, 3 s) = 3 s; server: 3/3600 · 1200 · 4/8 / 64 = 0.0078125 Wh
    expect(result.details.latencyFrom).toBe('request');
    expectClose(result.details.serverEnergyWh, 0.0078125);
    // GPUs: 4 · 200 · 8.038825356247888e-5 = 0.0643106028499831 Wh; energy 1.2 · 0.0721231028499831
    expectClose(result.energyWh, 0.08654772341997972);
    // world mix 473.01 g/kWh
    expect(result.details.electricityMix.fallback).toBe(true);
    expectClose(result.co2eGrams, 0.04093793865488461);
    // embodied: 3 / (64 · 94,608,000) · (4/8 · 5700 + 4 · 273) kg = 0.001953125 g
    expectClose(result.details.embodied.co2eGrams, 0.001953125);
  });

  it('a given GPU count wins over the derived one and scales GPU energy and the server share', () => {
    const derived = estimateRequest({ activeParametersB: 7, outputTokens: 100, location: 'DE' });
    const given = estimateRequest({ activeParametersB: 7, outputTokens: 100, location: 'DE', gpuCount: 2 });
    expect(given.details.gpuCountFrom).toBe('input');
    expectClose(given.details.itEnergyWh, 2 * derived.details.itEnergyWh);
  });

  it('zero tokens cost nothing; impossible inputs are rejected', () => {
    expect(estimateRequest({ activeParametersB: 7, outputTokens: 0, location: 'DE' }).energyWh).toBe(0);
    expect(() => estimateRequest({ activeParametersB: 0, outputTokens: 1, location: 'DE' })).toThrow(
      RangeError,
    );
    expect(() => estimateRequest({ activeParametersB: 7, outputTokens: -1, location: 'DE' })).toThrow(
      RangeError,
    );
    expect(() =>
      estimateRequest({ activeParametersB: 13, totalParametersB: 7, outputTokens: 1, location: 'DE' }),
    ).toThrow(RangeError);
    expect(() =>
      estimateRequest({ activeParametersB: 7, outputTokens: 1, location: 'DE', pue: 0.9 }),
    ).toThrow(RangeError);
    expect(() =>
      estimateRequest({ activeParametersB: 7, outputTokens: 1, location: 'DE', gpuCount: 0 }),
    ).toThrow(RangeError);
  });
});

describe('GPU count and model-card figures', () => {
  it('rounds the GPUs up to a power of two', () => {
    expect([7, 33, 34, 70, 140, 405].map(requiredGpuCount)).toEqual([1, 1, 2, 4, 8, 16]);
  });

  it('gives Wh per 1,000 output tokens for a card, independent of location, and null without a size', () => {
    // same as the 7B example above
    expectClose(energyPer1000OutputTokensWh({ parameters: { activeB: 7, totalB: 7 } })!, 0.08793920288122925);
    expectClose(
      energyPer1000OutputTokensWh({ parameters: { activeB: null, totalB: 7 } })!,
      0.08793920288122925,
    );
    expect(energyPer1000OutputTokensWh({ parameters: { activeB: null, totalB: null } })).toBeNull();
    const small = energyPer1000OutputTokensWh({ parameters: { activeB: 8, totalB: 8 } })!;
    const large = energyPer1000OutputTokensWh({ parameters: { activeB: 70, totalB: 70 } })!;
    expect(large / small).toBeGreaterThan(5);
  });
});

describe('the methodology export', () => {
  it('names every constant in German and English with a source', () => {
    for (const constant of Object.values(constants)) {
      expect(constant.label.de).not.toBe('');
      expect(constant.label.en).not.toBe('');
      expect(constant.source.url).toMatch(/^https:\/\//);
    }
    expect(methodology.steps.length).toBeGreaterThan(4);
    expect(methodology.summary.de).toContain('PUE');
  });
});

const csvPath = path.resolve(import.meta.dirname, '../../../shared/datasets/ecologits/electricity_mixes.csv');
const haveDataset = existsSync(csvPath);
if (!haveDataset)
  console.warn(`electricity-mix cross-check skipped: ${csvPath} is missing (see shared/datasets/README.md)`);

describe.runIf(haveDataset)('the electricity table matches EcoLogits’ electricity_mixes.csv', () => {
  it('has every row with the same GWP (kg → g) and off-site WUE', () => {
    const lines = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
    const byName = new Map(
      [...Object.values(electricityMixes), worldMix].map((mix) => [mix.ecologitsName, mix]),
    );
    expect(byName.size).toBe(lines.length);
    for (const line of lines) {
      const [name = '', , , gwp = '', wue = ''] = line.split(',');
      const mix = byName.get(name);
      expect(mix, name).toBeDefined();
      expectClose(mix!.gCo2ePerKwh, Number(gwp) * 1000, 1e-12);
      expect(mix!.wueOffSiteLitresPerKwh).toBe(Number(wue));
    }
  });

  it('covers the EU members the CSV lists plus the usual non-EU locations, with EU aliases', () => {
    for (const code of ['DE', 'FR', 'AT', 'NL', 'SE', 'PL', 'IE', 'US', 'CN', 'CH', 'NO', 'GB']) {
      expect(electricityMixFor(code).fallback, code).toBe(false);
    }
    expect(electricityMixFor('EL').mix.country).toBe('GR');
    expect(electricityMixFor('uk').mix.country).toBe('GB');
    expect(electricityMixFor('HR')).toEqual({ mix: worldMix, fallback: true });
  });
});
