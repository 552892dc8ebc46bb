import { eachMatch } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

const months =
  'Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|' +
  'Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec|January|February|March|May|June|July|October|December';
const date =
  `\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})(?!\\d)|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2}\\/(?:\\d{4}|\\d{2})(?!\\d)` +
  `|\\d{1,2}(?:\\.|st|nd|rd|th)?\\s(?:${months})\\.?(?:\\s\\d{4})?|(?:${months})\\.?\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s\\d{4}`;
// A cheap scan for the keywords first (case-sensitive, no Unicode mode: much faster over long texts); the
// date is then read right after each one with a sticky regex.
const keyword =
  /\b(?:[Gg]eb(?:oren)?\.?(?:\s+am)?|GEB\.?|Geburtsdatum|GEBURTSDATUM|Geb\.-?\s?[Dd]atum|Geburtstag(?:\s+am)?|[Bb]orn(?:\s+on)?|DOB|[Dd]\.[Oo]\.[Bb]\.?|[Dd]ate of [Bb]irth|DATE OF BIRTH|[Bb]irth ?[Dd]ate|[Bb]irthday(?:\s+is)?)/g;
// Up to 30 characters of filler without digits or sentence ends (": ", " am Sonntag, dem "), then the date.
const dateAfterKeyword = new RegExp(`[^\\d\\n.!?;]{0,30}?(${date})`, 'iuy');
// A genealogical star after a name: "Anna Schmidt (* 3.5.1975)".
const dateAfterStar = new RegExp(`\\s?(${date})`, 'iuy');
// German also puts the date first: "Er ist am 12. Mai 1987 in Halle geboren."
const geboren = /\bgeboren\b/g;
const dateBefore = new RegExp(`(?<![\\d.])(${date})(?:\\s+in\\s+\\p{Lu}[\\p{L}-]+)?\\s+$`, 'u');

function dateAt(input: string, pattern: RegExp, position: number): [number, number] | undefined {
  pattern.lastIndex = position;
  const match = pattern.exec(input);
  if (!match) return undefined;
  const end = position + match[0].length;
  return [end - match[1]!.length, end];
}

/** Dates of birth: a date only counts when a word such as "geb.", "Geburtsdatum" or "born" introduces it. */
export const dateOfBirthRecogniser: Recogniser = {
  type: 'date_of_birth',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, keyword, (match) => {
      const span = dateAt(input, dateAfterKeyword, match.index + match[0].length);
      if (span) findings.push(finding('date_of_birth', input, span[0], span[1], 0.95));
    });
    for (let star = input.indexOf('*'); star !== -1; star = input.indexOf('*', star + 1)) {
      if (!/[(,]\s?$/.test(input.slice(Math.max(0, star - 2), star))) continue;
      const span = dateAt(input, dateAfterStar, star + 1);
      if (span) findings.push(finding('date_of_birth', input, span[0], span[1], 0.8));
    }
    eachMatch(input, geboren, (match) => {
      const windowStart = Math.max(0, match.index - 45);
      const before = dateBefore.exec(input.slice(windowStart, match.index));
      if (before) findings.push(finding('date_of_birth', input, windowStart + before.index, windowStart + before.index + before[1]!.length, 0.9));
    });
    return findings;
  },
};
