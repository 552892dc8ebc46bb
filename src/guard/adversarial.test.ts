import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from './detect.js';
import { createPseudonymiser, restore } from './pseudonymise.js';
import { cpuMilliseconds } from './test-cpu-time.js';

const size = 100_000;
const repeated = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

// Inputs that make naive regexes backtrack: long runs of the characters each recogniser looks for.
const adversarial: Record<string, string> = {
  digits: repeated('1'),
  'digits with spaces': repeated('1 '),
  'digits with dots': repeated('1.'),
  'at signs': repeated('@'),
  'local parts': repeated('a.b@'),
  dots: repeated('.'),
  spaces: repeated(' '),
  colons: repeated('a:'),
  'hex words': repeated('dead:beef:'),
  plus: repeated('+49 '),
  'IBAN-like': repeated('DE89 '),
  'name-like tokens': repeated('Anna '),
  'capitalised nouns': repeated('Haus Baum Antrag '),
  salutations: repeated('Herr Frau Dr. '),
  'street-like': repeated('Hauptstraße 1 '),
  'birth keywords': repeated('geb. am '),
  placeholders: repeated('[PERSON_1]'),
  brackets: repeated('[['),
  'star dates': repeated('(* 1.'),
  hyphens: repeated('-A'),
};

describe('adversarial input', () => {
  for (const [name, text] of Object.entries(adversarial)) {
    it(`detects and pseudonymises 100 KB of ${name} within 500 ms`, () => {
      const pseudonymiser = createPseudonymiser();
      let output = '';
      expect(cpuMilliseconds(() => (output = pseudonymiser.apply(text)))).toBeLessThan(500);
      expect(restore(output, pseudonymiser.mapping)).toBe(text);
    });
  }

  it('never throws on arbitrary Unicode, including lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: 'binary-ascii', maxLength: 400 }), (unicode, ascii) => {
        detect(unicode);
        detect(ascii);
      }),
      // Found by this property once: capitals without a lower case sent the name classifier into a loop.
      { numRuns: 500, examples: [['S\u2D7F\u302A', 'ANNA']] },
    );
  });

  it('handles 100 KB of random Unicode within 500 ms', () => {
    const text = fc.sample(fc.string({ unit: 'binary', minLength: size, maxLength: size }), { numRuns: 1, seed: 7 })[0]!;
    expect(cpuMilliseconds(() => detect(text))).toBeLessThan(500);
  });
});
