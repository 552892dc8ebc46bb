import { entityPriority, type EntityType, type Finding, type Recogniser } from './entity.js';
import { addressRecogniser } from './recognisers/address.js';
import { customPatternRecogniser, type CustomPattern } from './recognisers/custom-pattern.js';
import { dateOfBirthRecogniser } from './recognisers/date-of-birth.js';
import { emailRecogniser } from './recognisers/email.js';
import { ibanRecogniser } from './recognisers/iban.js';
import { idDocumentRecogniser } from './recognisers/id-document.js';
import { ipAddressRecogniser } from './recognisers/ip-address.js';
import { licensePlateRecogniser } from './recognisers/license-plate.js';
import { paymentCardRecogniser } from './recognisers/payment-card.js';
import { personRecogniser } from './recognisers/person.js';
import { phoneRecogniser } from './recognisers/phone.js';
import { socialInsuranceRecogniser } from './recognisers/social-insurance.js';
import { specialCategoryRecogniser } from './recognisers/special-category.js';
import { taxIdRecogniser } from './recognisers/tax-id.js';
import { TextIndex } from './words.js';

export { entityLabels, entityTypes, type EntityType, type Finding } from './entity.js';
export { compileCustomPattern, type CustomPattern } from './recognisers/custom-pattern.js';

export type DetectOptions = { types?: EntityType[]; customPatterns?: CustomPattern[] };

const builtIn: Recogniser[] = [
  emailRecogniser,
  ibanRecogniser,
  paymentCardRecogniser,
  taxIdRecogniser,
  socialInsuranceRecogniser,
  idDocumentRecogniser,
  ipAddressRecogniser,
  phoneRecogniser,
  dateOfBirthRecogniser,
  licensePlateRecogniser,
  addressRecogniser,
  personRecogniser,
  specialCategoryRecogniser,
];

function outranks(a: Finding, b: Finding): boolean {
  const priority = entityPriority[a.type] - entityPriority[b.type];
  if (priority !== 0) return priority > 0;
  if (a.score !== b.score) return a.score > b.score;
  return a.end - a.start > b.end - b.start;
}

/** Keeps a non-overlapping subset: within each cluster of overlapping findings, higher priority wins first. */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const sorted = findings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (let i = 0; i < sorted.length; ) {
    let clusterEnd = sorted[i]!.end;
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.start < clusterEnd) clusterEnd = Math.max(clusterEnd, sorted[j++]!.end);
    if (j === i + 1) {
      kept.push(sorted[i++]!);
      continue;
    }
    const cluster = sorted.slice(i, j).sort((a, b) => (outranks(a, b) ? -1 : outranks(b, a) ? 1 : 0));
    const chosen: Finding[] = [];
    for (const candidate of cluster) {
      if (chosen.every((other) => candidate.end <= other.start || candidate.start >= other.end)) chosen.push(candidate);
    }
    kept.push(...chosen.sort((a, b) => a.start - b.start));
    i = j;
  }
  return kept;
}

/**
 * Finds personal data in `text`: sorted by position and never overlapping. `types` limits the search;
 * `customPatterns` adds the organisation's own identifiers (validated, see compileCustomPattern).
 */
export function detect(text: string, options: DetectOptions = {}): Finding[] {
  const recognisers = [...builtIn];
  if (options.customPatterns && options.customPatterns.length > 0) recognisers.unshift(customPatternRecogniser(options.customPatterns));
  const wanted = options.types ? new Set(options.types) : undefined;
  const findings: Finding[] = [];
  const index = new TextIndex(text);
  for (const recogniser of recognisers) {
    if (wanted && !wanted.has(recogniser.type)) continue;
    for (const found of recogniser.find(text, index)) findings.push(found);
  }
  return resolveOverlaps(findings);
}
