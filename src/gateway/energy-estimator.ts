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
 * Measured energy (energy module): told when each request starts and which provider served it when it
 * ends; where that provider has a meter, the measured share later replaces the estimate in the record.
 */
export interface EnergyMeter {
  begin(usageId: string, atMs: number): void;
  end(usageId: string, providerId: string | undefined, atMs: number, outputTokens: number): void;
}
