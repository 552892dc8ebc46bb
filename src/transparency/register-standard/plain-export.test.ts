import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUseCaseRecord } from './build-use-case-record.js';
import { csvCell, toCsv, toPlainJson } from './plain-export.js';

function parseCsv(csv: string): string[][] {
  return parse(csv, { relax_column_count: false }) as string[][];
}

describe('csvCell (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['crlf\r\nbreak', '"crlf\r\nbreak"'],
    ['', ''],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+49 30 123', "'+49 30 123"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('reads back exactly, apart from the formula guard, for any text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (cells) => {
        const parsed = parseCsv(cells.map(csvCell).join(',') + '\r\n');
        const expected = cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell));
        expect(parsed).toEqual([expected]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toCsv', () => {
  const awkward = buildUseCaseRecord({
    name: 'Entwürfe, "Antworten" & mehr',
    purpose: 'Zeile eins\r\nZeile zwei, mit Komma',
    humanOversight: '=1+1',
  });

  it('writes a header and one CRLF-terminated line per record that parsers read back exactly', () => {
    const csv = toCsv([awkward, buildUseCaseRecord({ id: 'uc-2', status: 'retired' })]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header = [], first = [], second = []] = parseCsv(csv);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(cell(first, 'name')).toBe('Entwürfe, "Antworten" & mehr');
    expect(cell(first, 'purpose')).toBe('Zeile eins\r\nZeile zwei, mit Komma');
    expect(cell(first, 'humanOversight')).toBe("'=1+1");
    expect(cell(first, 'riskClass')).toBe('limited');
    expect(cell(first, 'models')).toBe('Llama 3.3 70B Instruct (Meta (lokal betrieben))');
    expect(cell(second, 'status')).toBe('retired');
  });

  it('leaves non-public cells empty and omits internal-only columns in the public export', () => {
    const record = buildUseCaseRecord({ visibility: { responsiblePerson: 'internal' } });
    const [header = [], row = []] = parseCsv(toCsv([record]));
    expect(header).not.toContain('internalNotes');
    expect(row[header.indexOf('responsiblePersonName')]).toBe('');
    expect(row[header.indexOf('incidents')]).toBe('');
    expect(toCsv([record])).not.toContain('Budget 2027');
  });

  it('includes everything in the internal export', () => {
    const [header = [], row = []] = parseCsv(toCsv([buildUseCaseRecord()], { scope: 'internal' }));
    expect(row[header.indexOf('internalNotes')]).toBe('Budget 2027 noch offen.');
    expect(row[header.indexOf('incidents')]).toBe(
      'Falscher Fristhinweis (behoben) <https://musterstadt.example/vorfall-1>',
    );
  });

  it('exports only the header for an empty register', () => {
    expect(parseCsv(toCsv([]))).toHaveLength(1);
  });
});

describe('toPlainJson', () => {
  it('defaults to the public view and survives JSON serialisation unchanged', () => {
    const json = toPlainJson(buildUseCaseRecord());
    expect(json).not.toHaveProperty('internalNotes');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('gives staff the whole record in the internal scope', () => {
    expect(toPlainJson(buildUseCaseRecord(), { scope: 'internal' })).toHaveProperty(
      'internalNotes',
      'Budget 2027 noch offen.',
    );
  });
});
