import { sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import { rowsOf, type Database } from '../db/connection.js';
import type { EnergyMeter } from '../gateway/energy-estimator.js';
import { RequestLedger } from './attribution.js';
import { footprintOfItEnergy, type DataCentre } from './footprint.js';
import type { Measurement } from './select-measurement.js';

/** Something that knows how many joules a device used in a stretch of time (RAPL, a GPU exporter). */
export type MeasurementSource = {
  method: Measurement['method'];
  energyBetween(fromMs: number, toMs: number): number | undefined;
  start(): void;
  stop(): void;
};

export type MeasuredEnergyDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Usage rows are written in batches; they must be in the database before they can be corrected. */
  flushUsage(): Promise<void>;
  /** The measurement sources by provider id, re-read at every settlement (providers come and go). */
  sources(): Promise<Map<string, MeasurementSource>>;
  dataCentre(providerId: string): Promise<DataCentre>;
  settleIntervalMs?: number;
  /** How long a finished request may wait for the measurements to cover it before the estimate stays. */
  maxWaitMs?: number;
  /** A request open longer than this is treated as lost (its end was never reported). */
  maxOpenMs?: number;
};

type Tracked = { ledger: RequestLedger; source: MeasurementSource };

/**
 * Measured energy for providers with a meter (ENERGY-1): every request's window is recorded while it
 * runs; once the measurements cover a group of overlapping requests, the device's energy is shared
 * among them by tokens and replaces the estimate in their usage records (measured beats estimated).
 * Requests the measurements never cover keep their estimate, marked as such.
 */
export function createMeasuredEnergy(deps: MeasuredEnergyDeps): EnergyMeter & { settle(): Promise<number>; start(): Promise<void>; stop(): void } {
  const maxWaitMs = deps.maxWaitMs ?? 30_000;
  const maxOpenMs = deps.maxOpenMs ?? 15 * 60_000;
  const tracked = new Map<string, Tracked>();
  const open = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let settling: Promise<number> | undefined;

  async function syncSources(): Promise<void> {
    const current = await deps.sources();
    for (const [providerId, entry] of tracked) {
      if (current.get(providerId) === entry.source) continue;
      entry.source.stop();
      tracked.delete(providerId);
    }
    for (const [providerId, source] of current) {
      if (tracked.has(providerId)) continue;
      source.start();
      const ledger = new RequestLedger(maxWaitMs);
      // Requests already running when a source appears are in its ledger too, so they share the energy.
      for (const [id, startMs] of open) ledger.begin(id, startMs);
      tracked.set(providerId, { ledger, source });
    }
  }

  async function correct(providerId: string, source: MeasurementSource, joulesById: Map<string, number>): Promise<number> {
    if (joulesById.size === 0) return 0;
    const dataCentre = await deps.dataCentre(providerId);
    const rows = [...joulesById].map(([id, joules]) => ({ id, ...footprintOfItEnergy(joules / 3600, dataCentre).footprint }));
    await deps.flushUsage();
    const values = sql.join(
      rows.map((row) => sql`(${row.id}::uuid, ${row.energyWh}::double precision, ${row.co2eGrams}::double precision, ${row.waterMl}::double precision)`),
      sql`, `,
    );
    const updated = await deps.database.db.execute(sql`
      update usage_records as u set energy_wh = m.wh, co2e_grams = m.co2e, water_ml = m.water, energy_method = ${source.method}
      from (values ${values}) as m(id, wh, co2e, water) where u.id = m.id returning u.id`);
    return rowsOf(updated).length;
  }

  async function settleOnce(): Promise<number> {
    await syncSources();
    const now = deps.clock.now().getTime();
    for (const [id, startMs] of open) {
      if (now - startMs <= maxOpenMs) continue;
      open.delete(id);
      for (const { ledger } of tracked.values()) ledger.abandon(id);
    }
    let corrected = 0;
    for (const [providerId, { ledger, source }] of tracked) {
      const { measured } = ledger.settle((from, to) => source.energyBetween(from, to), now);
      corrected += await correct(providerId, source, measured);
    }
    return corrected;
  }

  const meter = {
    begin(usageId: string, atMs: number) {
      open.set(usageId, atMs);
      for (const { ledger } of tracked.values()) ledger.begin(usageId, atMs);
    },
    end(usageId: string, providerId: string | undefined, atMs: number, outputTokens: number) {
      open.delete(usageId);
      for (const [id, { ledger }] of tracked) {
        if (id === providerId) ledger.end(usageId, atMs, outputTokens);
        else ledger.abandon(usageId);
      }
    },
    /** Corrects the usage records the measurements now cover; returns how many. */
    settle(): Promise<number> {
      settling ??= settleOnce().finally(() => {
        settling = undefined;
      });
      return settling;
    },
    async start() {
      await syncSources();
      timer ??= setInterval(() => {
        meter.settle().catch((error: unknown) => deps.logger.warn({ err: error }, 'measured energy: settlement failed; estimates stay'));
      }, deps.settleIntervalMs ?? 5_000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      for (const { source } of tracked.values()) source.stop();
      tracked.clear();
    },
  };
  return meter;
}

