import { eachMatch } from '../context.js';
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

const word = /[\p{L}\p{N}](?:[\p{L}\p{N}'’.-]{0,40}[\p{L}\p{N}])?/gu;

function subtypeOf(token: string): string | undefined {
  const found = exact.get(token);
  if (found !== undefined) return found;
  for (const entry of prefixes.get(token.slice(0, 3)) ?? []) if (token.startsWith(entry.words[0]!)) return entry.subtype;
  // Compounds carry the term at their end, often inflected: "türkischstämmigen", "Brustkrebs".
  const base = /(?:e|en|er|es|em|n|s)$/.exec(token);
  for (const candidate of base ? [token, token.slice(0, base.index)] : [token]) {
    for (const entry of suffixes.get(candidate.slice(-3)) ?? []) {
      if (candidate.length > entry.words[0]!.length && candidate.endsWith(entry.words[0]!)) return entry.subtype;
    }
  }
  return undefined;
}

/**
 * GDPR Art. 9 data (health, religion, political opinion, trade-union membership, sexual orientation, ethnic
 * origin, biometric and genetic data) from curated word lists. These are flagged for policy, never replaced.
 */
export const specialCategoryRecogniser: Recogniser = {
  type: 'special_category',
  find(input) {
    const findings: Finding[] = [];
    const tokens: { start: number; end: number; lower: string }[] = [];
    eachMatch(input, word, (match) => {
      tokens.push({ start: match.index, end: match.index + match[0].length, lower: match[0].toLowerCase() });
    });
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const phrase = phrases.get(token.lower)?.find((entry) =>
        entry.words.every((part, offset) => {
          const next = tokens[i + offset];
          return next !== undefined && next.lower === part && (offset === 0 || /^\s+$/.test(input.slice(tokens[i + offset - 1]!.end, next.start)));
        }),
      );
      if (phrase) {
        const last = tokens[i + phrase.words.length - 1]!;
        findings.push(finding('special_category', input, token.start, last.end, 0.7, { subtype: phrase.subtype }));
        i += phrase.words.length - 1;
        continue;
      }
      const subtype = subtypeOf(token.lower);
      if (subtype !== undefined) findings.push(finding('special_category', input, token.start, token.end, 0.7, { subtype }));
    }
    return findings;
  },
};
