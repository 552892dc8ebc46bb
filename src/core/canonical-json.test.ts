import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The definition the writer must match: JSON.stringify over a copy with sorted keys and ISO dates. */
function reference(value: unknown): string {
  const normalize = (inner: unknown): unknown => {
    if (inner instanceof Date) return inner.toISOString();
    if (Array.isArray(inner)) return inner.map(normalize);
    if (inner !== null && typeof inner === 'object') {
      const entries = Object.entries(inner as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([key, member]) => [key, normalize(member)]));
    }
    return inner;
  };
  return JSON.stringify(normalize(value));
}

/** A small deterministic generator (mulberry32), so a failure names a value that can be replayed. */
function randomValues(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const keys = ['a', 'B', 'b', 'é', 'Ä', 'role', 'content', '10', '2', '0', '01', '4294967294', '4294967295', '-1', 'z"q', 'tab\t', '😀', ''];
  const strings = ['', 'Grüße', 'line\nbreak', 'quote " and \\ backslash', '\u0000\u001f control', '😀 emoji', '\ud800 lone surrogate'];
  const numbers = [0, -0, 1, -1.5, 1e21, 1e-7, 123456789.123, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER];
  const value = (depth: number): unknown => {
    const kind = depth > 3 ? Math.floor(next() * 6) : Math.floor(next() * 9);
    switch (kind) {
      case 0: return pick(strings);
      case 1: return pick(numbers);
      case 2: return next() < 0.5;
      case 3: return null;
      case 4: return pick([undefined, () => 1, Symbol('s')]);
      case 5: return new Date(Math.floor(next() * 4e12));
      case 6: return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default: {
        const object: Record<string, unknown> = {};
        for (let index = Math.floor(next() * 5); index > 0; index--) object[pick(keys)] = value(depth + 1);
        return object;
      }
    }
  };
  return Array.from({ length: 2000 }, () => value(0));
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members and writes dates as ISO strings', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: new Date('2026-01-02T03:04:05.006Z') }, x: undefined })).toBe(
      '{"a":{"c":"2026-01-02T03:04:05.006Z","d":[3,{"z":1}]},"b":1}',
    );
  });

  it('gives the same text for the same members in any order, as after a jsonb round trip', () => {
    expect(canonicalJson({ role: 'user', content: 'Hallo' })).toBe(canonicalJson({ content: 'Hallo', role: 'user' }));
    // Integer-like keys first in numeric order: the order the chain's existing hashes were made with.
    expect(canonicalJson({ b: 1, 10: 1, a: 1, 2: 1 })).toBe('{"2":1,"10":1,"a":1,"b":1}');
  });

  it('writes what JSON.stringify writes for values it cannot represent', () => {
    expect(canonicalJson([undefined, () => 1, Number.NaN, Infinity])).toBe('[null,null,null,null]');
    expect(canonicalJson({ f: () => 1, s: Symbol('s'), n: -0 })).toBe('{"n":0}');
    expect(canonicalJson(undefined)).toBeUndefined();
    expect(() => canonicalJson({ big: 1n })).toThrow(TypeError);
  });

  it('matches JSON.stringify over a sorted copy for 2,000 generated values', () => {
    for (const value of randomValues(20261124)) expect(canonicalJson(value)).toBe(reference(value));
  });
});
