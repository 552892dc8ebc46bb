import { describe, expect, it } from 'vitest';
import { aggregateUsage } from './aggregate.js';
import { awkwardUsageRecords, usageRecord } from './fixtures/usage-records.js';
import { aggregateRowsToCsv } from './csv-export.js';

const records = awkwardUsageRecords;

describe('CSV export of aggregated rows', () => {
  it('writes German headers and numbers with ";" and CRLF, exactly from the integer totals', () => {
    const csv = aggregateRowsToCsv(aggregateUsage(records, { by: ['org', 'model'], period: 'month' }));
    expect(csv.split('\r\n')).toEqual([
      'Zeitraum;Organisation;Modell;Anfragen;davon gemessen;Eingabe-Tokens;Ausgabe-Tokens;Energie (Wh);CO2e (g);Wasser (ml)',
      '2026-03;"Fraktion ""Mitte"", Büro";apertus-70b;1;1;10;20;1234,5;0,1;0,5',
      '2026-03;kreisverband;teuken-7b;1;0;10;20;1,5;0,000001;0,5',
      "2026-04;kreisverband;'=cmd|calc;1;0;10;20;0,25;0,1;0,5",
      '',
    ]);
  });

  it('writes English headers and numbers with "," when asked, quoting what needs it', () => {
    const csv = aggregateRowsToCsv(aggregateUsage(records, { by: ['org'] }), { locale: 'en' });
    expect(csv).toBe(
      'Organisation,Requests,Of which measured,Input tokens,Output tokens,Energy (Wh),CO2e (g),Water (ml)\r\n' +
        '"Fraktion ""Mitte"", Büro",1,1,10,20,1234.5,0.1,0.5\r\n' +
        'kreisverband,2,0,20,40,1.75,0.100001,1\r\n',
    );
    expect(aggregateRowsToCsv([], { locale: 'en', numberFormat: 'de' })).toBe(
      'Requests;Of which measured;Input tokens;Output tokens;Energy (Wh);CO2e (g);Water (ml)\r\n',
    );
  });

  it('adds a name column after the organisation and model ids when names are given', () => {
    const rows = aggregateUsage([usageRecord({}), usageRecord({ orgId: 'ov-nord', modelId: 'unbekannt' })], { by: ['org', 'model'] });
    const csv = aggregateRowsToCsv(rows, { locale: 'de', names: { orgId: { kreisverband: 'Kreisverband Süd' }, modelId: { 'teuken-7b': '=Teuken 7B' } } });
    const [header, first, second] = csv.split('\r\n');
    expect(header).toBe('Organisation;Name der Organisation;Modell;Modellname;Anfragen;davon gemessen;Eingabe-Tokens;Ausgabe-Tokens;Energie (Wh);CO2e (g);Wasser (ml)');
    expect(first).toBe("kreisverband;Kreisverband Süd;teuken-7b;'=Teuken 7B;1;0;10;20;0,25;0,1;0,5");
    expect(second).toBe('ov-nord;;unbekannt;;1;0;10;20;0,25;0,1;0,5');
  });
});
