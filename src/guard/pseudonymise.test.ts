import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPseudonymiser, createStreamRestorer, restore, type PseudonymMapping } from './pseudonymise.js';
import { textWithPersonalData } from './test-texts.js';

const placeholders = (text: string) => text.match(/\[[A-Z][A-Z_]*_\d+\]/g) ?? [];

describe('pseudonymiser', () => {
  it('gives the same value the same placeholder and different values different ones', () => {
    const pseudonymiser = createPseudonymiser();
    const output = pseudonymiser.apply('Anna Schmidt und Peter Müller. Anna Schmidt zahlt auf DE89 3704 0044 0532 0130 00.');
    expect(output).toBe('[PERSON_1] und [PERSON_2]. [PERSON_1] zahlt auf [IBAN_1].');
    expect(restore(output, pseudonymiser.mapping)).toBe('Anna Schmidt und Peter Müller. Anna Schmidt zahlt auf DE89 3704 0044 0532 0130 00.');
  });

  it('shares one mapping across the messages of a request', () => {
    const pseudonymiser = createPseudonymiser();
    expect(pseudonymiser.apply('Schreib an anna@example.de')).toBe('Schreib an [EMAIL_1]');
    expect(pseudonymiser.apply('Antwort von anna@example.de und bob@example.org')).toBe('Antwort von [EMAIL_1] und [EMAIL_2]');
    expect(pseudonymiser.mapping.get('[EMAIL_2]')).toBe('bob@example.org');
  });

  it('never issues a placeholder that already stands in the prompt', () => {
    const pseudonymiser = createPseudonymiser();
    const output = pseudonymiser.apply('Im Entwurf steht [PERSON_1] statt Anna Schmidt.');
    expect(output).toBe('Im Entwurf steht [PERSON_1] statt [PERSON_2].');
    expect(restore(output, pseudonymiser.mapping)).toBe('Im Entwurf steht [PERSON_1] statt Anna Schmidt.');
  });

  it('protects a later message that quotes an issued placeholder literally', () => {
    const pseudonymiser = createPseudonymiser();
    pseudonymiser.apply('Anna Schmidt');
    const second = pseudonymiser.apply('Was heißt [PERSON_1]?');
    expect(second).not.toContain('[PERSON_1]');
    expect(restore(second, pseudonymiser.mapping)).toBe('Was heißt [PERSON_1]?');
  });

  it('flags special categories without replacing them and reports types and counts only', () => {
    const pseudonymiser = createPseudonymiser();
    const output = pseudonymiser.apply('Anna Schmidt ist Diabetikerin. Anna Schmidt und Peter Müller kommen.');
    expect(output).toBe('[PERSON_1] ist Diabetikerin. [PERSON_1] und [PERSON_2] kommen.');
    const summary = pseudonymiser.summary();
    expect(summary).toEqual({ replaced: [{ type: 'person', count: 3, distinct: 2 }], flagged: [{ subtype: 'health', count: 1 }] });
    expect(JSON.stringify(summary)).not.toMatch(/Anna|Schmidt|Müller/);
    // A mapping that slips into a log line serialises to nothing.
    expect(JSON.stringify({ mapping: pseudonymiser.mapping })).toBe('{"mapping":{}}');
  });

  it('passes organisation patterns and type limits on to detection', () => {
    const pseudonymiser = createPseudonymiser({ types: ['custom'], customPatterns: [{ label: 'Mitgliedsnummer', pattern: 'MG-\\d{6}' }] });
    expect(pseudonymiser.apply('Anna Schmidt, MG-204718')).toBe('Anna Schmidt, [CUSTOM_1]');
  });
});

describe('pseudonymiser properties', () => {
  it('restores every text exactly, whatever Unicode or placeholder look-alikes it holds', () => {
    fc.assert(
      fc.property(textWithPersonalData, (text) => {
        const pseudonymiser = createPseudonymiser();
        expect(restore(pseudonymiser.apply(text), pseudonymiser.mapping)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('restores every message of a conversation and never reuses text a message already held', () => {
    fc.assert(
      fc.property(fc.array(textWithPersonalData, { minLength: 1, maxLength: 5 }), (messages) => {
        const pseudonymiser = createPseudonymiser();
        const seen: string[] = [];
        for (const message of messages) {
          const known = new Set(pseudonymiser.mapping.keys());
          const output = pseudonymiser.apply(message);
          seen.push(message);
          for (const placeholder of pseudonymiser.mapping.keys()) {
            if (!known.has(placeholder)) for (const earlier of seen) expect(earlier).not.toContain(placeholder);
          }
          expect(restore(output, pseudonymiser.mapping)).toBe(message);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no placeholder in the output that is not in the mapping, except literals the input held', () => {
    fc.assert(
      fc.property(textWithPersonalData, (text) => {
        const pseudonymiser = createPseudonymiser();
        for (const placeholder of placeholders(pseudonymiser.apply(text))) {
          expect(pseudonymiser.mapping.has(placeholder) || text.includes(placeholder)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('stream restorer', () => {
  const mapping: PseudonymMapping = new Map([
    ['[PERSON_1]', 'Anna Schmidt'],
    ['[PERSON_12]', 'Peter Müller'],
    ['[IBAN_1]', 'DE89 3704 0044 0532 0130 00'],
  ]);

  it('restores a placeholder split across chunks and holds back only its beginning', () => {
    const restorer = createStreamRestorer(mapping);
    expect(restorer.push('Hallo [PER')).toBe('Hallo ');
    expect(restorer.push('SON_1')).toBe('');
    expect(restorer.push(']! Und [PERSON_12], [x')).toBe('Anna Schmidt! Und Peter Müller, [x');
    expect(restorer.push(' [IBAN_')).toBe(' ');
    expect(restorer.flush()).toBe('[IBAN_');
  });

  it('gives the same text as restoring at once, for any chunking', () => {
    const streamed = fc.tuple(textWithPersonalData, fc.array(fc.nat(), { maxLength: 12 }));
    fc.assert(
      fc.property(streamed, ([text, cuts]) => {
        const pseudonymiser = createPseudonymiser();
        const answer = pseudonymiser.apply(text) + ' [PERSON_1] [PERS';
        const points = [...new Set(cuts.map((cut) => cut % (answer.length + 1)))].sort((a, b) => a - b);
        const restorer = createStreamRestorer(pseudonymiser.mapping);
        let output = '';
        let from = 0;
        for (const point of [...points, answer.length]) {
          output += restorer.push(answer.slice(from, point));
          from = point;
        }
        expect(output + restorer.flush()).toBe(restore(answer, pseudonymiser.mapping));
      }),
      { numRuns: 500 },
    );
  });

  it('holds back nothing but the longest tail that can still become a placeholder', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', 'P', 'E', 'R', 'S', 'O', 'N', '_', '1', '2', 'x', ' '), maxLength: 30 }), (text) => {
        const restorer = createStreamRestorer(mapping);
        restorer.push(text);
        const open = text.lastIndexOf('[');
        const tail = open === -1 ? '' : text.slice(open);
        const canGrow = [...mapping.keys()].some((placeholder) => placeholder.length > tail.length && placeholder.startsWith(tail));
        expect(restorer.flush()).toBe(tail && canGrow ? tail : '');
      }),
      { numRuns: 500 },
    );
  });
});
