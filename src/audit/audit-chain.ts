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

/** An entry before it has its place in the chain: everything but the previous hash and its own. */
export type UnchainedEntry = Omit<ChainedEntry, 'prevHash' | 'hash'>;

/**
 * An entry's hash input split around the previous hash: the canonical JSON (sorted keys) of the entry is
 * `before + JSON of prevHash + after`, as "prevHash" sorts between "orgId" and "requestId". Prepared
 * when the event happens, it leaves one sha256 per entry for the moment the chain head is locked: a
 * batch of hundreds of gateway calls no longer holds the event loop for milliseconds.
 */
export type HashInput = { before: string; after: string };

export function hashInput(entry: UnchainedEntry): HashInput {
  const head = canonicalJson({
    action: entry.action,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    actorType: entry.actorType,
    after: entry.after ?? null,
    before: entry.before ?? null,
    id: entry.id,
    metadata: entry.metadata ?? null,
    occurredAt: new Date(entry.occurredAt).toISOString(),
    orgId: entry.orgId,
  });
  const tail = canonicalJson({ requestId: entry.requestId, targetId: entry.targetId, targetType: entry.targetType });
  // Both halves always have members (the fields are null, never undefined), so neither is "{}".
  return { before: `${head.slice(0, -1)},"prevHash":`, after: `,${tail.slice(1)}` };
}

export function chainHash(input: HashInput, prevHash: string): string {
  return sha256Hex(input.before + JSON.stringify(prevHash) + input.after);
}

/** Hash over every field except the hash itself; stable across a jsonb round trip (sorted keys). */
export function entryHash(entry: Omit<ChainedEntry, 'hash'>): string {
  return chainHash(hashInput(entry), entry.prevHash);
}

export type ChainInput = {
  actor: { type: string; id?: string | undefined; label: string };
  requestId?: string | undefined;
  occurredAt: Date;
  event: AuditEvent;
};

export function unchainedEntry(input: ChainInput): UnchainedEntry {
  return {
    id: randomUUID(),
    // Millisecond precision: that is what the column stores, so the hash survives the round trip.
    occurredAt: new Date(Math.floor(input.occurredAt.getTime())),
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
  };
}

/** What jsonb will give back: plain JSON (dates as strings, undefined dropped). */
function jsonSafe(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
