import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../core/paths.js';

// tsc does not copy .txt files into dist/, so a built server reads the lexicons from the source tree.
const besideModule = fileURLToPath(new URL('./lexicons/', import.meta.url));
const lexiconDir = existsSync(besideModule) ? besideModule : path.join(packageRoot, 'src', 'guard', 'lexicons');

/** The non-empty lines of a lexicon file; `#` starts a comment line. */
export function loadLexicon(name: string): string[] {
  return readFileSync(path.join(lexiconDir, name), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

export function loadWordSet(name: string, normalise: (word: string) => string = (word) => word): Set<string> {
  return new Set(loadLexicon(name).map(normalise));
}

/** A lexicon split by `[section]` headers, e.g. the subtypes of the special categories. */
export function loadSections(name: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of loadLexicon(name)) {
    const header = /^\[([\w-]+)\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]!) ?? [];
      sections.set(header[1]!, current);
    } else if (current) current.push(line);
  }
  return sections;
}
