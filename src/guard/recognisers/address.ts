import { eachMatch, precededBy } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';
import { cities, germanNouns, stopwords } from '../vocabulary.js';
import { charFlags, letterFlag, upperFlag } from '../words.js';

type Part = { kind: 'street' | 'place' | 'postbox'; start: number; end: number; score: number; needsSupport: boolean };

const strongSuffixes = [
  'straße', 'strasse', 'str.', 'weg', 'allee', 'platz', 'gasse', 'ring', 'damm', 'ufer', 'chaussee', 'steig', 'pfad', 'stieg', 'markt',
  'graben', 'wall', 'kai', 'promenade', 'zeile', 'gürtel', 'twiete', 'redder', 'kamp', 'passage', 'boulevard',
];
const weakSuffixes = ['berg', 'hof', 'park', 'garten', 'feld', 'tal', 'tor', 'steg', 'bogen', 'winkel', 'höhe', 'grund', 'heide', 'weide', 'aue', 'au', 'siedlung', 'brücke', 'anger', 'hang', 'rain', 'wiese', 'busch'];
// House numbers are the cheap anchor: a digit after a word, then the street name is read leftwards.
// Street names end in a lower-case Latin letter ("Hauptstraße 5") or an abbreviation dot ("Hauptstr. 5").
const numberAfterWord = /(?<=[a-zäöüßéèàáíóúñçłśźżćń] ?|\. )[1-9]/g;
const houseNumber =
  /([1-9]\d{0,3}(?:\s?[a-hA-H](?![\p{L}\d]))?(?:\s?[-–/]\s?\d{1,4}[a-hA-H]?){0,2})(?![\p{L}\d]|[.,:]\d|\s?(?:%|Prozent|Euro|EUR|€|km|m\b|Meter|Minuten|Min\.|Jahre|Uhr|Personen|Teilnehm|Stimmen|Mal\b|Tage|Wochen|Monate|Stunden|Seiten|Punkte))/uy;
const streetPrefix =
  /(?:\b(?:Am|Im|An der|An den|Auf der|Auf dem|Auf den|In der|In den|Unter den|Zum|Zur|Hinter der|Hinter dem|Vor dem|Bei der|Bei den|Alte[rs]?|Neue[rs]?|Große[rs]?|Kleine[rs]?|Obere[rs]?|Untere[rs]?|Hohe[rs]?|Lange[rs]?)|\p{Lu}[\p{L}-]{1,30}(?:er|sche[rs]?)) $/u;
const placePrefix = /\b(?:Am|Im|An der|An den|Auf der|Auf dem|Auf den|In der|In den|Unter den|Zum|Zur|Hinter der|Hinter dem|Vor dem) $/u;
const englishStreet =
  /(?<![A-Za-z\d])[1-9]\d{0,4}[A-Za-z]? (?:[A-Z][A-Za-z'-]+ ){1,3}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Drive|Way|Close|Court|Place|Square|Terrace|Crescent|Gardens|Boulevard|Blvd\.?)(?![A-Za-z])/g;
// Postcodes are found without Unicode mode (fast over long texts), the place name after them with it.
const placeStart = /(?<![A-Za-zÀ-ÿ\d.,/:])\d{4,5} (?=[A-ZÀ-Þ])/g;
const placeName = /\p{Lu}[\p{L}'-]{1,40}/uy;
const countryPrefix = /(?<![\p{L}\d])(?:D|DE|A|AT|CH|FL)-$/u;
const placeContinuation =
  /(?: (?:am|an der|an den|im|in der|ob der|bei|vor der|v\. ?d\.|a\. ?d\.|i\.|a\.) ?\p{Lu}[\p{L}'.-]*| ?\(\p{Lu}[\p{L} .'-]{1,25}\)| ?\/ ?\p{Lu}[\p{L}'-]*)?/uy;
const ukPostcode = /(?<![A-Za-z\d])[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?![A-Za-z\d])/g;
const ukTown = /\p{Lu}[\p{L}'-]+,? $/u;
const postbox = /(?<![\p{L}\d])(?:Postfach|Postf\.|P\.O\. Box|PO Box) ?\d[\d ]{0,9}\d(?!\d)/gu;
const addressContext = /(?:PLZ|Anschrift|Adresse|wohnhaft|wohne|wohnt|Wohnort|Wohnsitz|Postanschrift|Sitz|zugestellt|address|lives at|living at)[^\n]{0,30}$/iu;
const germanCityPrefixes = new Set(['Bad', 'St.', 'Sankt', 'Bergisch', 'Schwäbisch', 'Königs', 'Neu', 'Hann.']);

/** "Hauptstraße 3 Unfälle": a noun right after the number means it counts things and is no house number. */
function countsSomething(input: string, end: number): boolean {
  const next = /^ (\p{Lu}\p{Ll}+)/u.exec(input.slice(end, end + 30));
  return next !== null && germanNouns.has(next[1]!) && !cities.has(next[1]!);
}

function suffixOf(word: string): 'strong' | 'weak' | undefined {
  const lower = word.toLowerCase();
  if (strongSuffixes.some((suffix) => lower.endsWith(suffix))) return 'strong';
  if (weakSuffixes.some((suffix) => lower.endsWith(suffix))) return 'weak';
  return undefined;
}

function streets(input: string, parts: Part[]): void {
  // test() instead of exec(): this anchor fires often, and a match array per hit is garbage to collect.
  numberAfterWord.lastIndex = 0;
  while (numberAfterWord.test(input)) {
    const digit = numberAfterWord.lastIndex - 1;
    const wordEnd = input[digit - 1] === ' ' ? digit - 1 : digit;
    let start = wordEnd;
    while (start > 0 && wordEnd - start < 60 && (charFlags(input.charCodeAt(start - 1)) & letterFlag || input[start - 1] === '.' || input[start - 1] === '-')) start--;
    while (input[start] === '-' || input[start] === '.') start++;
    if (!(charFlags(input.charCodeAt(start)) & upperFlag)) continue;
    const word = input.slice(start, wordEnd);
    const strength = suffixOf(word);
    if (strength === undefined && !placePrefix.test(input.slice(Math.max(0, start - 12), start))) continue;
    houseNumber.lastIndex = digit;
    const number = houseNumber.exec(input);
    if (!number || /^(?:19|20)\d\d$/.test(number[1]!) || countsSomething(input, houseNumber.lastIndex)) continue;
    const before = input.slice(Math.max(0, start - 40), start);
    if (strength === undefined) {
      // "Am Lustgarten 1", "Unter den Linden 77": no suffix, so only with a place word and later support.
      const prefix = placePrefix.exec(before);
      if (prefix && !stopwords.has(word) && !germanNouns.has(word)) {
        parts.push({ kind: 'street', start: start - prefix[0].length, end: houseNumber.lastIndex, score: 0.6, needsSupport: true });
      }
      continue;
    }
    const standalone = word.length <= 8 && /^(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Ufer|Chaussee|Markt)$/.test(word);
    const prefix = streetPrefix.exec(before);
    if (prefix) start -= prefix[0].length;
    else if (standalone) continue;
    const weak = strength === 'weak';
    if (weak && !prefix && (cities.has(word) || germanNouns.has(word))) continue;
    parts.push({ kind: 'street', start, end: houseNumber.lastIndex, score: weak ? 0.6 : 0.85, needsSupport: weak && !prefix });
  }
  eachMatch(input, englishStreet, (match) => {
    parts.push({ kind: 'street', start: match.index, end: match.index + match[0].length, score: 0.8, needsSupport: false });
  });
}

function places(input: string, parts: Part[]): void {
  eachMatch(input, placeStart, (match) => {
    const code = match[0].slice(0, -1);
    placeName.lastIndex = match.index + match[0].length;
    const city = placeName.exec(input)?.[0];
    const value = Number(code);
    if (city === undefined || (code.length === 5 ? value < 1001 : value < 1000)) return;
    const country = countryPrefix.exec(input.slice(Math.max(0, match.index - 4), match.index));
    if (input[match.index - 1] === '-' && !country) return;
    const start = match.index - (country?.[0].length ?? 0);
    let end = placeName.lastIndex;
    if (germanCityPrefixes.has(city)) {
      const second = /^ \p{Lu}[\p{L}'-]+/u.exec(input.slice(end, end + 40));
      if (second) end += second[0].length;
    }
    placeContinuation.lastIndex = end;
    end += placeContinuation.exec(input)?.[0].length ?? 0;
    const known = cities.has(city);
    const lineEnd = /^\s*(?:$|\n|,|;|\)|\.(?:\s|$))/.test(input.slice(end, end + 3));
    const yearLike = code.length === 4 && /^(?:19|20)/.test(code);
    let score = 0;
    if (country) score = 0.95;
    else if (precededBy(input, match.index, addressContext)) score = 0.85;
    else if (code.length === 5 && known) score = 0.85;
    else if (code.length === 5 && lineEnd && !germanNouns.has(city) && !stopwords.has(city)) score = 0.7;
    else if (code.length === 4 && known && !yearLike) score = 0.7;
    parts.push({ kind: 'place', start, end, score: score || 0.5, needsSupport: score === 0 });
  });
  eachMatch(input, ukPostcode, (match) => {
    const town = ukTown.exec(input.slice(Math.max(0, match.index - 30), match.index));
    const start = match.index - (town?.[0].length ?? 0);
    parts.push({ kind: 'place', start, end: match.index + match[0].length, score: 0.8, needsSupport: false });
  });
  eachMatch(input, postbox, (match) => {
    parts.push({ kind: 'postbox', start: match.index, end: match.index + match[0].length, score: 0.9, needsSupport: false });
  });
}

/**
 * Postal addresses of Germany, Austria and Switzerland (and simple British ones): street and house number,
 * postcode and place, Postfach. Adjacent parts become one finding; a weak part needs a strong neighbour.
 */
export const addressRecogniser: Recogniser = {
  type: 'address',
  find(input) {
    const parts: Part[] = [];
    streets(input, parts);
    places(input, parts);
    parts.sort((a, b) => a.start - b.start || b.end - a.end);
    const findings: Finding[] = [];
    for (let i = 0; i < parts.length; i++) {
      const first = parts[i]!;
      let last = first;
      let supported = !first.needsSupport;
      let score = first.score;
      // Street, then postcode and place, separated only by a comma, spaces or one line break.
      while (i + 1 < parts.length && parts[i + 1]!.start >= last.end && /^[ ,;·|]*\n?[ ]*$/.test(input.slice(last.end, parts[i + 1]!.start)) && last.kind !== 'place') {
        last = parts[++i]!;
        supported = true;
        score = Math.max(score, last.score);
      }
      if (!supported && !precededBy(input, first.start, addressContext)) continue;
      findings.push(finding('address', input, first.start, last.end, supported && last !== first ? Math.max(score, 0.9) : score));
    }
    return findings;
  },
};
