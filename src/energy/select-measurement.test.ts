import { describe, expect, it } from 'vitest';
import { estimateRequest } from './estimate.js';
import { selectFootprint } from './select-measurement.js';

const dataCentre = { location: 'DE', pue: 1.5 };
const estimate = estimateRequest({ activeParametersB: 7, outputTokens: 1000, ...dataCentre });

describe('measured beats estimated', () => {
  it('uses the estimate when nothing was measured, and says so', () => {
    expect(selectFootprint({ dataCentre, estimate })).toBe(estimate);
    expect(selectFootprint({ dataCentre, estimate, measurements: [undefined] })?.method).toBe('estimated');
  });

  it('uses a RAPL measurement over the estimate, with the same PUE, mix and water factors', () => {
    const result = selectFootprint({
      dataCentre,
      estimate,
      measurements: [{ method: 'measured-rapl', itEnergyWh: 2 }],
    })!;
    expect(result.method).toBe('measured-rapl');
    // 2 Wh IT · PUE 1.5 = 3 Wh; · 344.14 g/kWh = 1.03242 g; water 2 Wh · 1.5 · 1.947 l/kWh = 5.841 ml
    expect(result.energyWh).toBeCloseTo(3, 12);
    expect(result.co2eGrams).toBeCloseTo(1.03242, 12);
    expect(result.waterMl).toBeCloseTo(5.841, 12);
    expect(result.details.estimate?.energyWh).toBe(estimate.energyWh);
  });

  it('prefers the GPU exporter over RAPL when both exist; ignores invalid readings', () => {
    const both = selectFootprint({
      dataCentre,
      estimate,
      measurements: [
        { method: 'measured-rapl', itEnergyWh: 2 },
        { method: 'measured-prometheus', itEnergyWh: 4 },
      ],
    })!;
    expect(both.method).toBe('measured-prometheus');
    expect(both.energyWh).toBeCloseTo(6, 12);
    const invalid = selectFootprint({
      dataCentre,
      estimate,
      measurements: [
        { method: 'measured-prometheus', itEnergyWh: Number.NaN },
        { method: 'measured-rapl', itEnergyWh: -1 },
      ],
    });
    expect(invalid?.method).toBe('estimated');
  });

  it('reports a measurement without an estimate (model size unknown), and nothing without either', () => {
    expect(
      selectFootprint({ dataCentre, measurements: [{ method: 'measured-rapl', itEnergyWh: 1 }] })?.method,
    ).toBe('measured-rapl');
    expect(selectFootprint({ dataCentre })).toBeUndefined();
  });
});
