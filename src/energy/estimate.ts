import { footprintOfItEnergy, type DataCentre, type Footprint, type FootprintDetails } from './footprint.js';
import { constants as c, methodology } from './methodology.js';

/** One request to a language model; parameter counts in billions. */
export type EstimateInput = DataCentre & {
  activeParametersB: number;
  /** For mixture-of-experts models; decides the GPU count. Defaults to the active count (dense model). */
  totalParametersB?: number;
  outputTokens: number;
  /** Recorded for transparency; the methodology does not model prefill. */
  inputTokens?: number;
  /** When known (own servers): overrides the GPU count derived from the model's memory. */
  gpuCount?: number;
  /** Measured duration of the request; bounds the modelled generation time, as in EcoLogits. */
  requestLatencyMs?: number;
};

export type EstimateDetails = FootprintDetails & {
  methodology: string;
  activeParametersB: number;
  totalParametersB: number;
  inputTokens: number | null;
  outputTokens: number;
  modelMemoryGb: number;
  gpuCount: number;
  gpuCountFrom: 'input' | 'model-memory';
  batchSize: number;
  gpuEnergyPerTokenWh: number;
  /** All GPUs together. */
  gpuEnergyWh: number;
  serverEnergyWh: number;
  generationLatencyS: number;
  latencyFrom: 'model' | 'request';
  /** Manufacturing share, reported beside (not inside) co2eGrams, as EcoLogits does. */
  embodied: { co2eGrams: number };
};

export type EnergyEstimate = Footprint & { method: 'estimated'; details: EstimateDetails };

const secondsPerYear = 365 * 24 * 60 * 60;

/** Memory for the weights plus 20 % (EleutherAI, "Transformer Math 101", cited by EcoLogits), in GB. */
export function modelMemoryGb(totalParametersB: number): number {
  return (c.memoryOverhead.value * totalParametersB * c.quantizationBits.value) / 8;
}

/** GPUs to hold the model, rounded up to a power of two (1, 2, 4, 8 …) as servers are built. */
export function requiredGpuCount(totalParametersB: number): number {
  const gpus = Math.max(1, Math.ceil(modelMemoryGb(totalParametersB) / c.gpuMemoryGb.value));
  return 2 ** Math.ceil(Math.log2(gpus));
}

export function gpuEnergyPerTokenWh(activeParametersB: number): number {
  const batch = c.batchSize.value;
  return (
    c.gpuEnergyAlpha.value * Math.exp(c.gpuEnergyBeta.value * batch) * activeParametersB +
    c.gpuEnergyGamma.value
  );
}

function latencyPerTokenS(activeParametersB: number): number {
  return (
    c.latencyAlpha.value * activeParametersB + c.latencyBeta.value * c.batchSize.value + c.latencyGamma.value
  );
}

export function estimateRequest(input: EstimateInput): EnergyEstimate {
  const active = positive(input.activeParametersB, 'activeParametersB');
  const total =
    input.totalParametersB === undefined ? active : positive(input.totalParametersB, 'totalParametersB');
  if (total < active) throw new RangeError('totalParametersB must not be smaller than activeParametersB');
  const tokens = input.outputTokens;
  if (!Number.isInteger(tokens) || tokens < 0)
    throw new RangeError(`outputTokens must be an integer ≥ 0, got ${tokens}`);
  if (input.gpuCount !== undefined && !(Number.isInteger(input.gpuCount) && input.gpuCount >= 1))
    throw new RangeError(`gpuCount must be an integer ≥ 1, got ${input.gpuCount}`);
  if (input.requestLatencyMs !== undefined && !(input.requestLatencyMs >= 0))
    throw new RangeError(`requestLatencyMs must be ≥ 0, got ${input.requestLatencyMs}`);
  const batch = c.batchSize.value;
  const gpus = input.gpuCount ?? requiredGpuCount(total);
  const perToken = gpuEnergyPerTokenWh(active);
  const gpuEnergyWh = gpus * tokens * perToken;
  const modelledLatencyS = tokens * latencyPerTokenS(active);
  const requestLatencyS = input.requestLatencyMs === undefined ? Infinity : input.requestLatencyMs / 1000;
  const latencyS = Math.min(modelledLatencyS, requestLatencyS);
  const serverEnergyWh = ((latencyS / 3600) * c.serverPowerW.value * (gpus / c.serverGpus.value)) / batch;
  const { footprint, details } = footprintOfItEnergy(serverEnergyWh + gpuEnergyWh, input);
  const embodiedKg =
    (gpus / c.serverGpus.value) * c.serverEmbodiedKgCo2e.value + gpus * c.gpuEmbodiedKgCo2e.value;
  const lifetimeS = c.hardwareLifetimeYears.value * secondsPerYear;
  // Written out rather than spread: a spread followed by sixteen more fields made V8 build this object
  // in its slow dictionary mode, ~30 µs per model call (measured), more than the rest of the metering.
  return {
    energyWh: footprint.energyWh,
    co2eGrams: footprint.co2eGrams,
    waterMl: footprint.waterMl,
    method: 'estimated',
    details: {
      itEnergyWh: details.itEnergyWh,
      pue: details.pue,
      wueOnSiteLitresPerKwh: details.wueOnSiteLitresPerKwh,
      wueOnSiteKnown: details.wueOnSiteKnown,
      electricityMix: details.electricityMix,
      water: details.water,
      methodology: methodology.version,
      activeParametersB: active,
      totalParametersB: total,
      inputTokens: input.inputTokens ?? null,
      outputTokens: tokens,
      modelMemoryGb: modelMemoryGb(total),
      gpuCount: gpus,
      gpuCountFrom: input.gpuCount === undefined ? 'model-memory' : 'input',
      batchSize: batch,
      gpuEnergyPerTokenWh: perToken,
      gpuEnergyWh,
      serverEnergyWh,
      generationLatencyS: latencyS,
      latencyFrom: requestLatencyS < modelledLatencyS ? 'request' : 'model',
      embodied: { co2eGrams: (latencyS / (batch * lifetimeS)) * embodiedKg * 1000 },
    },
  };
}

/**
 * The registry's figure for a model card (issue 11, item 5): facility energy of 1,000 output tokens at
 * the default PUE. Location-independent, so models compare on the model alone; null without a size.
 */
export function energyPer1000OutputTokensWh(
  card: { parameters: { activeB: number | null; totalB: number | null } },
  options: { pue?: number } = {},
): number | null {
  const active = card.parameters.activeB ?? card.parameters.totalB;
  if (active === null) return null;
  const total = Math.max(active, card.parameters.totalB ?? active);
  return estimateRequest({
    activeParametersB: active,
    totalParametersB: total,
    outputTokens: 1000,
    location: null,
    pue: options.pue,
  }).energyWh;
}

function positive(value: number, name: string): number {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
}
