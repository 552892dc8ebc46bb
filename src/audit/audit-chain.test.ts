import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { systemClock } from '../core/clock.js';
import type { Database } from '../db/connection.js';
import { createTestDatabase } from '../../test/helpers/test-database.js';
import { appendAudit, createAuditEmitter, verifyAuditChain } from './audit-service.js';

let database: Database;
const ctx = { actor: { type: 'system' as const, label: 'test' }, requestId: 'r1' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

async function freshChain(count: number): Promise<void> {
  await database.db.execute(sql`truncate audit_log, audit_chain_head restart identity`);
  const emit = createAuditEmitter(systemClock);
  for (let index = 0; index < count; index++) {
    await database.db.transaction((tx) =>
      emit(tx, ctx, { action: 'test.event', targetType: 'thing', targetId: String(index), before: { n: index }, after: { n: index + 1, nested: { z: 1, a: [1, 2] } } }),
    );
  }
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', async () => {
    await freshChain(5);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5 });
  });

  it('names a hand-edited row', async () => {
    await freshChain(5);
    await database.db.execute(sql`update audit_log set after = '{"n": 999}' where seq = 3`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, problem: 'hash_mismatch' } });
  });

  it('names the entry after a deleted row', async () => {
    await freshChain(5);
    await database.db.execute(sql`delete from audit_log where seq = 2`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBroken: { seq: 3, problem: 'broken_link' } });
  });

  it('detects reordered rows', async () => {
    await freshChain(4);
    // Swap entries 2 and 3 (through a free seq, the primary key forbids a direct swap).
    await database.db.execute(sql`update audit_log set seq = 1000 where seq = 2`);
    await database.db.execute(sql`update audit_log set seq = 2 where seq = 3`);
    await database.db.execute(sql`update audit_log set seq = 3 where seq = 1000`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, firstBroken: { seq: 2, problem: 'broken_link' } });
  });

  it('detects a truncated tail through the chain head', async () => {
    await freshChain(4);
    await database.db.execute(sql`delete from audit_log where seq = 4`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, checked: 3, firstBroken: { problem: 'tail_missing' } });
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    await freshChain(0);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        database.db.transaction((tx) => appendAudit(tx, [{ actor: ctx.actor, occurredAt: new Date(), event: { action: `parallel.${index}` } }])),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 20 });
  });

  it('writes nothing when the surrounding change rolls back', async () => {
    await freshChain(1);
    const emit = createAuditEmitter(systemClock);
    await expect(
      database.db.transaction(async (tx) => {
        await emit(tx, ctx, { action: 'doomed' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 1 });
  });
});
