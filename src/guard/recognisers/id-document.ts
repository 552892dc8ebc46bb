import { icaoCheckDigit } from '../checksums.js';
import { eachMatch } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

// Case variants spelled out: a case-insensitive Unicode regex is several times slower over long texts.
const label =
  /(?:[Pp]ersonalausweis|[Aa]usweis|AUSWEIS|[Rr]eisepass|REISEPASS|Kinderreisepass|[Pp]assnummer|Pass-Nr|Pass Nr|[Pp]assport|PASSPORT|ID[- ][Cc]ard|[Ii]dentity [Cc]ard|[Ii]dentity [Dd]ocument|[Dd]okumentennummer|Dokumenten-Nr|[Ff]ührerschein|[Dd]riving [Ll]icen[cs]e|[Dd]river'?s [Ll]icen[cs]e|[Aa]ufenthaltstitel|[Aa]ufenthaltserlaubnis|[Rr]esidence [Pp]ermit)/g;
const token = /(?<![\p{L}\d])[A-Z0-9]{6,12}(?![\p{L}\d])/gu;
// Serial numbers of German ID cards and passports use digits and these letters only (no vowels, no B, D, Q, S).
const germanSerial = /^[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}$/;

function documentScore(value: string): number {
  if (value.length === 10 && germanSerial.test(value.slice(0, 9))) {
    return icaoCheckDigit(value.slice(0, 9)) === Number(value[9]) ? 0.97 : 0;
  }
  if (germanSerial.test(value) || /^\d{10}$/.test(value)) return 0.85;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 2 ? 0.7 : 0;
}

/**
 * ID card, passport, driving licence and residence permit numbers: only right after such a label, because
 * their shapes are too common on their own. German serial numbers with a tenth check digit must validate.
 */
export const idDocumentRecogniser: Recogniser = {
  type: 'id_document',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, label, (match) => {
      const windowStart = match.index + match[0].length;
      const window = input.slice(windowStart, windowStart + 45);
      token.lastIndex = 0;
      const candidate = token.exec(window);
      if (candidate === null) return;
      const score = documentScore(candidate[0]);
      const start = windowStart + candidate.index;
      if (score === 0 || findings.some((found) => found.start === start)) return;
      findings.push(finding('id_document', input, start, start + candidate[0].length, score));
    });
    return findings;
  },
};
