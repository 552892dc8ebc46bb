import { asc, desc, eq, gt, and, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../core/clock.js';
import type { CallContext } from '../core/context.js';
import { rowsOf, type DbOrTx, type Tx, type Db } from '../db/connection.js';
import { auditChainHead, auditLog } from './schema.js';
import { chainHash, entryHash, GENESIS_HASH, hashInput, unchainedEntry, type AuditEvent, type ChainInput, type HashInput } from './audit-chain.js';

const HEAD_ID = 'main';

/** An audit event made ready for the chain: its hash input and its row, waiting for the previous hash. */
export type PreparedAudit = { hashInput: HashInput; row: string };

/**
 * Everything about an entry that does not depend on its place in the chain. The gateway prepares its
 * entries as calls end, so the batched write only hashes them in order (see HashInput).
 */
export function prepareAudit(input: ChainInput): PreparedAudit {
  const entry = unchainedEntry(input);
  const row = JSON.stringify({
    id: entry.id,
    occurred_at: entry.occurredAt.toISOString(),
    actor_type: entry.actorType,
    actor_id: entry.actorId,
    actor_label: entry.actorLabel,
    org_id: entry.orgId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    before: entry.before,
    after: entry.after,
    metadata: entry.metadata,
    request_id: entry.requestId,
  });
  // Without its closing brace: the chain columns are added when the previous hash is known.
  return { hashInput: hashInput(entry), row: row.slice(0, -1) };
}

/**
 * Appends to the hash chain inside the caller's transaction: if the change rolls back, so does its
 * audit entry. The head row is locked for the rest of the transaction, which orders concurrent writers.
 */
export async function appendAudit(tx: Tx, inputs: ChainInput[]): Promise<void> {
  await appendPreparedAudit(tx, inputs.map(prepareAudit));
}

export async function appendPreparedAudit(tx: Tx, prepared: PreparedAudit[]): Promise<void> {
  if (prepared.length === 0) return;
  await tx.insert(auditChainHead).values({ id: HEAD_ID, lastSeq: 0, lastHash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, HEAD_ID)).for('update');
  let previous = head?.lastHash ?? GENESIS_HASH;
  let rows = '';
  for (const entry of prepared) {
    const hash = chainHash(entry.hashInput, previous);
    rows += `${rows ? ',' : '['}${entry.row},"prev_hash":${JSON.stringify(previous)},"hash":"${hash}"}`;
    previous = hash;
  }
  // One statement for the whole batch (the gateway writes hundreds at once); rows keep chain order.
  const inserted = rowsOf<{ seq: string | number }>(
    await tx.execute(sql`
      insert into audit_log (id, occurred_at, actor_type, actor_id, actor_label, org_id, action, target_type, target_id, before, after, metadata, request_id, prev_hash, hash)
      select r.id, r.occurred_at, r.actor_type, r.actor_id, r.actor_label, r.org_id, r.action, r.target_type, r.target_id, r.before, r.after, r.metadata, r.request_id, r.prev_hash, r.hash
      from jsonb_array_elements(${`${rows}]`}::jsonb) with ordinality as e(value, n)
      cross join lateral jsonb_populate_record(null::audit_log, e.value) as r
      order by e.n
      returning seq`),
  );
  await tx
    .update(auditChainHead)
    .set({ lastSeq: Math.max(...inserted.map((row) => Number(row.seq))), lastHash: previous })
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
