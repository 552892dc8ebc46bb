import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import { sha256Hex } from '../core/crypto.js';
import { chainHash, entryHash, hashInput, type ChainedEntry } from './audit-chain.js';

/** The definition every stored hash was made with: sha256 of the whole entry (minus its hash) as canonical JSON. */
function storedDefinition(entry: Omit<ChainedEntry, 'hash'>): string {
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

const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'Grüße', 'a"b\\c', '\u0000', '\ud800', '😀'));
const json = fc.jsonValue().map((value) => value as unknown);
const entry = fc.record({
  id: fc.uuid(),
  occurredAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  actorType: text,
  actorId: fc.option(text),
  actorLabel: fc.option(text),
  orgId: fc.option(fc.uuid()),
  action: text,
  targetType: fc.option(text),
  targetId: fc.option(text),
  before: fc.option(json),
  after: fc.option(json),
  metadata: fc.option(fc.dictionary(text, json)),
  requestId: fc.option(text),
  prevHash: fc.oneof(fc.constant('0'.repeat(64)), fc.stringMatching(/^[0-9a-f]{64}$/), text),
});

describe('audit entry hash', () => {
  it('prepared around the previous hash, equals the hash of the whole entry that stored chains were made with', () => {
    fc.assert(
      fc.property(entry, (generated) => {
        expect(entryHash(generated)).toBe(storedDefinition(generated));
        const { prevHash, ...unchained } = generated;
        expect(chainHash(hashInput(unchained), prevHash)).toBe(storedDefinition(generated));
      }),
      { numRuns: 500 },
    );
  });

  it('changes with the previous hash, so an entry cannot be moved to another place in the chain', () => {
    const { prevHash: _, ...unchained } = fc.sample(entry, { seed: 7, numRuns: 1 })[0]!;
    const prepared = hashInput(unchained);
    expect(chainHash(prepared, 'a'.repeat(64))).not.toBe(chainHash(prepared, 'b'.repeat(64)));
  });
});
