import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect, entityLabels, entityTypes, resolveOverlaps, type Finding } from './detect.js';
import { textWithPersonalData } from './test-texts.js';

describe('detect', () => {
  it('finds several kinds of personal data in one text, in order', () => {
    const text = 'Anna Schmidt (geb. 03.05.1975), Karl-Marx-Allee 12, 10243 Berlin, IBAN DE89 3704 0044 0532 0130 00, anna@example.de';
    expect(detect(text).map((finding) => [finding.type, finding.text])).toEqual([
      ['person', 'Anna Schmidt'],
      ['date_of_birth', '03.05.1975'],
      ['address', 'Karl-Marx-Allee 12, 10243 Berlin'],
      ['iban', 'DE89 3704 0044 0532 0130 00'],
      ['email', 'anna@example.de'],
    ]);
  });

  it('limits the search to the requested types', () => {
    const text = 'Anna Schmidt, anna@example.de, Tel. 030 12345678';
    expect(detect(text, { types: ['email'] }).map((finding) => finding.type)).toEqual(['email']);
    expect(detect(text, { types: [] })).toEqual([]);
  });

  it('resolves overlaps by priority, then score, then length', () => {
    const at = (type: Finding['type'], start: number, end: number, score = 0.5): Finding => ({ type, start, end, text: '', score });
    expect(resolveOverlaps([at('person', 0, 10), at('iban', 5, 30), at('phone', 28, 40), at('phone', 30, 40)]).map((finding) => finding.type)).toEqual(['iban', 'phone']);
    expect(resolveOverlaps([at('person', 0, 5, 0.6), at('person', 0, 12, 0.9)]).map((finding) => finding.end)).toEqual([12]);
  });

  it('always returns sorted, non-overlapping findings whose text matches the input', () => {
    fc.assert(
      fc.property(textWithPersonalData, (text) => {
        const findings = detect(text);
        for (let i = 0; i < findings.length; i++) {
          const finding = findings[i]!;
          expect(text.slice(finding.start, finding.end)).toBe(finding.text);
          expect(finding.end).toBeGreaterThan(finding.start);
          if (i > 0) expect(finding.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('has a German and an English label for every entity type', () => {
    for (const type of entityTypes) {
      expect(entityLabels[type].de.length, type).toBeGreaterThan(0);
      expect(entityLabels[type].en.length, type).toBeGreaterThan(0);
    }
  });
});
