import { electricityMixFor, type ElectricityMix } from './electricity-mixes.js';
import { constants } from './methodology.js';

/** How a figure came about; every usage record and dashboard cell carries one of these. */
export const energyMethods = ['estimated', 'measured-rapl', 'measured-prometheus'] as const;
export type EnergyMethod = (typeof energyMethods)[number];

/** What a usage record stores per request (issue 11, item 3). */
export type Footprint = { energyWh: number; co2eGrams: number; waterMl: number };

/** Where the electricity is used: the country decides the mix, the building PUE and on-site water. */
export type DataCentre = {
  /** ISO 3166-1 alpha-2 country of the servers; unknown or missing means the world average. */
  location: string | null | undefined;
  pue?: number;
  /** On-site water usage effectiveness, litres per kWh of IT energy. */
  wue?: number;
};

export type FootprintDetails = {
  itEnergyWh: number;
  pue: number;
  wueOnSiteLitresPerKwh: number;
  /** False when no on-site WUE was given: on-site water is then not counted. */
  wueOnSiteKnown: boolean;
  electricityMix: ElectricityMix & { fallback: boolean };
  water: { onSiteMl: number; offSiteMl: number };
};

/**
 * From the IT equipment's energy to the request's footprint, the same way for estimates and
 * measurements: facility energy = PUE · IT energy; water after Li et al. 2025 ("Making AI Less
 * Thirsty", doi:10.1145/3724499) as EcoLogits applies it: IT energy · (WUE on-site + PUE · WUE off-site).
 */
export function footprintOfItEnergy(
  itEnergyWh: number,
  dataCentre: DataCentre,
): { footprint: Footprint; details: FootprintDetails } {
  if (!(itEnergyWh >= 0) || !Number.isFinite(itEnergyWh))
    throw new RangeError(`IT energy must be ≥ 0 Wh, got ${itEnergyWh}`);
  const pue = dataCentre.pue ?? constants.defaultPue.value;
  if (!(pue >= 1) || !Number.isFinite(pue)) throw new RangeError(`PUE must be ≥ 1, got ${pue}`);
  const wueOnSite = dataCentre.wue ?? constants.defaultWueOnSite.value;
  if (!(wueOnSite >= 0) || !Number.isFinite(wueOnSite))
    throw new RangeError(`WUE must be ≥ 0 l/kWh, got ${wueOnSite}`);
  const { mix, fallback } = electricityMixFor(dataCentre.location);
  const energyWh = pue * itEnergyWh;
  // Wh · l/kWh = ml, so no unit factor appears in the water lines.
  const onSiteMl = itEnergyWh * wueOnSite;
  const offSiteMl = itEnergyWh * pue * mix.wueOffSiteLitresPerKwh;
  return {
    footprint: { energyWh, co2eGrams: (energyWh * mix.gCo2ePerKwh) / 1000, waterMl: onSiteMl + offSiteMl },
    details: {
      itEnergyWh,
      pue,
      wueOnSiteLitresPerKwh: wueOnSite,
      wueOnSiteKnown: dataCentre.wue !== undefined,
      // Written out: a spread followed by a new field makes a slow dictionary object in V8 (every call meters one).
      electricityMix: { country: mix.country, ecologitsName: mix.ecologitsName, gCo2ePerKwh: mix.gCo2ePerKwh, wueOffSiteLitresPerKwh: mix.wueOffSiteLitresPerKwh, fallback },
      water: { onSiteMl, offSiteMl },
    },
  };
}
