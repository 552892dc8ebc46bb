import { describe, expect, it } from 'vitest';
import { xlsxWorkbook } from '../../../test/integration/knowledge-xlsx.js';
import { csvDelimiter, parseInputs } from './parse-inputs.js';

const file = (filename: string, text: string) => ({ filename, bytes: Buffer.from(text) });

describe('parseInputs', () => {
  it('keeps commas inside answers of a semicolon CSV', async () => {
    const items = await parseInputs([file('umfrage.csv', '\uFEFFNr.;Antwort\n7;Mehr Busse, öfter und abends\n8;"Mieten; zu hoch"\n')]);
    expect(items).toEqual([
      { sourceId: '7', text: 'Mehr Busse, öfter und abends' },
      { sourceId: '8', text: 'Mieten; zu hoch' },
    ]);
  });

  it('reads comma and tab separated files by their header', async () => {
    expect(csvDelimiter('id,text\n1,a;b')).toBe(',');
    expect(csvDelimiter('id\ttext\n1\ta,b')).toBe('\t');
    expect(await parseInputs([file('a.csv', 'id,comment\nx1,"Radwege, bitte"\n')])).toEqual([{ sourceId: 'x1', text: 'Radwege, bitte' }]);
  });

  it('reads JSON lists of objects; without a known header the column with the longest texts is the text', async () => {
    const items = await parseInputs([file('a.json', JSON.stringify({ eingaben: [{ nummer: 'Ä1', begruendung: 'Länger', kurz: 'x' }] }))]);
    expect(items).toEqual([{ sourceId: 'Ä1', text: 'Länger' }]);
  });

  it('reads XLSX as spreadsheet programs write it: shared strings, rich text, numbers, inline strings, prefixed elements, cells without references', async () => {
    const rows = [
      ['Nr.', 'Viertel', 'Kommentar'],
      [7, 3, 'Mehr Busse & Bahnen, öfter und abends'],
      [8, 4, 'Mieten zu hoch'],
      [9, 5, 'Kita-Plätze fehlen im Viertel'],
    ];
    const expected = [
      { sourceId: '7', text: 'Mehr Busse & Bahnen, öfter und abends' },
      { sourceId: '8', text: 'Mieten zu hoch' },
      { sourceId: '9', text: 'Kita-Plätze fehlen im Viertel' },
    ];
    expect(await parseInputs([{ filename: 'a.xlsx', bytes: xlsxWorkbook(rows) }])).toEqual(expected);
    expect(await parseInputs([{ filename: 'b.xlsx', bytes: xlsxWorkbook(rows, { inlineStrings: true }) }])).toEqual(expected);
    expect(await parseInputs([{ filename: 'c.xlsx', bytes: xlsxWorkbook(rows, { prefix: 'x', withoutReferences: true }) }])).toEqual(expected);
  });
});
