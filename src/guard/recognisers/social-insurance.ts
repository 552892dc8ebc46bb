import { healthInsuranceNumberValid, pensionNumberValid } from '../checksums.js';
import { eachMatch, precededBy } from '../context.js';
import { finding, type Finding, type Recogniser } from '../entity.js';

// Rentenversicherungsnummer, written compact or grouped: "65 170839 J 003", "65170839J003".
const pensionCandidate = /(?<![\p{L}\d])\d{2} ?\d{6} ?[A-Z] ?\d{2} ?\d(?![\p{L}\d])/gu;
const healthCandidate = /(?<![\p{L}\d])[A-Z] ?\d{8} ?\d(?![\p{L}\d])/gu;
const healthContext = /(?:Versicherten|Krankenversicherung|Krankenkasse|KVNR|KV-Nr|Gesundheitskarte|eGK|AOK|TK|Barmer|DAK|IKK|BKK|insurance)[^\n]{0,30}$/i;

/** German social insurance numbers: the pension number always, the health insurance number next to a label. */
export const socialInsuranceRecogniser: Recogniser = {
  type: 'social_insurance',
  find(input) {
    const findings: Finding[] = [];
    eachMatch(input, pensionCandidate, (match) => {
      if (!pensionNumberValid(match[0].replace(/ /g, ''))) return;
      findings.push(finding('social_insurance', input, match.index, match.index + match[0].length, 0.97, { subtype: 'pension' }));
    });
    eachMatch(input, healthCandidate, (match) => {
      if (!healthInsuranceNumberValid(match[0].replace(/ /g, '')) || !precededBy(input, match.index, healthContext)) return;
      findings.push(finding('social_insurance', input, match.index, match.index + match[0].length, 0.93, { subtype: 'health' }));
    });
    return findings;
  },
};
