import { describe, expect, it } from 'vitest';
import { isServiceError } from '../../core/errors.js';
import { detect } from '../detect.js';
import { cpuMilliseconds } from '../test-cpu-time.js';
import { compileCustomPattern } from './custom-pattern.js';

function rejection(pattern: string, flags?: string): string | undefined {
  try {
    compileCustomPattern({ label: 'Test', pattern, flags });
    return undefined;
  } catch (error) {
    if (!isServiceError(error)) throw error;
    expect(error.code).toBe('VALIDATION');
    expect(error.detail.de.length).toBeGreaterThan(0);
    return error.reason;
  }
}

describe('organisation-defined patterns', () => {
  it('finds matches with their label, taking precedence over built-in types', () => {
    const findings = detect('Mitgliedsnummer MG-204718, Tel. 030 12345678', {
      customPatterns: [{ label: 'Mitgliedsnummer', pattern: 'MG-\\d{6}' }],
    });
    expect(findings.map((finding) => [finding.type, finding.text, finding.label])).toEqual([
      ['custom', 'MG-204718', 'Mitgliedsnummer'],
      ['phone', '030 12345678', undefined],
    ]);
  });

  it('accepts bounded patterns with optional groups and case-insensitive flags', () => {
    expect(rejection('(?:Nr\\.|Nummer)? ?[A-Z]{2}-\\d{4,6}', 'i')).toBeUndefined();
    expect(rejection('\\d{2}/\\d{3}/\\d{4,5}')).toBeUndefined();
  });

  it('rejects patterns that can backtrack catastrophically or are otherwise unsafe', () => {
    expect(rejection('(a+)+$')).toBe('unsafe_pattern');
    expect(rejection('\\d*x')).toBe('unsafe_pattern');
    expect(rejection('(\\d{1,9}){1,9}')).toBe('unsafe_pattern');
    expect(rejection('(a|ab){2,5}')).toBe('unsafe_pattern');
    expect(rejection('(\\w)\\1')).toBe('unsafe_pattern');
    expect(rejection('\\d{1,1000}')).toBe('unsafe_pattern');
    expect(rejection('\\d{0,20}\\d{0,20}')).toBe('unsafe_pattern');
    expect(rejection('x?')).toBe('unsafe_pattern');
    expect(rejection('[a-')).toBe('unsafe_pattern');
    expect(rejection('MG-\\d{6}', 'g')).toBe('unsafe_pattern');
  });

  it('keeps accepted patterns fast on adversarial input', () => {
    // The most expensive shape still accepted: two overlapping repeats right next to each other.
    const regex = compileCustomPattern({ label: 'Test', pattern: '\\d{0,14}\\d{0,15}x' });
    expect(cpuMilliseconds(() => expect('1'.repeat(100_000).match(regex)).toBeNull())).toBeLessThan(500);
  });
});
