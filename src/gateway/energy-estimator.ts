import type { Zone } from '../core/config.js';

export type EnergyInput = {
  activeParametersB: number | null;
  inputTokens: number;
  outputTokens: number;
  /** Country of the data centre (electricity mix). */
  location: string | null;
  zone: Zone;
  durationMs: number;
};

export type EnergyFigures = { energyWh: number; co2eGrams: number; waterMl: number; method: string };

/** Where the gateway's metering gets its energy figures; the energy module provides the implementation. */
export interface EnergyEstimator {
  estimate(input: EnergyInput): EnergyFigures;
}

/**
 * Until the energy module's EcoLogits-derived estimator is wired in: GPU energy per output token
 * from EcoLogits' fit (1.1665e-6·e^(−0.011206·64)·P_active + 4.05e-5 Wh per token and GPU), one GPU,
 * PUE 1.2, Germany's mix 0.344 kgCO2e/kWh (EcoLogits reference data, ../shared/datasets/README.md).
 */
export function createSimpleEnergyEstimator(): EnergyEstimator {
  return {
    estimate(input) {
      const perToken = 1.1665e-6 * Math.exp(-0.011206 * 64) * (input.activeParametersB ?? 7) + 4.05e-5;
      const energyWh = perToken * input.outputTokens * 1.2;
      return { energyWh, co2eGrams: energyWh * 0.344, waterMl: 0, method: 'estimated' };
    },
  };
}
