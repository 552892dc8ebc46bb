import { describe, expect, it } from 'vitest';
import { formatDate } from './l10n.js';

describe('formatDate', () => {
  it('dates by the calendar in Berlin, also from one call to the next across midnight', () => {
    expect(formatDate(new Date('2026-11-24T22:59:59.999Z'), 'de')).toBe('24.11.2026');
    expect(formatDate(new Date('2026-11-24T23:00:00.000Z'), 'de')).toBe('25.11.2026');
    expect(formatDate(new Date('2026-07-01T21:59:30.000Z'), 'de')).toBe('01.07.2026');
    expect(formatDate(new Date('2026-07-01T22:00:10.000Z'), 'de')).toBe('02.07.2026');
    expect(formatDate(new Date('2026-11-24T23:00:00.000Z'), 'en')).toBe('25 Nov 2026');
    expect(formatDate(new Date('2026-11-24T22:59:59.999Z'), 'en')).toBe('24 Nov 2026');
  });

  it('refuses an invalid date as Intl does', () => {
    expect(() => formatDate(new Date('kein Datum'), 'de')).toThrow(RangeError);
  });
});
