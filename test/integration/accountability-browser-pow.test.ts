import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSolution, issueChallenge, leadingZeroBits as serverZeroBits } from '../../src/accountability/proof-of-work.js';
import { SecretBox } from '../../src/core/crypto.js';
import { leadingZeroBits, searchNonce, sha256 } from '../../web/src/pages/accountability/sha256.js';

/** The complaint form's proof-of-work as the browser computes it must be what the server checks. */
describe('the browser’s proof-of-work', () => {
  it('hashes like SHA-256 at every padding boundary and with non-ASCII text', () => {
    const samples = ['', 'abc', 'Beschwerde über KI-Plakat – Ärger, Öl, Übermaß, ß', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64), 'y'.repeat(1000), randomBytes(90).toString('base64url')];
    for (const sample of samples) {
      expect(Buffer.from(sha256(sample)).toString('hex'), sample.slice(0, 20)).toBe(createHash('sha256').update(sample, 'utf8').digest('hex'));
    }
  });

  it('counts leading zero bits as the server does', () => {
    for (let index = 0; index < 200; index++) {
      const digest = createHash('sha256').update(String(index)).digest();
      expect(leadingZeroBits(new Uint8Array(digest))).toBe(serverZeroBits(digest));
    }
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x0f, 0xff]))).toBe(20);
  });

  it('finds a nonce the server accepts for a real sealed challenge, and nothing for a too-small search', () => {
    const box = new SecretBox(randomBytes(32));
    const now = new Date();
    const { challenge, bits } = issueChallenge(box, 12, now, 60_000);
    let nonce: string | undefined;
    for (let from = 0; !nonce; from += 5_000) nonce = searchNonce(challenge, bits, from, 5_000);
    expect(checkSolution(box, challenge, nonce, now)).toMatchObject({ ok: true });
    // A nonce the browser would have skipped is one the server refuses.
    const skipped = ['0', '1', '2', '3'].find((candidate) => leadingZeroBits(sha256(`${challenge}:${candidate}`)) < bits)!;
    expect(checkSolution(box, challenge, skipped, now)).toMatchObject({ ok: false, reason: 'wrong_solution' });
    const hard = issueChallenge(box, 26, now, 60_000);
    expect(searchNonce(hard.challenge, hard.bits, 0, 10)).toBeUndefined();
  });
});
