import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footprintOfItEnergy } from '../../src/energy/footprint.js';
import { usageRecords } from '../../src/gateway/schema.js';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';

/**
 * ENERGY-1: a self-hosted inference server's power exporter (DCGM format, over real HTTP) replaces the
 * estimate with the measured share of each request, marked as measured; providers without a meter
 * keep the estimate.
 */

/** A DCGM-style exporter whose energy counter grows at a fixed rate: `wattsDrawn` all the time. */
async function startExporter(wattsDrawn: number) {
  const startedAt = Date.now();
  const server = http.createServer((_request, response) => {
    const millijoules = (Date.now() - startedAt) * wattsDrawn;
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    response.end(
      [
        '# HELP DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION Total energy consumption since boot (in mJ).',
        '# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter',
        `DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0",Hostname="gpu-1"} ${millijoules}`,
        `DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu="0",Hostname="other-host"} 5`,
        '',
      ].join('\n'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const WATTS = 300;
let f: GatewayFixture;
let exporter: Awaited<ReturnType<typeof startExporter>>;

beforeAll(async () => {
  exporter = await startExporter(WATTS);
  f = await createGatewayFixture();
  await f.addProvider('gpu-server', { options: { powerMetrics: { url: exporter.url, labels: { Hostname: 'gpu-1' }, intervalMs: 100 } } });
  await f.addModel('metered-model', { provider: 'gpu-server', upstreamModel: 'metered-upstream' });
  await f.addModel('unmetered-model');
  // Long enough that a late sample on a busy machine (tens of ms) stays well inside the ±20 % below.
  f.upstream.script('metered-upstream', { firstByteDelayMs: 400, chunkDelayMs: 20, reply: () => 'Eine gemessene Antwort mit einigen Wörtern.' });
  await f.services.energyMeter.start();
  // A request that began before the exporter's first sample cannot be measured (it keeps its estimate).
  await new Promise((resolve) => setTimeout(resolve, 300));
});

afterAll(async () => {
  await f?.closeAll();
  await exporter?.close();
});

async function rowsOf(modelId: string) {
  await f.services.recorder.flush();
  return f.services.database.db.select().from(usageRecords).where(eq(usageRecords.modelId, modelId));
}

/** Settles until every record of the model carries a measurement (the exporter must first cover the window). */
async function settledRows(modelId: string, count: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await f.services.energyMeter.settle();
    const rows = await rowsOf(modelId);
    if (rows.length === count && rows.every((row) => row.energyMethod === 'measured-prometheus')) return rows;
    if (Date.now() > deadline) throw new Error(`not measured: ${rows.map((row) => row.energyMethod).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dataCentre = { location: 'DE' };

describe('measured energy from a GPU exporter', () => {
  it('replaces the estimate with the energy the exporter counted during the request', async () => {
    const completion = await f.client().chat.completions.create({ model: 'metered-model', messages: [{ role: 'user', content: 'Bitte kurz antworten.' }] });
    expect(completion.choices[0]!.message.content).toContain('gemessene Antwort');
    const [row] = await settledRows('metered-model', 1);
    // The counter grows by WATTS joules per second; the request held the device alone for its duration.
    const itEnergyWh = (WATTS * row!.durationMs) / 1000 / 3600;
    const expected = footprintOfItEnergy(itEnergyWh, dataCentre).footprint;
    expect(row!.energyWh).toBeGreaterThan(expected.energyWh * 0.8);
    expect(row!.energyWh).toBeLessThan(expected.energyWh * 1.2);
    expect(row!.co2eGrams).toBeCloseTo((row!.energyWh * expected.co2eGrams) / expected.energyWh, 9);
  });

  it('shares the energy of overlapping requests among them, without counting any of it twice', async () => {
    const before = (await rowsOf('metered-model')).length;
    await Promise.all(
      ['eins', 'zwei', 'drei'].map((word) => f.client().chat.completions.create({ model: 'metered-model', messages: [{ role: 'user', content: `Anfrage ${word}` }] })),
    );
    const rows = (await settledRows('metered-model', before + 3)).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()).slice(before);
    const starts = rows.map((row) => row.occurredAt.getTime() - row.durationMs);
    const ends = rows.map((row) => row.occurredAt.getTime());
    const unionWh = footprintOfItEnergy((WATTS * (Math.max(...ends) - Math.min(...starts))) / 1000 / 3600, dataCentre).footprint.energyWh;
    const total = rows.reduce((sum, row) => sum + row.energyWh, 0);
    expect(rows.every((row) => row.energyWh > 0)).toBe(true);
    expect(total).toBeGreaterThan(unionWh * 0.8);
    expect(total).toBeLessThan(unionWh * 1.2);
  });

  it('keeps the estimate, marked as such, for a provider without a meter', async () => {
    await f.client().chat.completions.create({ model: 'unmetered-model', messages: [{ role: 'user', content: 'Hallo' }] });
    await f.services.energyMeter.settle();
    const [row] = await rowsOf('unmetered-model');
    expect(row!.energyMethod).toBe('estimated');
    expect(row!.energyWh).toBeGreaterThan(0);
  });
});
