import { ibanValid } from '../checksums.js';
import { eachMatch } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

/** IBAN length per country (ISO 13616 registry): every SEPA country and the other IBAN countries. */
const ibanLengths: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

// Country code, check digits, then up to 30 characters with at most one space or hyphen between them.
const candidate = /(?<![\p{L}\d])([A-Za-z]{2}) ?(\d{2})((?:[ -]?[A-Za-z0-9]){10,30})/gu;

/** IBANs with or without grouping; the country's length decides where the IBAN ends, mod 97 decides if it is one. */
export const ibanRecogniser: Recogniser = {
  type: 'iban',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, candidate, (match) => {
      const country = match[1]!.toUpperCase();
      const length = ibanLengths[country];
      if (length === undefined) return;
      let compact = country + match[2]!;
      let end = match.index + match[0].length - match[3]!.length;
      for (const char of match[3]!) {
        if (compact.length === length) break;
        end++;
        if (char !== ' ' && char !== '-') compact += char.toUpperCase();
      }
      // The IBAN must end at a token boundary, not in the middle of a longer code.
      if (compact.length !== length || /[\p{L}\d]/u.test(input[end] ?? '')) return;
      if (!ibanValid(compact)) return;
      findings.push(finding('iban', input, match.index, end, 0.99, { subtype: country }));
      candidate.lastIndex = end;
    });
    return findings;
  },
};
