import type { EnergyEstimator, EnergyInput } from '../gateway/energy-estimator.js';
import { estimateRequest } from './estimate.js';

/** Models whose size the registry does not know are estimated as this size, and marked so. */
export const ASSUMED_ACTIVE_PARAMETERS_B = 8;

/**
 * The gateway's energy step: the EcoLogits-derived estimate per request, at the provider's location,
 * bounded by the measured duration. Own servers use the configured PUE/WUE.
 */
export function createRequestEnergyEstimator(options: { ownPue?: number; ownWue?: number } = {}): EnergyEstimator {
  return {
    estimate(input: EnergyInput) {
      const known = input.activeParametersB !== null && input.activeParametersB > 0;
      const own = input.zone === 'own';
      const estimate = estimateRequest({
        activeParametersB: known ? input.activeParametersB! : ASSUMED_ACTIVE_PARAMETERS_B,
        outputTokens: input.outputTokens,
        inputTokens: input.inputTokens,
        location: input.location,
        ...(input.durationMs > 0 ? { requestLatencyMs: input.durationMs } : {}),
        ...(own && options.ownPue ? { pue: options.ownPue } : {}),
        ...(own && options.ownWue !== undefined ? { wue: options.ownWue } : {}),
      });
      return {
        energyWh: estimate.energyWh,
        co2eGrams: estimate.co2eGrams,
        waterMl: estimate.waterMl,
        method: known ? 'estimated' : 'estimated-assumed-size',
      };
    },
  };
}

