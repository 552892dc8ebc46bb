import { z } from 'zod';
import type { Logger } from '../core/logger.js';
import { canonicalJson } from '../core/canonical-json.js';
import type { RegistrySnapshot } from '../registry/registry-snapshot.js';
import type { DataCentre } from './footprint.js';
import type { MeasurementSource } from './measured-energy.js';
import { createPowerSampler, dcgmPowerUsage, dcgmTotalEnergy, type PowerSampler } from './prometheus-power.js';
import { createRaplSampler, openRaplMeter } from './rapl.js';

/**
 * A self-hosted inference server's power exporter, set as the provider option `powerMetrics`:
 * `{ "url": "http://gpu-1:9400/metrics", "labels": { "Hostname": "gpu-1" }, "metric": "energy" }`.
 * `energy` reads DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION (exact over any window), `power` the sampled
 * DCGM_FI_DEV_POWER_USAGE gauge.
 */
export const powerMetricsOption = z.object({
  url: z.string().url(),
  labels: z.record(z.string(), z.string()).optional(),
  metric: z.enum(['energy', 'power']).default('energy'),
  intervalMs: z.number().int().min(100).max(60_000).optional(),
});

export type MeasurementSourceOptions = {
  /** `auto`: measure the embedded provider with RAPL where this machine lets us read it. */
  rapl: 'auto' | 'off';
  raplRoot?: string | undefined;
  localProviderId: string;
  ownLocation: string;
  ownPue?: number | undefined;
  ownWue?: number | undefined;
  logger: Logger;
};

/** Which providers have a meter, from the registry's provider options and this machine's RAPL. */
export function createMeasurementSources(registry: { get(): Promise<RegistrySnapshot> }, options: MeasurementSourceOptions) {
  const exporters = new Map<string, { key: string; source: MeasurementSource }>();
  let rapl: MeasurementSource | null | undefined;

  function raplSource(): MeasurementSource | null {
    if (rapl !== undefined) return rapl;
    const meter = options.rapl === 'off' ? undefined : openRaplMeter(options.raplRoot ? { root: options.raplRoot } : {});
    if (!meter) return (rapl = null);
    const sampler = createRaplSampler(meter);
    options.logger.info({ zones: meter.zones.map((zone) => zone.name) }, 'energy: the embedded provider is measured with RAPL');
    return (rapl = { method: 'measured-rapl', energyBetween: sampler.energyBetween, start: () => sampler.start(), stop: () => sampler.stop() });
  }

  function exporterSource(providerId: string, raw: unknown): MeasurementSource | undefined {
    const parsed = powerMetricsOption.safeParse(raw);
    if (!parsed.success) {
      options.logger.warn({ provider: providerId, problem: parsed.error.issues[0]?.message }, 'energy: provider option powerMetrics is invalid; estimates stay');
      return undefined;
    }
    const key = canonicalJson(parsed.data);
    const known = exporters.get(providerId);
    if (known?.key === key) return known.source;
    const { url, labels, metric, intervalMs } = parsed.data;
    const sampler: PowerSampler = createPowerSampler({ url, metric: metric === 'power' ? dcgmPowerUsage : dcgmTotalEnergy, ...(labels ? { labels } : {}), ...(intervalMs ? { intervalMs } : {}) });
    const source: MeasurementSource = { method: 'measured-prometheus', energyBetween: sampler.energyBetween, start: () => sampler.start(), stop: () => sampler.stop() };
    exporters.set(providerId, { key, source });
    return source;
  }

  return {
    async sources(): Promise<Map<string, MeasurementSource>> {
      const snapshot = await registry.get();
      const result = new Map<string, MeasurementSource>();
      for (const provider of snapshot.providers.values()) {
        const exporter = provider.options.powerMetrics === undefined ? undefined : exporterSource(provider.id, provider.options.powerMetrics);
        if (exporter) result.set(provider.id, exporter);
        else if (provider.id === options.localProviderId && raplSource()) result.set(provider.id, raplSource()!);
      }
      for (const providerId of exporters.keys()) if (!result.has(providerId)) exporters.delete(providerId);
      return result;
    },

    /** Where a provider's servers stand: its location, and for the own zone the configured PUE/WUE. */
    async dataCentre(providerId: string): Promise<DataCentre> {
      const provider = (await registry.get()).providers.get(providerId);
      if (!provider || provider.zone !== 'own') return { location: provider?.location ?? null };
      return { location: provider.location ?? options.ownLocation, ...(options.ownPue ? { pue: options.ownPue } : {}), ...(options.ownWue !== undefined ? { wue: options.ownWue } : {}) };
    },
  };
}
