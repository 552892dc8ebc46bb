import { finding, type Finding, type Recogniser } from '../entity.js';
import { charFlags, digitFlag, letterFlag, upperFlag, type TextIndex } from '../words.js';
import { ambiguousNames, firstNames, germanNouns, looksLikeForeignSurname, personRoles, stopwords, surnames } from '../vocabulary.js';

/** F first name, S surname, B both, U unknown capitalised word, I initial, C common word, R role before a name. */
type Kind = 'F' | 'S' | 'B' | 'U' | 'I' | 'C' | 'R';
type Token = { start: number; end: number; text: string; kind: Kind; ambiguous: boolean; beforeCommonWord?: boolean };

const particles = new Set([' ', ' von ', ' van ', ' de ', ' der ', ' den ', ' di ', ' da ', ' del ', ' della ', ' dos ', ' du ', ' la ', ' le ', ' ten ', ' ter ', ' zu ', ' vom ', ' bin ', ' ibn ', ' ben ', ' al ', ' el ', ' von der ', ' van der ', ' van den ', ' de la ', ' von und zu ']);
// Head nouns that make a German compound a thing, not a family name ("Kuchenbuffet", "Bundestag").
const nounEnding = /(?:innen|ung|heit|keit|schaft|tion|sion|ität|ismus|nis|tum|ment|anz|enz|chen|lein|gabe|stelle|arbeit|zeit|plan|buch|geld|kosten|recht|gesetz|amt|tag|woche|jahr|verband|verein|partei|fraktion|gruppe|kreis|stadt|straße|schule|ordnung|politik|antrag|sitzung|wahl|rat|ausschuss|büro|programm|konzept|projekt|bericht|papier|ticket|vertrag|ieren|ierte|ist|istin|isten)$/;
const institutions = new Set(['Day', 'Festival', 'Cup', 'Lecture', 'Memorial', 'Stiftung', 'Haus', 'Schule', 'Gymnasium', 'Gesamtschule', 'Realschule', 'Grundschule', 'Preis', 'Institut', 'Zentrum', 'Universität', 'Kaserne', 'Center', 'Foundation', 'Institute', 'School', 'Prize', 'Award', 'Street', 'Square', 'Park', 'Museum', 'Gesellschaft', 'Straße', 'Platz', 'Allee', 'Brücke', 'Halle', 'Saal', 'Bibliothek', 'Kolleg', 'Akademie', 'Werk', 'Klinik']);

// Context is checked with a sticky lookbehind at the name's start, so the engine reads backwards from one
// position instead of scanning a window of text.
const salutation =
  /(?<=(?:\b(?:Herrn?|Frau|Fräulein|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Miss|Sir|Madame|Monsieur|Dear|Liebe[rs]?|Hallo|Hi|Hey|Hello|Moin|Servus|Guten (?:Morgen|Tag|Abend)|Good (?:morning|afternoon|evening)|Danke|Thanks|Thank you|gez\.|i\.\s?A\.|i\.\s?V\.|z\.\s?Hd\.(?: von)?|Attn\.?|c\/o|Familie|Fam\.|Ehepaar|Eheleute|geb\.|geborene|Tochter|Sohn)|\b(?:Name|Vorname|Nachname|Familienname|Geburtsname|Ansprechpartner(?:in)?|Ansprechperson|Kontakt|Kontaktperson|Antragsteller(?:in)?|Absender(?:in)?|Empfänger(?:in)?|Verfasser(?:in)?|Unterzeichner(?:in)?|Protokoll|Protokollführung|Sitzungsleitung|Moderation|Von|An|Cc|Bcc|From|To|Author|Contact|Applicant|Sender|Recipient|Signed|Anwesend|Entschuldigt|Teilnehmende|Present|Apologies|Attendees|Chair|Surname|First name|Last name|Given names?|Full name|Forename|Signature|Unterschrift|Kontoinhaber(?:in)?|Account holder|Cardholder|Inhaber(?:in)?):)[ \t]*(?:(?:Dr|Prof|Dipl|Ing|med|dent|rer|nat|pol|phil|jur|oec|habil|h\.\s?c|Mag|MdB|MdL|MdEP|PD)\.?[ \t-]*){0,4})/uy;
const title = /(?<=\b(?:Dr|Prof)\.[ \t]*(?:(?:med|dent|rer|nat|pol|phil|jur|habil|Dr|Prof|h\.\s?c)\.[ \t]*){0,3})/y;
const closing =
  /(?<=(?:Mit freundlichen Grüßen|Freundliche Grüße|Mit besten Grüßen|(?:Viele|Beste|Herzliche|Liebe|Schöne|Solidarische|Sonnige|Kollegiale|Grüne|Rote) Grüße|Grüße|Gruß|MfG|LG|VG|Best regards|Kind regards|Warm regards|Regards|Best wishes|Sincerely|Yours sincerely|Yours faithfully|Yours truly|Cheers|Many thanks|Bis bald|Ciao)[,!.]?[ \t]*\n?[ \t]*)/iuy;

const kinds = new Map<string, Kind>();
const ambiguity = new Map<string, boolean>();

function classifyWord(word: string): Kind {
  if (stopwords.has(word)) return 'C';
  const first = firstNames.has(word);
  const last = surnames.has(word);
  if (first && last) return 'B';
  if (first) return 'F';
  if (last) return 'S';
  if (personRoles.has(word)) return 'R';
  if (institutions.has(word) || germanNouns.has(word) || (!looksLikeForeignSurname(word) && nounEnding.test(word.toLowerCase()))) return 'C';
  // German genitive of a name: "Annas Antrag", "Schmidts Rede".
  if (word.endsWith('s') && word.length > 4 && !ambiguousNames.has(word.slice(0, -1))) {
    const stem = classifyWord(word.slice(0, -1));
    if (stem === 'F' || stem === 'S' || stem === 'B') return stem;
  }
  return 'U';
}

/** Forms often write surnames in capitals ("SCHMIDT, Anna"); only lexicon names count then, not acronyms. */
function shouting(text: string): boolean {
  return text.length >= 3 && text === text.toUpperCase() && text !== text.toLowerCase() && !/\d/.test(text);
}

function classifyShouted(text: string): Kind {
  const titled = text.split('-').map((part) => part.charAt(0) + part.slice(1).toLowerCase()).join('-');
  // Scripts without lower case stay "shouting" after title-casing: they are no names from the lexicons.
  if (shouting(titled)) return 'C';
  const kind = classify(titled);
  return kind === 'F' || kind === 'S' || kind === 'B' ? kind : 'C';
}

function isAmbiguous(text: string): boolean {
  const ambiguous =
    ambiguousNames.has(text) ||
    (shouting(text) && ambiguousNames.has(text.charAt(0) + text.slice(1).toLowerCase())) ||
    (text.includes('-') && text.split('-').every((part) => ambiguousNames.has(part) || !(firstNames.has(part) || surnames.has(part))));
  if (ambiguity.size > 100_000) ambiguity.clear();
  ambiguity.set(text, ambiguous);
  return ambiguous;
}

function classify(text: string): Kind {
  const known = kinds.get(text);
  if (known !== undefined) return known;
  let kind: Kind;
  if (text.length === 2 && text[1] === '.') kind = 'I';
  else if (shouting(text)) kind = classifyShouted(text);
  else if (!nameShaped(text)) kind = 'C';
  else if (!text.includes('-')) kind = classifyWord(text);
  else {
    // A double name needs a known name part ("Anna-Lena", "Meyer-Oldenburg"); an institution or role part
    // makes it a thing ("Konrad-Adenauer-Haus"), and without any name part it is just a compound.
    const words = text.split('-');
    const parts = words.map(classifyWord);
    const thing = words.some((part, index) => institutions.has(part) || parts[index] === 'R' || (index > 0 && parts[index] !== 'F' && parts[index] !== 'S' && parts[index] !== 'B' && nounEnding.test(part.toLowerCase())));
    if (thing) kind = 'C';
    else if (parts.every((part) => part === 'F' || part === 'B')) kind = 'F';
    else kind = parts.some((part) => part !== 'C' && part !== 'U') ? 'S' : 'U';
  }
  if (kinds.size > 100_000) kinds.clear();
  kinds.set(text, kind);
  return kind;
}

const isName = (token: Token) => token.kind !== 'C' && token.kind !== 'R';
const isFirst = (token: Token) => token.kind === 'F' || token.kind === 'B';
const isLast = (token: Token) => token.kind === 'S' || token.kind === 'B';

function lookingBack(pattern: RegExp, input: string, position: number): boolean {
  pattern.lastIndex = position;
  return pattern.test(input);
}

function triggered(input: string, start: number): boolean {
  return lookingBack(salutation, input, start) || lookingBack(title, input, start) || lookingBack(closing, input, start);
}

/** Decides whether tokens [from, to) of a run name a person, and how sure that is. */
function judge(span: Token[], trigger: boolean): number {
  if (span.every((token) => token.kind === 'I')) return 0;
  // "To: Policy Team": an unknown word right before a common noun is an attribute, not a name.
  if (trigger) return span.length === 1 && span[0]!.kind === 'U' && span[0]!.beforeCommonWord ? 0 : 0.9;
  const [head, second] = [span[0]!, span[1]];
  if (head.kind === 'U' && span.length > 2) return 0;
  if (second === undefined) {
    if (head.ambiguous) return 0;
    if (isFirst(head)) return 0.65;
    if (isLast(head)) return 0.55;
    return 0;
  }
  const clear = span.some((token) => (isFirst(token) || isLast(token)) && !token.ambiguous);
  if (isFirst(head)) return clear ? 0.85 : 0.7;
  if (head.kind === 'I' && span.some((token) => isLast(token) && !token.ambiguous)) return 0.75;
  if (head.kind === 'U' && span.length === 2 && isLast(second) && !second.ambiguous) return 0.7;
  return 0;
}

/** A name part: capitalised, then lower case, parts joined by hyphens or apostrophes ("Anna-Lena", "O'Brien"). */
function nameShaped(text: string): boolean {
  if (!(charFlags(text.charCodeAt(0)) & upperFlag) || text.length === 1) return false;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const flags = charFlags(code);
    if (flags & digitFlag) return false;
    const afterJoiner = text[i - 1] === '-' || text[i - 1] === "'" || text[i - 1] === '’';
    if (flags & upperFlag && !afterJoiner) return false;
    if (!(flags & letterFlag) && !(code === 45 || code === 39 || code === 0x2019)) return false;
  }
  return true;
}

function initialAt(input: string, start: number, end: number): boolean {
  return (charFlags(input.charCodeAt(start)) & upperFlag) !== 0 && input[end] === '.' && /^\. ?\p{Lu}/u.test(input.slice(end, end + 3));
}

/** Two name parts belong together when only a space or a particle ("von der") stands between them. */
function joined(input: string, end: number, start: number): boolean {
  const gap = start - end;
  return gap === 1 ? input[end] === ' ' : gap <= 12 && particles.has(input.slice(end, start));
}

function runs(input: string, index: TextIndex): Token[][] {
  const result: Token[][] = [];
  let run: Token[] = [];
  const words = index.words();
  for (let w = 0; w < words.length; w += 2) {
    const start = words[w]!;
    const wordEnd = words[w + 1]!;
    if (wordEnd - start > 60 || !(charFlags(input.charCodeAt(start)) & upperFlag)) continue;
    const initial = wordEnd - start === 1 && initialAt(input, start, wordEnd);
    // An English possessive is not part of the name: "Priya's number".
    const possessive = wordEnd - start > 3 && input[wordEnd - 1] === 's' && (input[wordEnd - 2] === "'" || input[wordEnd - 2] === '’');
    const end = initial ? wordEnd + 1 : possessive ? wordEnd - 2 : wordEnd;
    const text = input.slice(start, end);
    const kind = classify(text);
    // Common words only end a run; an institution is kept so the name before it can be dropped.
    const institution = kind === 'C' && institutions.has(text);
    const previous = run[run.length - 1];
    if (previous && kind === 'C' && joined(input, previous.end, start)) previous.beforeCommonWord = true;
    if (previous && ((kind === 'C' && !institution) || !joined(input, previous.end, start))) {
      result.push(run);
      run = [];
    }
    if (kind === 'C' && !institution) continue;
    run.push({ start, end, text, kind, ambiguous: ambiguity.get(text) ?? isAmbiguous(text) });
  }
  if (run.length > 0) result.push(run);
  return result;
}

function findInRun(input: string, run: Token[], findings: Finding[]): void {
  let i = 0;
  while (i < run.length) {
    if (!isName(run[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < run.length && end - i < 4 && isName(run[end]!)) end++;
    let from = i;
    let trigger = (i > 0 && run[i - 1]!.kind === 'R') || triggered(input, run[i]!.start);
    // Without a trigger a name starts at a first name ("i. A. Melanie Krämer"), else at an initial or an
    // unknown word before a surname ("J. Schmidt", "Jannis Schmidt").
    if (!trigger) {
      let firstName = i;
      while (firstName < end && !isFirst(run[firstName]!)) firstName++;
      if (firstName > i && firstName < end) {
        from = firstName;
        trigger = triggered(input, run[from]!.start);
      }
    }
    const span = run.slice(from, end);
    const article = !trigger && span.length === 1 && /\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|the|a)\s+$/i.test(input.slice(Math.max(0, span[0]!.start - 8), span[0]!.start));
    const next = run[end];
    const score = article || (next && institutions.has(next.text)) ? 0 : judge(span, trigger);
    if (score > 0) findings.push(finding('person', input, span[0]!.start, span[span.length - 1]!.end, score));
    i = end;
  }
}

/** Every further mention of a surname or first name already found ("Frau Yılmaz" … "Yılmaz sagte"). */
function mentions(input: string, tokens: Token[][], findings: Finding[]): void {
  const known = new Set<string>();
  for (const found of findings) for (const part of found.text.split(/\s+/)) if (part.length > 2 && !part.endsWith('.')) known.add(part);
  for (const run of tokens) {
    for (const token of run) {
      if (known.has(token.text) && !stopwords.has(token.text)) {
        findings.push(finding('person', input, token.start, token.end, 0.6));
      }
    }
  }
}

/**
 * Person names from first-name and surname lexicons plus context: salutations and forms of address, titles,
 * roles, form labels and signatures. German nouns are told apart by a noun lexicon and typical noun endings.
 */
export const personRecogniser: Recogniser = {
  type: 'person',
  find(input, index) {
    const findings: Finding[] = [];
    const tokenRuns = runs(input, index);
    for (const run of tokenRuns) findInRun(input, run, findings);
    if (findings.length > 0) mentions(input, tokenRuns, findings);
    return findings;
  },
};
