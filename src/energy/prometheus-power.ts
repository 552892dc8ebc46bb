import { request } from 'undici';
import { systemClock, type Clock } from '../core/clock.js';
import { EnergyTimeline } from './energy-timeline.js';
import { parseExposition, type MetricSample } from './prometheus-text.js';

/**
 * Optional measured energy of self-hosted GPU servers from a Prometheus endpoint, typically NVIDIA's
 * dcgm-exporter. A sampler polls it into an energy timeline; the attribution module then shares the
 * energy of each stretch of time among the requests that ran in it.
 */

export type PowerMetric =
  | { name: string; kind: 'power'; wattsPerUnit: number }
  | { name: string; kind: 'energy'; joulesPerUnit: number };

/** dcgm-exporter's default-counters.csv: "DCGM_FI_DEV_POWER_USAGE, gauge, Power draw (in W)." */
export const dcgmPowerUsage: PowerMetric = {
  name: 'DCGM_FI_DEV_POWER_USAGE',
  kind: 'power',
  wattsPerUnit: 1,
};
/** Same file: "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION, counter, Total energy consumption since boot (in mJ)." */
export const dcgmTotalEnergy: PowerMetric = {
  name: 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION',
  kind: 'energy',
  joulesPerUnit: 0.001,
};

export type PowerSamplerOptions = {
  url: string;
  /** The energy counter by default: exact over any window, where a gauge is only sampled. */
  metric?: PowerMetric;
  /** Only series carrying all these labels count, e.g. { Hostname: 'gpu-1' }; all series are summed. */
  labels?: Record<string, string>;
  intervalMs?: number;
  /** Samples kept; at the default interval of 1 s, 3,600 samples hold one hour. */
  capacity?: number;
  timeoutMs?: number;
  clock?: Clock;
};

export interface PowerSampler {
  /** Joules in [fromMs, toMs], undefined until samples on both sides of the window exist. */
  energyBetween(fromMs: number, toMs: number): number | undefined;
  /** One scrape; false (and `lastError` set) when the endpoint failed or had no matching series. */
  sampleOnce(): Promise<boolean>;
  start(): void;
  stop(): void;
  readonly lastError: string | undefined;
  readonly samples: number;
}

export function createPowerSampler(options: PowerSamplerOptions): PowerSampler {
  const metric = options.metric ?? dcgmTotalEnergy;
  const clock = options.clock ?? systemClock;
  const timeline = new EnergyTimeline(options.capacity ?? 3600);
  const counters = new Map<string, number>();
  let lastError: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let inFlight = false;

  const record = (samples: MetricSample[], atMs: number): void => {
    if (metric.kind === 'power') {
      timeline.addPower(
        atMs,
        samples.reduce((sum, sample) => sum + sample.value * metric.wattsPerUnit, 0),
      );
      return;
    }
    let joules = 0;
    for (const sample of samples) {
      const key = seriesKey(sample.labels);
      const previous = counters.get(key);
      // A counter below its last value was reset (driver reload): count from zero, like Prometheus' increase().
      if (previous !== undefined)
        joules += (sample.value >= previous ? sample.value - previous : sample.value) * metric.joulesPerUnit;
      counters.set(key, sample.value);
    }
    timeline.addEnergy(atMs, joules);
  };

  const sampleOnce = async (): Promise<boolean> => {
    try {
      const samples = matching(
        await scrape(options.url, options.timeoutMs ?? 2000),
        metric.name,
        options.labels ?? {},
      );
      if (samples.length === 0)
        throw new Error(`no ${metric.name} series${options.labels ? ' with the given labels' : ''}`);
      const atMs = clock.now().getTime();
      const latest = timeline.latest();
      if (latest && atMs <= latest.atMs) throw new Error('the clock did not advance since the last sample');
      record(samples, atMs);
      lastError = undefined;
      return true;
    } catch (error) {
      lastError = (error as Error).message;
      return false;
    }
  };

  return {
    energyBetween: (fromMs, toMs) => timeline.energyBetween(fromMs, toMs),
    sampleOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (inFlight) return;
        inFlight = true;
        void sampleOnce().finally(() => {
          inFlight = false;
        });
      }, options.intervalMs ?? 1000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    get lastError() {
      return lastError;
    },
    get samples() {
      return timeline.size;
    },
  };
}

async function scrape(url: string, timeoutMs: number): Promise<MetricSample[]> {
  const response = await request(url, {
    headers: { accept: 'text/plain;version=0.0.4' },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const body = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
  return parseExposition(body).samples;
}

function matching(samples: MetricSample[], name: string, labels: Record<string, string>): MetricSample[] {
  return samples.filter(
    (sample) =>
      sample.name === name &&
      Number.isFinite(sample.value) &&
      sample.value >= 0 &&
      Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
  );
}

function seriesKey(labels: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
