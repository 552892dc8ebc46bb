import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../core/clock.js';
import { RequestLedger } from './attribution.js';
import { createRaplSampler, openRaplMeter, probeRapl } from './rapl.js';

/** A powercap tree shaped like a two-socket server's /sys/class/powercap. */
const roots: string[] = [];
function fixtureTree(zones: Record<string, { name: string; energyUj: number; maxUj?: number }>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'powercap-'));
  roots.push(root);
  mkdirSync(path.join(root, 'intel-rapl'));
  writeFileSync(path.join(root, 'intel-rapl', 'enabled'), '1\n');
  for (const [id, zone] of Object.entries(zones)) {
    mkdirSync(path.join(root, id));
    writeFileSync(path.join(root, id, 'name'), `${zone.name}\n`);
    writeFileSync(path.join(root, id, 'max_energy_range_uj'), `${zone.maxUj ?? 262143328850}\n`);
    setCounter(root, id, zone.energyUj);
  }
  return root;
}
function setCounter(root: string, id: string, energyUj: number): void {
  writeFileSync(path.join(root, id, 'energy_uj'), `${energyUj}\n`);
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('RAPL powercap reading', () => {
  it('sums packages and DRAM, leaves out core/uncore sub-zones and the MMIO duplicate', () => {
    const root = fixtureTree({
      'intel-rapl:0': { name: 'package-0', energyUj: 1_000_000 },
      'intel-rapl:0:0': { name: 'core', energyUj: 500_000 },
      'intel-rapl:0:1': { name: 'dram', energyUj: 200_000 },
      'intel-rapl:1': { name: 'package-1', energyUj: 3_000_000 },
      'intel-rapl-mmio:0': { name: 'package-0', energyUj: 1_000_000 },
    });
    const meter = openRaplMeter({ root, clock: manualClock() })!;
    expect(meter.zones.map((zone) => zone.name)).toEqual(['package-0', 'dram', 'package-1']);
    const start = meter.read();
    // package-0 +36 J, core +30 J (ignored), dram +7.2 J, package-1 +72 J → 115.2 J = 0.032 Wh
    setCounter(root, 'intel-rapl:0', 37_000_000);
    setCounter(root, 'intel-rapl:0:0', 30_500_000);
    setCounter(root, 'intel-rapl:0:1', 7_400_000);
    setCounter(root, 'intel-rapl:1', 75_000_000);
    expect(meter.energyBetweenWh(start, meter.read())).toBeCloseTo(115.2 / 3600, 15);
  });

  it('unwraps a counter that passed max_energy_range_uj', () => {
    const root = fixtureTree({
      'intel-rapl:0': { name: 'package-0', energyUj: 999_000_000, maxUj: 1_000_000_000 },
    });
    const meter = openRaplMeter({ root })!;
    const start = meter.read();
    // 999 J → wraps at 1000 J → 17 J: (1000 − 999) + 17 = 18 J
    setCounter(root, 'intel-rapl:0', 17_000_000);
    expect(meter.energyBetweenWh(start, meter.read())).toBeCloseTo(18 / 3600, 15);
  });

  it('uses psys alone where the platform domain exists', () => {
    const root = fixtureTree({
      'intel-rapl:0': { name: 'package-0', energyUj: 0 },
      'intel-rapl:1': { name: 'psys', energyUj: 0 },
    });
    expect(openRaplMeter({ root })!.zones.map((zone) => zone.name)).toEqual(['psys']);
  });

  it('measures the energy and duration around a piece of work', async () => {
    const root = fixtureTree({ 'intel-rapl:0': { name: 'package-0', energyUj: 5_000_000 } });
    const clock = manualClock();
    const meter = openRaplMeter({ root, clock })!;
    const measured = await meter.measureDuring(async () => {
      clock.advance(2000);
      setCounter(root, 'intel-rapl:0', 95_000_000); // 45 W for 2 s = 90 J
      return 'done';
    });
    expect(measured).toEqual({ result: 'done', energyWh: 90 / 3600, durationMs: 2000 });
  });

  it('samples into a timeline so that overlapping requests share the energy instead of both counting it', () => {
    const root = fixtureTree({ 'intel-rapl:0': { name: 'package-0', energyUj: 0 } });
    const clock = manualClock();
    const t0 = clock.now().getTime();
    const sampler = createRaplSampler(openRaplMeter({ root, clock })!);
    const ledger = new RequestLedger(10_000);
    sampler.sampleOnce();
    ledger.begin('a', t0);
    ledger.begin('b', t0);
    clock.advance(1000);
    setCounter(root, 'intel-rapl:0', 60_000_000); // 60 J in 1 s
    sampler.sampleOnce();
    sampler.sampleOnce(); // same instant: ignored
    ledger.end('a', t0 + 1000, 100);
    ledger.end('b', t0 + 1000, 300);
    const { measured } = ledger.settle(sampler.energyBetween, t0 + 1000);
    // 60 J split 100 : 300 tokens over the same window → 15 J and 45 J
    expect(measured.get('a')).toBeCloseTo(15, 12);
    expect(measured.get('b')).toBeCloseTo(45, 12);
  });

  it('polls on its own once started', async () => {
    const root = fixtureTree({ 'intel-rapl:0': { name: 'package-0', energyUj: 0 } });
    const sampler = createRaplSampler(openRaplMeter({ root })!, { intervalMs: 10 });
    const deadline = Date.now() + 5000;
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    sampler.start();
    while (sampler.samples === 0 && Date.now() < deadline) await tick();
    const instant = Date.now();
    while (sampler.energyBetween(instant, instant) === undefined && Date.now() < deadline) await tick();
    sampler.stop();
    expect(sampler.energyBetween(instant, instant)).toBe(0);
  });

  it('is undefined when no RAPL is exposed, with the reason', () => {
    const missing = path.join(tmpdir(), 'no-such-powercap-root');
    expect(openRaplMeter({ root: missing })).toBeUndefined();
    expect(probeRapl(missing)).toMatchObject({ reason: expect.stringContaining('no powercap interface') });
    const empty = fixtureTree({});
    expect(openRaplMeter({ root: empty })).toBeUndefined();
    expect(probeRapl(empty)).toMatchObject({ reason: expect.stringContaining('no RAPL zone') });
  });

  it('skips a zone whose counter cannot be read', () => {
    const root = fixtureTree({
      'intel-rapl:0': { name: 'package-0', energyUj: 1 },
      'intel-rapl:1': { name: 'package-1', energyUj: 1 },
    });
    rmSync(path.join(root, 'intel-rapl:1', 'energy_uj'));
    expect(openRaplMeter({ root })!.zones.map((zone) => zone.id)).toEqual(['intel-rapl:0']);
    rmSync(path.join(root, 'intel-rapl:0', 'energy_uj'));
    expect(probeRapl(root)).toMatchObject({ reason: expect.stringContaining('no readable RAPL zone') });
  });

  it('finds nothing on this machine’s real sysfs unless RAPL is there (then it reads it)', () => {
    const meter = openRaplMeter();
    if (meter) expect(meter.energyBetweenWh(meter.read(), meter.read())).toBeGreaterThanOrEqual(0);
    else expect(probeRapl()).toHaveProperty('reason');
  });
});
