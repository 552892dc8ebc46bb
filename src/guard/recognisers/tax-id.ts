import { taxIdValid } from '../checksums.js';
import { eachMatch, precededBy } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

// Eleven digits, optionally grouped by single spaces ("12 345 678 901"), not part of a longer number.
const taxIdCandidate = /(?<!\d[ .,/-]?)[1-9](?: ?\d){10}(?![\d]|[.,/-]\d| \d)/g;
const taxIdContext = /(?:Steuer|Identifikations|IdNr|Id-Nr|TIN|tax|St-ID|Steuer-ID)[^\n]{0,30}$/i;
// Steuernummer of the tax office (e.g. 21/815/08150); only with a label, since many file numbers look alike.
const taxNumberCandidate = /(?<![\d/])\d{2,3}\/\d{3,4}\/\d{4,5}(?![\d/])/g;
const taxNumberContext = /(?:Steuernummer|Steuer-Nr|St\.?-?Nr|StNr|Steuer-Nummer|tax number)[^\n\d]{0,25}$/i;

/** German tax identification number (checksum and digit rule of § 139b AO) and the Finanzamt's Steuernummer. */
export const taxIdRecogniser: Recogniser = {
  type: 'tax_id',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, taxIdCandidate, (match) => {
      if (!taxIdValid(match[0].replace(/ /g, ''))) return;
      const score = precededBy(input, match.index, taxIdContext) ? 0.99 : 0.85;
      findings.push(finding('tax_id', input, match.index, match.index + match[0].length, score, { subtype: 'steuer_id' }));
    });
    eachMatch(input, taxNumberCandidate, (match) => {
      if (!precededBy(input, match.index, taxNumberContext, 40)) return;
      findings.push(finding('tax_id', input, match.index, match.index + match[0].length, 0.9, { subtype: 'steuernummer' }));
    });
    return findings;
  },
};
