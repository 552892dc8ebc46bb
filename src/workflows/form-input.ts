import { parse as parseCsv } from 'csv-parse/sync';
import type { FieldIssue } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { FormField, WorkflowDefinition } from './definition-schema.js';

/**
 * Turns a submitted form (JSON from the UI or API, or one CSV row) into the input the rules see:
 * typed values, empty answers left out (so JSON Logic's `missing` and `var` defaults work), and a
 * German/English message for every field that is wrong.
 */
export type NormalisedInput = { input: Record<string, unknown>; issues: FieldIssue[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const issue = (field: string, de: string, en: string): FieldIssue => ({
  path: `input.${field}`,
  message: text(de, en),
});

function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  // German "1.234,50" as well as "1234.50".
  const cleaned = value.includes(',') ? value.replace(/\./g, '').replace(',', '.') : value;
  const number = Number(cleaned.replace(/\s|€/g, ''));
  return cleaned.trim() !== '' && Number.isFinite(number) ? number : undefined;
}

function parseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  const iso = german
    ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`
    : value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const normalised = String(value).trim().toLowerCase();
  if (['ja', 'yes', 'true', '1', 'x', 'wahr'].includes(normalised)) return true;
  if (['nein', 'no', 'false', '0', 'falsch'].includes(normalised)) return false;
  return undefined;
}

function option(field: FormField, value: unknown): string | undefined {
  const wanted = String(value).trim().toLowerCase();
  return field.options?.find(
    (entry) =>
      entry.value.toLowerCase() === wanted ||
      entry.label.de.toLowerCase() === wanted ||
      entry.label.en.toLowerCase() === wanted,
  )?.value;
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

function normaliseField(field: FormField, value: unknown): { value?: unknown; issue?: FieldIssue } {
  const { name } = field;
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email': {
      const textValue = String(value).trim();
      if (field.maxLength && [...textValue].length > field.maxLength)
        return {
          issue: issue(
            name,
            `Höchstens ${field.maxLength} Zeichen.`,
            `At most ${field.maxLength} characters.`,
          ),
        };
      if (field.type === 'email' && !EMAIL.test(textValue))
        return {
          issue: issue(name, 'Bitte eine gültige E-Mail-Adresse angeben.', 'Enter a valid email address.'),
        };
      return { value: textValue };
    }
    case 'number': {
      const number = parseNumber(value);
      if (number === undefined) return { issue: issue(name, 'Bitte eine Zahl angeben.', 'Enter a number.') };
      const step = field.step ?? 1;
      const rounded = Math.round(number / step) * step;
      if (Math.abs(rounded - number) > 1e-9)
        return {
          issue: issue(
            name,
            step === 1 ? 'Bitte eine ganze Zahl angeben.' : `Bitte in Schritten von ${step} angeben.`,
            step === 1 ? 'Enter a whole number.' : `Use steps of ${step}.`,
          ),
        };
      if (field.min !== undefined && number < field.min)
        return { issue: issue(name, `Mindestens ${field.min}.`, `At least ${field.min}.`) };
      if (field.max !== undefined && number > field.max)
        return { issue: issue(name, `Höchstens ${field.max}.`, `At most ${field.max}.`) };
      return { value: Number(rounded.toFixed(6)) };
    }
    case 'date': {
      const date = parseDate(value);
      return date
        ? { value: date }
        : { issue: issue(name, 'Bitte ein Datum angeben (TT.MM.JJJJ).', 'Enter a date (YYYY-MM-DD).') };
    }
    case 'boolean': {
      const flag = parseBoolean(value);
      return flag === undefined
        ? { issue: issue(name, 'Bitte ja oder nein angeben.', 'Enter yes or no.') }
        : { value: flag };
    }
    case 'select': {
      const chosen = option(field, value);
      return chosen
        ? { value: chosen }
        : {
            issue: issue(
              name,
              'Bitte eine der vorgegebenen Möglichkeiten wählen.',
              'Choose one of the given options.',
            ),
          };
    }
    case 'multiselect': {
      const entries = Array.isArray(value)
        ? value
        : String(value)
            .split(/[;|,]/)
            .filter((entry) => entry.trim() !== '');
      const chosen = entries.map((entry) => option(field, entry));
      if (chosen.some((entry) => entry === undefined))
        return {
          issue: issue(name, 'Bitte nur vorgegebene Möglichkeiten wählen.', 'Choose only the given options.'),
        };
      return { value: [...new Set(chosen)] };
    }
  }
}

export function normaliseInput(
  definition: WorkflowDefinition,
  raw: Record<string, unknown>,
): NormalisedInput {
  const input: Record<string, unknown> = {};
  const issues: FieldIssue[] = [];
  const known = new Set(definition.form.fields.map((field) => field.name));
  for (const key of Object.keys(raw))
    if (!known.has(key))
      issues.push(issue(key, 'Dieses Feld gibt es im Formular nicht.', 'The form has no such field.'));
  for (const field of definition.form.fields) {
    const value = raw[field.name];
    if (isEmpty(value)) {
      if (field.required) issues.push(issue(field.name, 'Bitte ausfüllen.', 'This field is required.'));
      continue;
    }
    const result = normaliseField(field, value);
    if (result.issue) issues.push(result.issue);
    else if (!isEmpty(result.value)) input[field.name] = result.value;
  }
  return { input, issues };
}

export type CsvRow = { line: number; raw: Record<string, string> };

/** A CSV file with the field names (or German labels) as header; `;` or `,` separated, as spreadsheets write it. */
export function readCsv(
  definition: WorkflowDefinition,
  csv: string,
): { rows: CsvRow[]; headerIssues: string[] } {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parseCsv(csv.replace(/^\uFEFF/, ''), {
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  }) as string[][];
  const [header = [], ...body] = records;
  const byLabel = new Map(
    definition.form.fields.flatMap(
      (field) =>
        [
          [field.name, field.name],
          [field.label.de.toLowerCase(), field.name],
        ] as const,
    ),
  );
  const columns = header.map((cell) => byLabel.get(cell) ?? byLabel.get(cell.toLowerCase()));
  const headerIssues = header.filter((_cell, index) => !columns[index]).map((cell) => cell);
  const rows = body.map((cells, index) => ({
    line: index + 2,
    raw: Object.fromEntries(
      columns.flatMap((column, position) => (column ? [[column, cells[position] ?? '']] : [])),
    ),
  }));
  return { rows, headerIssues };
}
