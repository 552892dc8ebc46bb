import { eachMatch } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

const months =
  'Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|' +
  'Jan|Feb|Mär|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec|January|February|March|May|June|July|October|December';
const date =
  `\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})(?!\\d)|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2}\\/(?:\\d{4}|\\d{2})(?!\\d)` +
  `|\\d{1,2}(?:\\.|st|nd|rd|th)?\\s(?:${months})\\.?(?:\\s\\d{4})?|(?:${months})\\.?\\s\\d{1,2}(?:st|nd|rd|th)?,?\\s\\d{4}`;
const keyword =
  '\\bgeb(?:oren)?\\.?(?:\\s+am)?|\\bGeburtsdatum|\\bGeb\\.-?\\s?Datum|\\bGeburtstag(?:\\s+am)?|\\bborn(?:\\s+on)?|\\bDOB|\\bD\\.O\\.B\\.?|\\bdate of birth|\\bbirth ?date|\\bbirthday(?:\\s+is)?';
// The keyword and up to 30 characters of filler without digits or sentence ends (": ", " am Sonntag, dem "),
// or a genealogical star after a name ("Anna Schmidt (* 3.5.1975)"), then the date.
const pattern = new RegExp(`(?:(?:${keyword})[^\\d\\n.!?;]{0,30}?|(?<=[(,]\\s?)\\*\\s?)(${date})`, 'giu');
// German also puts the date first: "Er ist am 12. Mai 1987 in Halle geboren."
const geboren = /\bgeboren\b/g;
const dateBefore = new RegExp(`(?<![\\d.])(${date})(?:\\s+in\\s+\\p{Lu}[\\p{L}-]+)?\\s+$`, 'u');

/** Dates of birth: a date only counts when a word such as "geb.", "Geburtsdatum" or "born" introduces it. */
export const dateOfBirthRecogniser: Recogniser = {
  type: 'date_of_birth',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, pattern, (match) => {
      const value = match[1]!;
      const start = match.index + match[0].length - value.length;
      const score = match[0].startsWith('*') ? 0.8 : 0.95;
      findings.push(finding('date_of_birth', input, start, start + value.length, score));
    });
    eachMatch(input, geboren, (match) => {
      const windowStart = Math.max(0, match.index - 45);
      const before = dateBefore.exec(input.slice(windowStart, match.index));
      if (before) findings.push(finding('date_of_birth', input, windowStart + before.index, windowStart + before.index + before[1]!.length, 0.9));
    });
    return findings;
  },
};
