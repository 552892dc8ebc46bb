/**
 * A hand-written word scanner: a regex with Unicode classes and lookbehind allocates a match per word and
 * was the guard's bottleneck. Character classes come from a table for Latin scripts, a cache beyond.
 */
export const letterFlag = 1;
export const upperFlag = 2;
export const digitFlag = 4;

const latinTable = new Uint8Array(0x250);
const otherScripts = new Map<number, number>();

function computeFlags(code: number): number {
  const char = String.fromCharCode(code);
  if (/\p{Nd}/u.test(char)) return digitFlag;
  if (/\p{Lu}|\p{Lt}/u.test(char)) return letterFlag | upperFlag;
  if (/\p{L}|\p{M}/u.test(char)) return letterFlag;
  return 0;
}

for (let code = 0; code < latinTable.length; code++) latinTable[code] = computeFlags(code);

export function charFlags(code: number): number {
  if (code < 0x250) return latinTable[code]!;
  // Surrogate halves (emoji and rare scripts) count as separators, which is safe for every recogniser.
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  let flags = otherScripts.get(code);
  if (flags === undefined) {
    flags = computeFlags(code);
    otherScripts.set(code, flags);
  }
  return flags;
}

const isWordChar = (code: number) => ((code < 0x250 ? latinTable[code]! : charFlags(code)) & (letterFlag | digitFlag)) !== 0;

const isJoiner = (code: number) => code === 45 || code === 39 || code === 0x2019;

/**
 * The words of a text as [start, end, start, end, …]: letters and digits, joined by a hyphen or apostrophe
 * between two word characters ("Anna-Lena", "O'Brien"). Found once per text and shared by the recognisers.
 */
export class TextIndex {
  private found: Int32Array | undefined;

  constructor(readonly input: string) {}

  words(): Int32Array {
    if (this.found) return this.found;
    const input = this.input;
    const length = input.length;
    let bounds = new Int32Array(Math.max(64, length >> 2));
    let count = 0;
    let i = 0;
    while (i < length) {
      if (!isWordChar(input.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      for (;;) {
        while (i < length && isWordChar(input.charCodeAt(i))) i++;
        if (i + 1 < length && isJoiner(input.charCodeAt(i)) && isWordChar(input.charCodeAt(i + 1))) i++;
        else break;
      }
      if (count + 2 > bounds.length) {
        const grown = new Int32Array(bounds.length * 2);
        grown.set(bounds);
        bounds = grown;
      }
      bounds[count++] = start;
      bounds[count++] = i;
    }
    this.found = bounds.subarray(0, count);
    return this.found;
  }
}
