import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../core/clock.js';
import { RequestLedger } from './attribution.js';
import { dcgmBody, type DcgmValues } from './fixtures/test-dcgm.js';
import { createPowerSampler, dcgmPowerUsage } from './prometheus-power.js';

/** A real local exporter: serves whatever page the test sets, like dcgm-exporter's /metrics. */
let server: Server;
let url: string;
let page: { status: number; body: string } = { status: 200, body: '' };
function serve(values: DcgmValues): void {
  page = { status: 200, body: dcgmBody(values) };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(page.status, { 'content-type': 'text/plain; version=0.0.4' });
    response.end(request.url === '/metrics' ? page.body : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('Prometheus power sampler against a local exporter', () => {
  it('reads the energy counters of all GPUs (mJ) and answers energy per window', async () => {
    const clock = manualClock(new Date('2026-03-02T10:00:00Z'));
    const t0 = clock.now().getTime();
    const sampler = createPowerSampler({ url, clock });
    serve({ power0: 0, power1: 0, energy0: 1_000_000, energy1: 2_000_000 });
    expect(await sampler.sampleOnce()).toBe(true);
    clock.advance(1000);
    serve({ power0: 0, power1: 0, energy0: 1_300_000, energy1: 2_250_000 }); // +300 J, +250 J
    expect(await sampler.sampleOnce()).toBe(true);
    clock.advance(1000);
    serve({ power0: 0, power1: 0, energy0: 1_700_000, energy1: 2_450_000 }); // +400 J, +200 J
    expect(await sampler.sampleOnce()).toBe(true);
    expect(sampler.energyBetween(t0, t0 + 2000)).toBeCloseTo(1150, 9);
    // [0.5 s, 1.5 s]: half of 550 J plus half of 600 J
    expect(sampler.energyBetween(t0 + 500, t0 + 1500)).toBeCloseTo(575, 9);
    expect(sampler.energyBetween(t0 + 500, t0 + 2500)).toBeUndefined();
  });

  it('counts only the series with the given labels and survives a counter reset', async () => {
    const clock = manualClock();
    const t0 = clock.now().getTime();
    const sampler = createPowerSampler({ url, clock, labels: { gpu: '1', Hostname: 'gpu-1' } });
    serve({ power0: 0, power1: 0, energy0: 5_000_000, energy1: 9_000_000 });
    await sampler.sampleOnce();
    clock.advance(1000);
    serve({ power0: 0, power1: 0, energy0: 9_000_000, energy1: 40_000 }); // GPU 1 driver reloaded: 40 J since
    await sampler.sampleOnce();
    expect(sampler.energyBetween(t0, t0 + 1000)).toBeCloseTo(40, 9);
  });

  it('integrates the power gauge (W) of all GPUs with the trapezoid rule', async () => {
    const clock = manualClock();
    const t0 = clock.now().getTime();
    const sampler = createPowerSampler({ url, clock, metric: dcgmPowerUsage });
    serve({ power0: 300, power1: 100, energy0: 0, energy1: 0 });
    await sampler.sampleOnce();
    clock.advance(2000);
    serve({ power0: 350, power1: 250, energy0: 0, energy1: 0 });
    await sampler.sampleOnce();
    // 400 W → 600 W over 2 s = 1000 J
    expect(sampler.energyBetween(t0, t0 + 2000)).toBeCloseTo(1000, 9);
    expect(sampler.samples).toBe(2);
  });

  it('records failures without throwing: HTTP errors, missing series, an unreachable endpoint', async () => {
    const sampler = createPowerSampler({ url, clock: manualClock() });
    page = { status: 500, body: 'oops' };
    expect(await sampler.sampleOnce()).toBe(false);
    expect(sampler.lastError).toContain('500');
    page = { status: 200, body: 'other_metric 1\n' };
    expect(await sampler.sampleOnce()).toBe(false);
    expect(sampler.lastError).toContain('no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series');
    const closed = createPowerSampler({ url: 'http://127.0.0.1:9/metrics', timeoutMs: 500 });
    expect(await closed.sampleOnce()).toBe(false);
    expect(closed.lastError).toBeTruthy();
    expect(sampler.samples + closed.samples).toBe(0);
  });

  it('polls at its interval once started, until stopped', async () => {
    serve({ power0: 100, power1: 100, energy0: 0, energy1: 0 });
    const sampler = createPowerSampler({ url, metric: dcgmPowerUsage, intervalMs: 20 });
    sampler.start();
    const deadline = Date.now() + 5000;
    while (sampler.samples < 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    sampler.stop();
    const counted = sampler.samples;
    expect(counted).toBeGreaterThanOrEqual(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sampler.samples).toBeLessThanOrEqual(counted + 1); // at most the scrape in flight when stopped
  });

  it('attributes measured energy to two overlapping requests by their tokens', async () => {
    const clock = manualClock();
    const t0 = clock.now().getTime();
    const sampler = createPowerSampler({ url, clock });
    const ledger = new RequestLedger(30_000);
    serve({ power0: 0, power1: 0, energy0: 0, energy1: 0 });
    await sampler.sampleOnce();
    ledger.begin('short', t0 + 1000);
    ledger.begin('long', t0);
    clock.advance(2000);
    serve({ power0: 0, power1: 0, energy0: 400_000, energy1: 400_000 }); // 800 J in 2 s: 400 J/s
    await sampler.sampleOnce();
    ledger.end('short', t0 + 2000, 300);
    ledger.end('long', t0 + 2000, 200);
    const { measured, unmeasured } = ledger.settle(sampler.energyBetween, clock.now().getTime());
    // [0, 1 s]: 400 J to long. [1 s, 2 s]: 400 J split 0.3 : 0.1 tokens/ms → short 300 J, long 100 J
    expect(measured.get('short')).toBeCloseTo(300, 9);
    expect(measured.get('long')).toBeCloseTo(500, 9);
    expect(unmeasured).toEqual([]);
  });
});
