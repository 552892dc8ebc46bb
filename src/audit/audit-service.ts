import { asc, desc, eq, gt, and, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { CallContext } from '../core/context.js';
import type { DbOrTx, Tx, Db } from '../db/connection.js';
import { auditChainHead, auditLog } from './schema.js';
import { chainEntries, entryHash, GENESIS_HASH, type AuditEvent, type ChainInput } from './audit-chain.js';

const HEAD_ID = 'main';

/**
 * Appends to the hash chain inside the caller's transaction: if the change rolls back, so does its
 * audit entry. The head row is locked for the rest of the transaction, which orders concurrent writers.
 */
export async function appendAudit(tx: Tx, inputs: ChainInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.insert(auditChainHead).values({ id: HEAD_ID, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, HEAD_ID)).for('update');
  const entries = chainEntries(head?.lastHash ?? GENESIS_HASH, inputs);
  const inserted = await tx.insert(auditLog).values(entries).returning({ seq: auditLog.seq });
  const last = entries[entries.length - 1]!;
  await tx
    .update(auditChainHead)
    .set({ lastSeq: Math.max(...inserted.map((row) => row.seq)), lastHash: last.hash })
    .where(eq(auditChainHead.id, HEAD_ID));
}

export type AuditEmitter = (tx: Tx, ctx: Pick<CallContext, 'actor' | 'requestId'>, event: AuditEvent) => Promise<void>;

export function createAuditEmitter(clock: Clock): AuditEmitter {
  return (tx, ctx, event) => appendAudit(tx, [{ actor: ctx.actor, requestId: ctx.requestId, occurredAt: clock.now(), event }]);
}

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBroken: { seq: number; id: string; problem: 'hash_mismatch' | 'broken_link' | 'tail_missing' } };

/** Walks the chain in seq order; names the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<AuditVerification> {
  let previousHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  let lastEntry: { seq: number; id: string } | undefined;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== previousHash) {
        return { ok: false, checked, firstBroken: { seq: row.seq, id: row.id, problem: 'broken_link' } };
      }
      const { seq: _seq, ...fields } = row;
      const expected = entryHash({ ...fields, metadata: (fields.metadata as Record<string, unknown> | null) ?? null });
      if (expected !== row.hash) {
        return { ok: false, checked, firstBroken: { seq: row.seq, id: row.id, problem: 'hash_mismatch' } };
      }
      previousHash = row.hash;
      lastSeq = row.seq;
      lastEntry = { seq: row.seq, id: row.id };
      checked++;
    }
  }
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, HEAD_ID));
  if (head && head.lastHash !== previousHash) {
    return { ok: false, checked, firstBroken: { seq: lastEntry ? lastEntry.seq + 1 : 1, id: '', problem: 'tail_missing' } };
  }
  return { ok: true, checked };
}

export type AuditQuery = { orgIds?: string[]; action?: string; targetType?: string; targetId?: string; limit: number; beforeSeq?: number };

export async function listAuditEntries(db: DbOrTx, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.orgIds) conditions.push(sql`${auditLog.orgId} = any(${sql.param(query.orgIds)}::uuid[])`);
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.targetType) conditions.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) conditions.push(eq(auditLog.targetId, query.targetId));
  if (query.beforeSeq) conditions.push(sql`${auditLog.seq} < ${query.beforeSeq}`);
  return db
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(query.limit);
}
