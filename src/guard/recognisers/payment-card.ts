import { luhnValid } from '../checksums.js';
import { eachMatch } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

type Scheme = { name: string; prefixes: [number, number][]; lengths: number[] };

/** Issuer identification ranges as [from, to] on the leading digits (ranges of equal digit count). */
const schemes: Scheme[] = [
  { name: 'visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
  { name: 'mastercard', prefixes: [[51, 55], [2221, 2720]], lengths: [16] },
  { name: 'amex', prefixes: [[34, 34], [37, 37]], lengths: [15] },
  { name: 'discover', prefixes: [[6011, 6011], [644, 649], [65, 65]], lengths: [16, 17, 18, 19] },
  { name: 'diners', prefixes: [[300, 305], [36, 36], [38, 39]], lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'jcb', prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  { name: 'unionpay', prefixes: [[62, 62]], lengths: [16, 17, 18, 19] },
  { name: 'mir', prefixes: [[2200, 2204]], lengths: [16, 17, 18, 19] },
  { name: 'maestro', prefixes: [[50, 50], [56, 69]], lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

export function cardScheme(digits: string): string | undefined {
  for (const scheme of schemes) {
    if (!scheme.lengths.includes(digits.length)) continue;
    for (const [from, to] of scheme.prefixes) {
      const prefix = Number(digits.slice(0, String(from).length));
      if (prefix >= from && prefix <= to) return scheme.name;
    }
  }
  return undefined;
}

// 12–19 digits, single spaces or hyphens allowed between them; no digit may touch either end.
const candidate = /(?<![\d,.])\d(?:[ -]?\d){11,18}(?![\d]|[,.]\d)/g;

/** Card numbers: a known issuer range, a length that range issues, and a valid Luhn digit. */
export const paymentCardRecogniser: Recogniser = {
  type: 'payment_card',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, candidate, (match) => {
      const digits = match[0].replace(/[ -]/g, '');
      const scheme = cardScheme(digits);
      if (scheme === undefined || !luhnValid(digits)) return;
      findings.push(finding('payment_card', input, match.index, match.index + match[0].length, 0.97, { subtype: scheme }));
    });
    return findings;
  },
};
