export {
  aggregateUsage,
  groupDimensions,
  microToDecimal,
  toMicroUnits,
  UsageAggregator,
  type AggregateKey,
  type AggregateOptions,
  type AggregateRow,
  type GroupDimension,
  type Period,
  type UsageFootprintRecord,
} from './aggregate.js';
export { attributeEnergy, RequestLedger, type EnergyBetween, type RequestWindow } from './attribution.js';
export {
  comparisonReferences,
  everydayComparisons,
  sameWorkComparisons,
  type EverydayComparison,
  type ModelEfficiency,
  type SameWorkComparison,
} from './comparisons.js';
export { aggregateRowsToCsv, type CsvOptions } from './csv-export.js';
export {
  electricityMixes,
  electricityMixFor,
  electricityMixSource,
  worldMix,
  type ElectricityMix,
} from './electricity-mixes.js';
export { EnergyTimeline, type EnergySample } from './energy-timeline.js';
export {
  energyPer1000OutputTokensWh,
  estimateRequest,
  gpuEnergyPerTokenWh,
  modelMemoryGb,
  requiredGpuCount,
  type EnergyEstimate,
  type EstimateDetails,
  type EstimateInput,
} from './estimate.js';
export {
  energyMethods,
  footprintOfItEnergy,
  type DataCentre,
  type EnergyMethod,
  type Footprint,
  type FootprintDetails,
} from './footprint.js';
export { constants, dataCentreProfiles, methodology, type Constant, type Source } from './methodology.js';
export { monthlySummary, type MonthlySummary } from './monthly-summary.js';
export {
  createPowerSampler,
  dcgmPowerUsage,
  dcgmTotalEnergy,
  type PowerMetric,
  type PowerSampler,
  type PowerSamplerOptions,
} from './prometheus-power.js';
export { parseExposition, type MetricSample, type ParsedExposition } from './prometheus-text.js';
export {
  createRaplSampler,
  defaultPowercapRoot,
  openRaplMeter,
  probeRapl,
  type RaplMeter,
  type RaplProbe,
  type RaplSampler,
  type RaplReading,
  type RaplZone,
} from './rapl.js';
export { selectFootprint, type Measurement, type RequestFootprint } from './select-measurement.js';
