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

