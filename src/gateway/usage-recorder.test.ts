import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database.js';
import { listAuditEntries, verifyAuditChain } from '../audit/audit-service.js';
import { createLogger } from '../core/logger.js';
import type { Database } from '../db/connection.js';
import { createUsageRecorder, type UsageRow } from './usage-recorder.js';
import { usageRecords } from './schema.js';

const orgId = randomUUID();

function usageRow(): UsageRow {
  return {
    id: randomUUID(),
    occurredAt: new Date(),
    orgId,
    purpose: 'api',
    kind: 'chat',
    modelId: 'probe',
    durationMs: 12,
    tokensIn: 20,
    tokensOut: 40,
    usageEstimated: false,
    energyWh: 0.01,
    co2eGrams: 0.004,
    waterMl: 0.02,
    settings: {},
    outcome: 'ok',
    energyMethod: 'estimated',
    requestId: randomUUID(),
    promptHash: 'a'.repeat(64),
  };
}

const audit = () => ({ actor: { type: 'api_key', label: 'probe' }, occurredAt: new Date(), event: { action: 'gateway.call', orgId } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('usage recorder', () => {
  let database: Database;
  let transactions = 0;

  beforeAll(async () => {
    const real = await createTestDatabase();
    const transaction = real.db.transaction.bind(real.db);
    // Every write takes 30 ms, as a batch on a busy embedded database does, so calls keep arriving during it.
    const slowDb = Object.create(real.db) as Database['db'];
    slowDb.transaction = (async (work: Parameters<typeof transaction>[0]) => {
      transactions++;
      return transaction(async (tx) => {
        await sleep(30);
        return work(tx);
      });
    }) as typeof transaction;
    database = { ...real, db: slowDb };
  });

  afterAll(async () => {
    await database.close();
  });

  it('batches calls that arrive during a write into the next timed batch, and loses none', async () => {
    const recorder = createUsageRecorder(database, createLogger('silent'), { intervalMs: 200 });
    const before = transactions;
    const started = Date.now();
    let recorded = 0;
    while (Date.now() - started < 1000) {
      recorder.record({ usage: usageRow(), audit: audit() });
      recorded++;
      await sleep(2);
    }
    await recorder.flush();
    const written = transactions - before;
    // About five timed batches of 200 ms; writing whatever arrived during the previous write at once
    // instead gives a transaction every ~40 ms (measured: 16).
    expect(written).toBeGreaterThanOrEqual(3);
    expect(written).toBeLessThanOrEqual(8);
    const [usage] = await database.db.select({ n: count() }).from(usageRecords);
    expect(Number(usage!.n)).toBeGreaterThanOrEqual(recorded);
    expect(recorder.pending()).toBe(0);
    const chain = await verifyAuditChain(database.db);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(recorded);
  });

  it('writes everything at once when asked (shutdown), however much is pending', async () => {
    const recorder = createUsageRecorder(database, createLogger('silent'), { intervalMs: 60_000, maxBatch: 50 });
    const [before] = await database.db.select({ n: count() }).from(usageRecords);
    for (let i = 0; i < 120; i++) recorder.record({ usage: usageRow(), audit: audit() });
    await recorder.flush();
    const [after] = await database.db.select({ n: count() }).from(usageRecords);
    expect(Number(after!.n) - Number(before!.n)).toBe(120);
    expect(recorder.pending()).toBe(0);
  });

  it('drops a row JSON cannot hold, says so in the log, and still writes the others with an unbroken chain', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const recorder = createUsageRecorder(database, logger, { intervalMs: 60_000 });
    const poisoned = { ...audit(), event: { action: 'gateway.poisoned', orgId, metadata: { tokens: 10n } } };
    const good = usageRow();
    recorder.record({ usage: usageRow(), audit: audit() });
    recorder.record({ audit: poisoned });
    recorder.record({ usage: good, audit: audit() });
    await recorder.flush();
    expect(recorder.pending()).toBe(0);
    expect(await database.db.select().from(usageRecords).where(eq(usageRecords.id, good.id))).toHaveLength(1);
    expect(await listAuditEntries(database.db, { action: 'gateway.poisoned', limit: 10 })).toHaveLength(0);
    expect(lines.join('\n')).toContain('could not be serialised');
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});
