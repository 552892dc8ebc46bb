import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../core/clock.js';
import { EnergyTimeline } from './energy-timeline.js';

/**
 * Measured energy of this machine's CPU packages and DRAM from Linux' powercap interface
 * (docs.kernel.org/power/powercap/powercap.html: `energy_uj` counts µJ and wraps at
 * `max_energy_range_uj`). The sysfs root is a parameter so tests read a fixture tree.
 */

export const defaultPowercapRoot = '/sys/class/powercap';

export type RaplZone = { id: string; name: string; maxEnergyRangeUj: number };
export type RaplReading = { atMs: number; energyUj: readonly number[] };
export type RaplProbe = { zones: RaplZone[] } | { zones?: undefined; reason: string };

export interface RaplMeter {
  readonly zones: readonly RaplZone[];
  read(): RaplReading;
  /** Energy between two readings of this meter, each zone's counter unwrapped once at most. */
  energyBetweenWh(start: RaplReading, end: RaplReading): number;
  measureDuring<T>(work: () => T | Promise<T>): Promise<{ result: T; energyWh: number; durationMs: number }>;
}

/** `intel-rapl-mmio:*` repeats the package counter through MMIO on newer CPUs; the pattern skips it. */
const zonePattern = /^intel-rapl:\d+(:\d+)?$/;

/**
 * Which zones to sum without counting anything twice: `psys` (whole platform, where present) alone;
 * else every package plus DRAM, which the package counter does not include (PKG and DRAM are
 * separate RAPL domains in Intel's SDM; the kernel shows DRAM as a sub-zone of its package).
 */
export function probeRapl(root: string = defaultPowercapRoot): RaplProbe {
  let entries: string[];
  try {
    entries = readdirSync(root).filter((entry) => zonePattern.test(entry));
  } catch {
    return { reason: `${root} is missing: this machine exposes no powercap interface` };
  }
  const zones: RaplZone[] = [];
  const problems: string[] = [];
  for (const id of entries.sort()) {
    try {
      const name = readFileSync(path.join(root, id, 'name'), 'utf8').trim();
      const maxEnergyRangeUj = Number(
        readFileSync(path.join(root, id, 'max_energy_range_uj'), 'utf8').trim(),
      );
      readCounter(root, id);
      zones.push({ id, name, maxEnergyRangeUj });
    } catch (error) {
      problems.push(`${id}: ${(error as Error).message}`);
    }
  }
  const platform = zones.filter((zone) => zone.name.startsWith('psys'));
  const chosen =
    platform.length > 0
      ? platform
      : zones.filter((zone) => zone.name.startsWith('package') || zone.name === 'dram');
  if (chosen.length > 0) return { zones: chosen };
  // Since the fix for CVE-2020-8694 ("Platypus", 2020) energy_uj is readable by root only.
  return {
    reason:
      problems.length > 0 ? `no readable RAPL zone (${problems.join('; ')})` : `no RAPL zone in ${root}`,
  };
}

/** undefined when the machine exposes no readable RAPL zone; then the estimate is used. */
export function openRaplMeter(options: { root?: string; clock?: Clock } = {}): RaplMeter | undefined {
  const root = options.root ?? defaultPowercapRoot;
  const clock = options.clock ?? systemClock;
  const probe = probeRapl(root);
  if (!probe.zones) return undefined;
  const zones = probe.zones;
  const read = (): RaplReading => ({
    atMs: clock.now().getTime(),
    energyUj: zones.map((zone) => readCounter(root, zone.id)),
  });
  const energyBetweenWh = (start: RaplReading, end: RaplReading): number => {
    let microjoules = 0;
    zones.forEach((zone, index) => {
      const before = start.energyUj[index] ?? 0;
      const after = end.energyUj[index] ?? 0;
      microjoules += after >= before ? after - before : zone.maxEnergyRangeUj - before + after;
    });
    return microjoules / 3.6e9;
  };
  return {
    zones,
    read,
    energyBetweenWh,
    async measureDuring(work) {
      const start = read();
      const result = await work();
      const end = read();
      return { result, energyWh: energyBetweenWh(start, end), durationMs: end.atMs - start.atMs };
    },
  };
}

export interface RaplSampler {
  /** Joules of the measured zones in [fromMs, toMs], undefined until samples on both sides exist. */
  energyBetween(fromMs: number, toMs: number): number | undefined;
  sampleOnce(): void;
  start(): void;
  stop(): void;
  readonly samples: number;
}

/**
 * The meter read at an interval into an energy timeline, so that overlapping requests of the
 * embedded provider share the machine's energy (attribution module) instead of each counting all of it.
 */
export function createRaplSampler(
  meter: RaplMeter,
  options: { intervalMs?: number; capacity?: number } = {},
): RaplSampler {
  const timeline = new EnergyTimeline(options.capacity ?? 3600);
  let previous: RaplReading | undefined;
  let timer: NodeJS.Timeout | undefined;
  const sampleOnce = (): void => {
    const reading = meter.read();
    if (previous && reading.atMs <= previous.atMs) return;
    timeline.addEnergy(reading.atMs, previous ? meter.energyBetweenWh(previous, reading) * 3600 : 0);
    previous = reading;
  };
  return {
    energyBetween: (fromMs, toMs) => timeline.energyBetween(fromMs, toMs),
    sampleOnce,
    start() {
      timer ??= setInterval(sampleOnce, options.intervalMs ?? 1000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    get samples() {
      return timeline.size;
    },
  };
}

function readCounter(root: string, id: string): number {
  const value = Number(readFileSync(path.join(root, id, 'energy_uj'), 'utf8').trim());
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`energy_uj is not a counter: ${value}`);
  return value;
}
