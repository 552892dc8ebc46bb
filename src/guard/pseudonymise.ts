import { detect, type DetectOptions } from './detect.js';
import type { EntityType } from './entity.js';
import { placeholderShape, type PseudonymMapping } from './restore.js';

export { createStreamRestorer, restore, type PseudonymMapping, type StreamRestorer } from './restore.js';

/** Short upper-case English tags: models copy `[PERSON_1]` verbatim far more reliably than prose or symbols. */
const tags: Record<Exclude<EntityType, 'special_category'>, string> = {
  email: 'EMAIL',
  phone: 'PHONE',
  iban: 'IBAN',
  payment_card: 'CARD',
  tax_id: 'TAX_ID',
  social_insurance: 'SOCIAL_ID',
  id_document: 'ID_DOCUMENT',
  license_plate: 'PLATE',
  address: 'ADDRESS',
  date_of_birth: 'BIRTHDATE',
  ip_address: 'IP',
  person: 'PERSON',
  custom: 'CUSTOM',
};
// A literal that equals an issued placeholder is itself replaced, so restoring never confuses the two.
const literalTag = 'TEXT';

/** What was done to a request, for the API response and the audit log: types and counts, never values. */
export type ReplacementSummary = {
  replaced: { type: EntityType; count: number; distinct: number }[];
  flagged: { subtype: string; count: number }[];
};

export type Pseudonymiser = {
  /** Pseudonymises one message; call it for every message of a request so the mapping is shared. */
  apply(text: string): string;
  readonly mapping: PseudonymMapping;
  /** The placeholder issued for a finding (type and original text), for the preview; never sent anywhere. */
  placeholderOf(type: EntityType, original: string): string | undefined;
  summary(): ReplacementSummary;
};

export function createPseudonymiser(options: DetectOptions = {}): Pseudonymiser {
  const mapping = new Map<string, string>();
  const byValue = new Map<string, string>();
  const reserved = new Set<string>();
  const counters = new Map<string, number>();
  const replaced = new Map<EntityType, { count: number; values: Set<string> }>();
  const flagged = new Map<string, number>();

  function issue(tag: string, key: string, original: string): string {
    const known = byValue.get(key);
    if (known !== undefined) return known;
    let number = counters.get(tag) ?? 0;
    let placeholder: string;
    do placeholder = `[${tag}_${++number}]`;
    while (reserved.has(placeholder));
    counters.set(tag, number);
    mapping.set(placeholder, original);
    byValue.set(key, placeholder);
    return placeholder;
  }

  function escapeLiterals(text: string): string {
    return text.replace(placeholderShape, (literal) => {
      if (!mapping.has(literal)) {
        reserved.add(literal);
        return literal;
      }
      return issue(literalTag, `literal\u0000${literal}`, literal);
    });
  }

  return {
    mapping,
    placeholderOf: (type, original) => byValue.get(`${type}\u0000${original}`),
    apply(text) {
      for (const literal of text.match(placeholderShape) ?? []) if (!mapping.has(literal)) reserved.add(literal);
      let output = '';
      let position = 0;
      for (const found of detect(text, options)) {
        if (found.type === 'special_category') {
          flagged.set(found.subtype ?? 'other', (flagged.get(found.subtype ?? 'other') ?? 0) + 1);
          continue;
        }
        output += escapeLiterals(text.slice(position, found.start));
        output += issue(tags[found.type], `${found.type}\u0000${found.text}`, found.text);
        const stats = replaced.get(found.type) ?? { count: 0, values: new Set<string>() };
        stats.count++;
        stats.values.add(found.text);
        replaced.set(found.type, stats);
        position = found.end;
      }
      return output + escapeLiterals(text.slice(position));
    },
    summary() {
      return {
        replaced: [...replaced].map(([type, stats]) => ({ type, count: stats.count, distinct: stats.values.size })),
        flagged: [...flagged].map(([subtype, count]) => ({ subtype, count })),
      };
    },
  };
}
