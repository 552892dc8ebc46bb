import { finding, type Finding, type Recogniser } from '../entity.js';
import { loadSections } from '../lexicons.js';


type Entry = { words: string[]; subtype: string };

const exact = new Map<string, string>();
const phrases = new Map<string, Entry[]>();
const prefixes = new Map<string, Entry[]>();
const suffixes = new Map<string, Entry[]>();

function index(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key) ?? [];
  list.push(entry);
  map.set(key, list);
}

for (const [subtype, terms] of loadSections('special-categories.txt')) {
  for (const term of terms) {
    if (term.endsWith('*')) index(prefixes, term.slice(0, 3), { words: [term.slice(0, -1)], subtype });
    else if (term.startsWith('*')) index(suffixes, term.slice(-3), { words: [term.slice(1)], subtype });
    else if (term.includes(' ')) index(phrases, term.split(' ')[0]!, { words: term.split(' '), subtype });
    else exact.set(term, subtype);
  }
}

// Lower-case folding of Latin letters by code, so words can be screened without lower-casing the text.
const fold = (code: number) => ((code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7) ? code + 32 : code);
// A small-integer hash of three characters: a Set<number> lookup rejects most words without allocating.
const key3 = (text: string, at: number) => ((fold(text.charCodeAt(at)) * 1021 + fold(text.charCodeAt(at + 1))) * 1021 + fold(text.charCodeAt(at + 2))) & 0x3fffffff;
const heads = new Set([...exact.keys(), ...prefixes.keys(), ...phrases.keys()].filter((term) => term.length >= 3).map((term) => key3(term, 0)));
const tails = new Set([...suffixes.keys()].map((tail) => key3(tail, 0)));

function suffixMatch(token: string, end: number): string | undefined {
  for (const entry of suffixes.get(token.slice(end - 3, end)) ?? []) {
    const stem = entry.words[0]!;
    if (end > stem.length && token.startsWith(stem, end - stem.length)) return entry.subtype;
  }
  return undefined;
}

function subtypeOf(token: string): string | undefined {
  const found = exact.get(token);
  if (found !== undefined) return found;
  for (const entry of prefixes.get(token.slice(0, 3)) ?? []) if (token.startsWith(entry.words[0]!)) return entry.subtype;
  // Compounds carry the term at their end, often inflected: "türkischstämmigen", "Brustkrebs".
  for (let strip = 0; strip <= 2 && token.length - strip > 3; strip++) {
    if (strip > 0 && !'ensmr'.includes(token[token.length - strip]!)) break;
    const subtype = suffixMatch(token, token.length - strip);
    if (subtype !== undefined) return subtype;
  }
  return undefined;
}

function candidate(input: string, start: number, end: number): boolean {
  if (heads.has(key3(input, start))) return true;
  for (let strip = 0; strip <= 2 && end - strip - start >= 4; strip++) if (tails.has(key3(input, end - strip - 3))) return true;
  return false;
}

/** The phrase starting with this word, if the following words complete it (single spaces between words). */
function phraseAt(input: string, word: string, end: number): { end: number; subtype: string } | undefined {
  for (const entry of phrases.get(word) ?? []) {
    const rest = ' ' + entry.words.slice(1).join(' ');
    const phraseEnd = end + rest.length;
    if (input.slice(end, phraseEnd).toLowerCase() === rest && !/[\p{L}\p{N}]/u.test(input[phraseEnd] ?? '')) return { end: phraseEnd, subtype: entry.subtype };
  }
  return undefined;
}

/**
 * GDPR Art. 9 data (health, religion, political opinion, trade-union membership, sexual orientation, ethnic
 * origin, biometric and genetic data) from curated word lists. These are flagged for policy, never replaced.
 */
export const specialCategoryRecogniser: Recogniser = {
  type: 'special_category',
  find(input, index) {
    const findings: Finding[] = [];
    let skipUntil = 0;
    const words = index.words();
    for (let w = 0; w < words.length; w += 2) {
      const start = words[w]!;
      let end = words[w + 1]!;
      // A dot right between two words belongs to the term ("ver.di-Mitglied"); the shared index splits there.
      while (input[end] === '.' && words[w + 2] === end + 1) end = words[(w += 2) + 1]!;
      if (end - start < 3 || end - start > 45 || start < skipUntil || !candidate(input, start, end)) continue;
      const word = input.slice(start, end).toLowerCase();
      const phrase = phraseAt(input, word, end);
      if (phrase) {
        findings.push(finding('special_category', input, start, phrase.end, 0.7, { subtype: phrase.subtype }));
        skipUntil = phrase.end;
        continue;
      }
      const subtype = subtypeOf(word);
      if (subtype !== undefined) findings.push(finding('special_category', input, start, end, 0.7, { subtype }));
    }
    return findings;
  },
};
