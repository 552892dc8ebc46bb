import { createHash, randomBytes } from 'node:crypto';
import type { SecretBox } from '../core/crypto.js';

/**
 * Spam protection without third parties: the browser must find a nonce so that
 * SHA-256(`<challenge>:<nonce>`) starts with `bits` zero bits (about 2^bits hashes; 16 bits take a
 * browser well under a second). The challenge is sealed with the instance key, so no row is written
 * until a solution is spent; spending records its hash so each challenge works once.
 */
export type Challenge = { challenge: string; bits: number; expiresAt: Date };

type Sealed = { v: 1; salt: string; bits: number; exp: number };

export function issueChallenge(box: SecretBox, bits: number, now: Date, validMs: number): Challenge {
  const expiresAt = new Date(now.getTime() + validMs);
  const sealed: Sealed = { v: 1, salt: randomBytes(12).toString('base64url'), bits, exp: expiresAt.getTime() };
  return { challenge: box.seal(JSON.stringify(sealed)), bits, expiresAt };
}

export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    bits += Math.clz32(byte) - 24;
    break;
  }
  return bits;
}

export type ChallengeCheck = { ok: true; expiresAt: Date; digest: string } | { ok: false; reason: 'malformed' | 'expired' | 'wrong_solution' };

export function checkSolution(box: SecretBox, challenge: string, nonce: string, now: Date): ChallengeCheck {
  let sealed: Sealed;
  try {
    sealed = JSON.parse(box.open(challenge)) as Sealed;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (sealed.v !== 1 || typeof sealed.bits !== 'number') return { ok: false, reason: 'malformed' };
  if (sealed.exp < now.getTime()) return { ok: false, reason: 'expired' };
  if (!/^[0-9a-zA-Z]{1,32}$/.test(nonce)) return { ok: false, reason: 'wrong_solution' };
  const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  if (leadingZeroBits(digest) < sealed.bits) return { ok: false, reason: 'wrong_solution' };
  return { ok: true, expiresAt: new Date(sealed.exp), digest: createHash('sha256').update(challenge).digest('hex') };
}

/** What the browser does, for tests and scripts. */
export function solveChallenge(challenge: string, bits: number): string {
  for (let nonce = 0; ; nonce++) {
    const candidate = nonce.toString(36);
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${candidate}`).digest()) >= bits) return candidate;
  }
}
