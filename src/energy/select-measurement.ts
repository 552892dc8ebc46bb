import type { EnergyEstimate, EstimateDetails } from './estimate.js';
import {
  footprintOfItEnergy,
  type DataCentre,
  type EnergyMethod,
  type Footprint,
  type FootprintDetails,
} from './footprint.js';

/** Energy of the IT equipment during one request, from RAPL or a Prometheus exporter. */
export type Measurement = { method: 'measured-rapl' | 'measured-prometheus'; itEnergyWh: number };

export type RequestFootprint = Footprint & {
  method: EnergyMethod;
  details: FootprintDetails & {
    /** The estimate for the same request, kept beside a measurement so both can be compared. */
    estimate?: Footprint & { details: EstimateDetails };
  };
};

/**
 * A GPU exporter sees the device doing the work of a self-hosted model; RAPL sees this machine's
 * CPUs and memory, which is where the embedded provider computes. Where both exist, the GPU wins.
 */
const precedence: Measurement['method'][] = ['measured-prometheus', 'measured-rapl'];

/**
 * The figures a usage record stores: a valid measurement beats the estimate, and the result says
 * which it is. Measured IT energy gets the same PUE, mix and water factors as the estimate would.
 */
export function selectFootprint(input: {
  dataCentre: DataCentre;
  estimate?: EnergyEstimate;
  measurements?: readonly (Measurement | undefined)[];
}): RequestFootprint | undefined {
  const valid = (input.measurements ?? []).filter(
    (measurement): measurement is Measurement =>
      measurement !== undefined && Number.isFinite(measurement.itEnergyWh) && measurement.itEnergyWh >= 0,
  );
  const measured = precedence.map((method) => valid.find((item) => item.method === method)).find(Boolean);
  if (measured) {
    const { footprint, details } = footprintOfItEnergy(measured.itEnergyWh, input.dataCentre);
    const { estimate } = input;
    return {
      ...footprint,
      method: measured.method,
      details: estimate
        ? {
            ...details,
            estimate: {
              energyWh: estimate.energyWh,
              co2eGrams: estimate.co2eGrams,
              waterMl: estimate.waterMl,
              details: estimate.details,
            },
          }
        : details,
    };
  }
  return input.estimate;
}
