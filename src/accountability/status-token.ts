import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../core/crypto.js';

/**
 * The complainant's secret status token: 24 characters of Crockford base32 (120 bits), shown in
 * groups of four so it can be read out or typed from paper. Only its SHA-256 is stored.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 24;

export function newStatusToken(): string {
  const bytes = randomBytes(LENGTH);
  let token = '';
  for (const byte of bytes) token += ALPHABET[byte & 31];
  return token.match(/.{4}/g)!.join('-');
}

/** Accepts the token as typed: any case, with or without dashes and spaces, O for 0 and I/L for 1. */
export function normaliseStatusToken(input: string): string | undefined {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== LENGTH || [...cleaned].some((char) => !ALPHABET.includes(char))) return undefined;
  return cleaned;
}

export function statusTokenHash(normalised: string): string {
  return sha256Hex(`leitplanke-complaint-status:${normalised}`);
}
