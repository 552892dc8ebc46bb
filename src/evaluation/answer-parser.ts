import { type ChoiceOption } from './choice-layout.js';
import { isRefusal } from './lexicons.js';
import { type Letter } from './suite-schema.js';
import { cleanResponse, fold } from './text-match.js';

/**
 * Reads a multiple-choice answer from real model output: "Antwort: B", "(b)", "B)", "**B**", "Ich wähle B,
 * weil …", reasoning first and the answer last, or only the option's words. Strong signals win over weak
 * ones; when a weak signal is ambiguous the answer is invalid rather than guessed.
 */

export type ParsedChoice =
  { kind: 'choice'; letter: Letter; meaning: string } | { kind: 'refusal' } | { kind: 'invalid' };

const letterAfter = String.raw`\s*(?:option|antwort|buchstabe|letter)?\s*[:=]?\s*[("'\[]*([abc])(?![\p{L}\p{N}])`;
// The format the prompts ask for; after reasoning it comes last, so the last one counts.
const declared = new RegExp(
  String.raw`(?:final answer|endgueltige antwort|antwort|answer|loesung|auswahl)\s*[:：=–—-]` + letterAfter,
  'giud',
);
const stated = new RegExp(
  String.raw`(?:ich waehle|ich entscheide mich fuer|ich nehme|ich tendiere zu|meine antwort (?:ist|lautet|waere)|die (?:richtige |korrekte |beste |zutreffende |passende )?antwort (?:ist|lautet|waere)|i(?: would| will|'d|'ll)? (?:choose|pick|select|go with)|my answer (?:is|would be)|the (?:correct |right |best )?answer (?:is|would be))` +
    letterAfter,
  'giud',
);
const letterFirst =
  /(?<![\p{L}\p{N}])([abc])\)?\s+(?:is|ist|waere|would be)\s+(?:the\s+|die\s+)?(?:correct|right|richtig|zutreffend)/dgiu;
const wouldChoose =
  /(?:ich wuerde|i would|i'd)\s+(?:option\s+)?\(?([abc])\)?\s+(?:waehlen|nehmen|choose|pick|select)/giu;
// A line that is only a letter ("B", "**B**", "(b)") or starts with one and a delimiter ("B)", "B.", "B – …").
const lineLetter = /^[\s("'[]*([abc])(?:\s*[).:\]]|\s*$|\s+[-–—])/iu;
const markedLetter =
  /(?:\(([abc])\)|(?<![\p{L}\p{N}])([abc])\)|(?:option|antwort|buchstabe|letter)\s+([abc])(?![\p{L}\p{N}]))/giu;

/** Umlauts folded but case kept: a lower-case "a" followed by a word is the English article, not option A. */
function foldKeepingCase(value: string): string {
  return value.replace(
    /[äÄöÖüÜß]/g,
    (char) => ({ ä: 'ae', Ä: 'Ae', ö: 'oe', Ö: 'Oe', ü: 'ue', Ü: 'Ue', ß: 'ss' })[char]!,
  );
}

function acceptedLetters(pattern: RegExp, value: string): string[] {
  return [...value.matchAll(pattern)].flatMap((match) => {
    const [start, end] = match.indices![1]!;
    const letter = value.slice(start, end);
    return letter === letter.toUpperCase() || /^\s*([).:\]"']|$)/.test(value.slice(end, end + 2))
      ? [letter]
      : [];
  });
}

function unique(values: string[]): string | undefined {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

function firstGroup(match: RegExpMatchArray | null): string | undefined {
  return match?.slice(1).find(Boolean);
}

function letterOf(cleaned: string): string | undefined {
  const text = foldKeepingCase(cleaned);
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const lineLetters = lines
    .map((line) => firstGroup(lineLetter.exec(line)))
    .filter((value) => value !== undefined);
  return (
    acceptedLetters(declared, text).at(-1) ??
    acceptedLetters(stated, text).at(-1) ??
    acceptedLetters(letterFirst, text).at(-1) ??
    firstGroup([...text.matchAll(wouldChoose)].at(-1) ?? null) ??
    unique(lineLetters) ??
    unique([...text.matchAll(markedLetter)].map((match) => firstGroup(match)!))
  );
}

// Stance words overlap ("stimme nicht zu" contains "stimme … zu"), so specific meanings are taken out first.
const consumedFirst = ['neutral', 'neither', 'disagree'];

/** The one option whose words (its text or a synonym) occur in the answer; none if zero or several do. */
function meaningOf(cleaned: string, options: ChoiceOption[]): string | undefined {
  let rest = fold(cleaned);
  const found = new Set<string>();
  const ordered = [...options].sort((a, b) => rank(a) - rank(b));
  for (const option of ordered) {
    const patterns = [
      ...option.synonyms.map((source) => new RegExp(source, 'gu')),
      new RegExp(literal(fold(option.text).replace(/[.!?]+$/, '')), 'gu'),
    ];
    for (const pattern of patterns) {
      if (pattern.test(rest)) {
        found.add(option.meaning);
        rest = rest.replace(pattern, ' ');
      }
    }
  }
  return unique([...found]);
}

function literal(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rank(option: ChoiceOption): number {
  const index = consumedFirst.indexOf(option.meaning);
  return index === -1 ? consumedFirst.length : index;
}

export function parseChoice(response: string, options: ChoiceOption[]): ParsedChoice {
  const cleaned = cleanResponse(response);
  if (cleaned.length === 0) return { kind: 'invalid' };
  const letter = letterOf(cleaned)?.toUpperCase();
  const byLetter = options.find((option) => option.letter === letter);
  if (byLetter) return { kind: 'choice', letter: byLetter.letter, meaning: byLetter.meaning };
  const meaning = meaningOf(cleaned, options);
  const byMeaning = options.find((option) => option.meaning === meaning);
  if (byMeaning) return { kind: 'choice', letter: byMeaning.letter, meaning: byMeaning.meaning };
  return isRefusal(cleaned) ? { kind: 'refusal' } : { kind: 'invalid' };
}
