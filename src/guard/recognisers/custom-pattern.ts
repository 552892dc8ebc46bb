import { text } from '../../core/l10n.js';
import { ServiceError } from '../../core/errors.js';
import { eachMatch } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

export type CustomPattern = { label: string; pattern: string; flags?: string };

const maxPatternLength = 200;
const maxRepeat = 100;
const maxCombinations = 250;

function reject(pattern: string, why: string, whyEn: string): never {
  throw new ServiceError(
    'VALIDATION',
    text(`Das Muster „${pattern}“ ist nicht erlaubt: ${why}`, `The pattern "${pattern}" is not allowed: ${whyEn}`),
    { reason: 'unsafe_pattern', fields: [{ path: 'pattern', message: text(why, whyEn) }] },
  );
}

type Group = { quantified: boolean; alternation: boolean };

/**
 * Rejects the shapes that make backtracking regexes explode: a quantifier on a group that itself holds a
 * quantifier or an alternation (`(a+){2,9}`, `(a|ab){1,9}`), unbounded or large repeats, and backreferences.
 */
function checkStructure(pattern: string): void {
  const stack: Group[] = [{ quantified: false, alternation: false }];
  let lastGroup: Group | undefined;
  let combinations = 1;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    let closed: Group | undefined;
    if (char === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) reject(pattern, 'Rückverweise sind nicht erlaubt.', 'backreferences are not allowed.');
      i++;
    } else if (char === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (char === '(') {
      stack.push({ quantified: false, alternation: false });
    } else if (char === ')') {
      closed = stack.pop();
      if (!closed || stack.length === 0) reject(pattern, 'Klammern passen nicht zusammen.', 'brackets do not match.');
    } else if (char === '|') {
      stack[stack.length - 1]!.alternation = true;
    } else if (char === '*' || char === '+') {
      reject(pattern, 'unbegrenzte Wiederholungen (* oder +) sind nicht erlaubt, bitte {min,max} verwenden.', 'unbounded repeats (* or +) are not allowed, use {min,max}.');
    } else if (char === '{' || (char === '?' && pattern[i - 1] !== '(')) {
      let max = 1;
      const repeat = char === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
      if (repeat) {
        if (repeat[2] !== undefined && repeat[3] === '') reject(pattern, 'unbegrenzte Wiederholungen sind nicht erlaubt.', 'unbounded repeats are not allowed.');
        max = Number(repeat[3] ?? repeat[1]);
        if (max > maxRepeat) reject(pattern, `höchstens ${maxRepeat} Wiederholungen.`, `at most ${maxRepeat} repeats.`);
        i += repeat[0].length - 1;
      }
      if (max > 1) {
        if (lastGroup && (lastGroup.quantified || lastGroup.alternation))
          reject(pattern, 'verschachtelte Wiederholungen sind nicht erlaubt.', 'nested repeats are not allowed.');
        stack[stack.length - 1]!.quantified = true;
        // Adjacent repeats multiply the ways a failing match can be retried; cap that product.
        combinations *= max + 1;
        if (combinations > maxCombinations) reject(pattern, 'zu viele Wiederholungen.', 'too many repeats.');
      }
    }
    lastGroup = closed;
    if (closed) {
      const parent = stack[stack.length - 1]!;
      parent.quantified ||= closed.quantified;
    }
  }
  if (stack.length !== 1) reject(pattern, 'Klammern passen nicht zusammen.', 'brackets do not match.');
}

const compiled = new Map<string, RegExp>();

/** Validates an organisation-defined pattern and compiles it once; throws a VALIDATION ServiceError if unsafe. */
export function compileCustomPattern(custom: CustomPattern): RegExp {
  const key = `${custom.flags ?? ''}/${custom.pattern}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const { pattern } = custom;
  if (custom.label.trim().length === 0 || custom.label.length > 60)
    reject(pattern, 'die Bezeichnung muss 1–60 Zeichen lang sein.', 'the label must be 1–60 characters long.');
  if (pattern.length === 0 || pattern.length > maxPatternLength)
    reject(pattern, `das Muster muss 1–${maxPatternLength} Zeichen lang sein.`, `the pattern must be 1–${maxPatternLength} characters long.`);
  if (!/^[iu]*$/.test(custom.flags ?? '')) reject(pattern, 'nur die Flags i und u sind erlaubt.', 'only the flags i and u are allowed.');
  checkStructure(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, `${custom.flags ?? ''}g`);
  } catch {
    reject(pattern, 'es ist kein gültiger regulärer Ausdruck.', 'it is not a valid regular expression.');
  }
  if (regex.test('')) reject(pattern, 'es passt auf den leeren Text.', 'it matches the empty text.');
  if (compiled.size >= 1000) compiled.clear();
  compiled.set(key, regex);
  return regex;
}

export function customPatternRecogniser(patterns: CustomPattern[]): Recogniser {
  const compiledPatterns = patterns.map((custom) => ({ label: custom.label, regex: compileCustomPattern(custom) }));
  return {
    type: 'custom',
    find(input) {
      const findings: Finding[] = [];
      for (const { label, regex } of compiledPatterns) {
        eachMatch(input, regex, (match) => {
          if (match[0].length > 0) findings.push(finding('custom', input, match.index, match.index + match[0].length, 0.99, { label }));
        });
      }
      return findings;
    },
  };
}
