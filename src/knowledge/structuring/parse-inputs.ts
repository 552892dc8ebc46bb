import { parse } from 'csv-parse/sync';
import { ServiceError } from '../../core/errors.js';
import { extractDocument, decode, detectFormat } from '../extract/extract-document.js';
import { knowledgeMessages } from '../messages.js';
import { xlsxRows } from './xlsx-rows.js';

export type InputItem = { sourceId: string; text: string };
export type ColumnChoice = { idColumn?: string | undefined; textColumn?: string | undefined };

const ID_HEADER = /^(id|nr\.?|nummer|number|no\.?|lfd\.?( nr\.?)?|kennung|antrag(snummer)?|änderungsantrag|code)$/i;
const TEXT_HEADER = /(text|antwort|answer|kommentar|comment|begründung|inhalt|content|änderung|anmerkung|freitext|meinung|feedback)/i;

/** Picks the id and text columns: named ones first, else by header words, else the longest texts. */
export function tableItems(header: string[], rows: string[][], choice: ColumnChoice = {}): InputItem[] {
  const find = (name: string) => {
    const index = header.findIndex((column) => column.trim().toLowerCase() === name.trim().toLowerCase());
    if (index < 0) throw new ServiceError('VALIDATION', knowledgeMessages.columnMissing(name), { reason: 'column_missing' });
    return index;
  };
  const idIndex = choice.idColumn ? find(choice.idColumn) : header.findIndex((column) => ID_HEADER.test(column.trim()));
  let textIndex = choice.textColumn ? find(choice.textColumn) : header.findIndex((column, index) => index !== idIndex && TEXT_HEADER.test(column));
  if (textIndex < 0) {
    const lengths = header.map((_, column) => (column === idIndex ? -1 : rows.reduce((sum, row) => sum + (row[column]?.length ?? 0), 0)));
    textIndex = lengths.indexOf(Math.max(...lengths));
  }
  return rows
    .map((row, index) => ({ sourceId: (idIndex >= 0 ? row[idIndex]?.trim() : '') || String(index + 1), text: (row[textIndex] ?? '').trim() }))
    .filter((item) => item.text.length > 0);
}

/**
 * The delimiter is the one the header line uses most: German spreadsheets write semicolons, others
 * commas or tabs. Trying all three at once would split answers at their commas.
 */
export function csvDelimiter(source: string): string {
  const header = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length - 1 }));
  return counts.reduce((best, entry) => (entry.count > best.count ? entry : best)).delimiter;
}

function csvItems(source: string, choice: ColumnChoice): InputItem[] {
  const records = parse(source, { delimiter: csvDelimiter(source), bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  const [header, ...rows] = records;
  return header ? tableItems(header, rows, choice) : [];
}

function jsonItems(source: string, choice: ColumnChoice): InputItem[] {
  let value = JSON.parse(source) as unknown;
  if (value && !Array.isArray(value) && typeof value === 'object') value = Object.values(value).find(Array.isArray) ?? [];
  const list = value as unknown[];
  if (list.every((entry) => typeof entry === 'string')) return (list as string[]).map((entry, index) => ({ sourceId: String(index + 1), text: entry.trim() })).filter((item) => item.text);
  const objects = list.filter((entry): entry is Record<string, unknown> => !!entry && typeof entry === 'object');
  const header = [...new Set(objects.flatMap((entry) => Object.keys(entry)))];
  return tableItems(
    header,
    objects.map((entry) => header.map((key) => (entry[key] === undefined || entry[key] === null ? '' : String(entry[key])))),
    choice,
  );
}

/**
 * Inputs from one table (CSV, XLSX, JSON) or many documents (each document one input, its file
 * name the id).
 */
export async function parseInputs(files: { filename: string; bytes: Uint8Array }[], choice: ColumnChoice = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for (const file of files) {
    const extension = file.filename.toLowerCase().split('.').pop() ?? '';
    try {
      if (extension === 'csv' || extension === 'tsv') items.push(...csvItems(decode(file.bytes), choice));
      else if (extension === 'json') items.push(...jsonItems(decode(file.bytes), choice));
      else if (extension === 'xlsx') {
        const [header, ...rows] = xlsxRows(file.bytes);
        if (header) items.push(...tableItems(header, rows, choice));
      } else {
        const format = detectFormat(file.filename, file.bytes);
        if (!format) throw new ServiceError('VALIDATION', knowledgeMessages.unsupportedInput(file.filename), { reason: 'unsupported_input' });
        const document = await extractDocument(format, file.bytes);
        const text = document.blocks.map((block) => block.text).join('\n\n').trim();
        if (text) items.push({ sourceId: file.filename, text });
      }
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      throw new ServiceError('VALIDATION', knowledgeMessages.unsupportedInput(file.filename), { reason: 'unreadable_input', cause: error });
    }
  }
  return items;
}
