import type { Locale } from '../core/l10n.js';
import { microToDecimal, type AggregateKey, type AggregateRow } from './aggregate.js';

/**
 * CSV of aggregated rows (issue 11, item 6): RFC 4180 quoting and CRLF line ends. With German numbers
 * (decimal comma) the separator is a semicolon, which is what German spreadsheet programs expect.
 * Figures are written from the exact integer totals, never through floating point.
 */

export type CsvOptions = {
  /** Language of the header line; German by default. */
  locale?: Locale;
  /** Decimal comma and ";" (de) or decimal point and "," (en); follows the locale unless given. */
  numberFormat?: Locale;
  /** Names for ids: each adds a column with the name right after the id's column. */
  names?: Partial<Record<'orgId' | 'modelId', Record<string, string>>>;
};

const nameHeaders: Record<'orgId' | 'modelId', Record<Locale, string>> = {
  orgId: { de: 'Name der Organisation', en: 'Organisation name' },
  modelId: { de: 'Modellname', en: 'Model name' },
};

const keyColumns: { field: keyof AggregateKey; header: Record<Locale, string> }[] = [
  { field: 'period', header: { de: 'Zeitraum', en: 'Period' } },
  { field: 'orgId', header: { de: 'Organisation', en: 'Organisation' } },
  { field: 'userId', header: { de: 'Person', en: 'User' } },
  { field: 'modelId', header: { de: 'Modell', en: 'Model' } },
  { field: 'assistantId', header: { de: 'Assistent', en: 'Assistant' } },
];

const figureColumns: {
  header: Record<Locale, string>;
  value: (row: AggregateRow) => { integer: number } | { micro: number };
}[] = [
  { header: { de: 'Anfragen', en: 'Requests' }, value: (row) => ({ integer: row.requests }) },
  {
    header: { de: 'davon gemessen', en: 'Of which measured' },
    value: (row) => ({ integer: row.measuredRequests }),
  },
  { header: { de: 'Eingabe-Tokens', en: 'Input tokens' }, value: (row) => ({ integer: row.tokensIn }) },
  { header: { de: 'Ausgabe-Tokens', en: 'Output tokens' }, value: (row) => ({ integer: row.tokensOut }) },
  { header: { de: 'Energie (Wh)', en: 'Energy (Wh)' }, value: (row) => ({ micro: row.energyMicroWh }) },
  { header: { de: 'CO2e (g)', en: 'CO2e (g)' }, value: (row) => ({ micro: row.co2eMicrograms }) },
  { header: { de: 'Wasser (ml)', en: 'Water (ml)' }, value: (row) => ({ micro: row.waterNanolitres }) },
];

export function aggregateRowsToCsv(rows: readonly AggregateRow[], options: CsvOptions = {}): string {
  const locale = options.locale ?? 'de';
  const numbers = options.numberFormat ?? locale;
  const separator = numbers === 'de' ? ';' : ',';
  const present = keyColumns.filter((column) => rows.some((row) => column.field in row.key));
  const keys: { header: string; cell: (key: AggregateKey) => string }[] = present.flatMap((column) => {
    const idColumn = { header: column.header[locale], cell: (key: AggregateKey) => key[column.field] ?? '' };
    const names = column.field === 'orgId' || column.field === 'modelId' ? options.names?.[column.field] : undefined;
    if (!names) return [idColumn];
    const field = column.field as 'orgId' | 'modelId';
    return [idColumn, { header: nameHeaders[field][locale], cell: (key: AggregateKey) => names[key[field] ?? ''] ?? '' }];
  });
  const lines = [
    [...keys.map((column) => column.header), ...figureColumns.map((column) => column.header[locale])],
    ...rows.map((row) => [
      ...keys.map((column) => inert(column.cell(row.key))),
      ...figureColumns.map((column) => {
        const value = column.value(row);
        if ('integer' in value) return String(value.integer);
        const decimal = microToDecimal(value.micro);
        return numbers === 'de' ? decimal.replace('.', ',') : decimal;
      }),
    ]),
  ];
  return (
    lines.map((cells) => cells.map((cell) => quote(cell, separator)).join(separator)).join('\r\n') + '\r\n'
  );
}

/** Text a spreadsheet would run as a formula gets a leading apostrophe (OWASP, "CSV Injection"). */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(cell: string, separator: string): string {
  return cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
