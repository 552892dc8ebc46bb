import { publicView, type PublicUseCaseRecord } from './public-view.js';
import { internalOnlyFields, useCaseRecordSchema, type UseCaseRecord } from './use-case-record.js';

/** `public` (the default) exports only public fields; `internal` is for signed-in staff exports. */
export type ExportScope = 'public' | 'internal';

type Row = Partial<UseCaseRecord>;
type Column = { header: string; field: keyof UseCaseRecord; value: (row: Row) => string };

function column<K extends keyof UseCaseRecord>(
  field: K,
  format?: (value: UseCaseRecord[K]) => string,
): Column {
  return {
    header: field,
    field,
    value: (row) => {
      const value = row[field];
      if (value === undefined || value === null) return '';
      return format ? format(value as UseCaseRecord[K]) : String(value);
    },
  };
}

const list = (values: readonly string[]) => values.join('; ');
const links = (items: readonly { title: string; url: string }[]) =>
  items.map((item) => `${item.title} <${item.url}>`).join('; ');

/** One column per field; nested fields are spread over several columns or joined with "; ". */
const csvColumns: Column[] = [
  column('id'),
  column('name'),
  column('summary'),
  column('organisation'),
  column('department'),
  column('status'),
  { header: 'riskClass', field: 'risk', value: (row) => row.risk?.riskClass ?? '' },
  { header: 'riskQuestionnaireVersion', field: 'risk', value: (row) => row.risk?.questionnaireVersion ?? '' },
  { header: 'riskAssessedAt', field: 'risk', value: (row) => row.risk?.assessedAt ?? '' },
  column('impactful'),
  column('policyAreas', list),
  column('purpose'),
  {
    header: 'affectedGroups',
    field: 'affectedPeople',
    value: (row) => list(row.affectedPeople?.groups ?? []),
  },
  {
    header: 'affectedDescription',
    field: 'affectedPeople',
    value: (row) => row.affectedPeople?.description ?? '',
  },
  column('models', (models) =>
    models
      .map((model) => `${[model.name, model.version].filter(Boolean).join(' ')} (${model.provider})`)
      .join('; '),
  ),
  column('technicalDescription'),
  column('dataCategories', list),
  column('dataDescription'),
  column('humanOversight'),
  column('fundamentalRightsImpact'),
  column('riskManagement'),
  column('legalBasis'),
  column('legalBasisLinks', links),
  {
    header: 'responsiblePersonName',
    field: 'responsiblePerson',
    value: (row) => row.responsiblePerson?.name ?? '',
  },
  {
    header: 'responsiblePersonRole',
    field: 'responsiblePerson',
    value: (row) => row.responsiblePerson?.role ?? '',
  },
  column('contact'),
  column('startedOn'),
  column('retiredOn'),
  column('createdAt'),
  column('updatedAt'),
  column('evaluations', (items) =>
    items.map((item) => `${item.kind}: ${item.title} <${item.url}>`).join('; '),
  ),
  column('incidents', links),
  column('publicPageUrl'),
  column('sourceCodeUrl'),
  column('processingRecordUrl'),
  column('language'),
  column('internalNotes'),
];

export function toPlainJson(record: UseCaseRecord, options?: { scope?: 'public' }): PublicUseCaseRecord;
export function toPlainJson(
  record: UseCaseRecord,
  options: { scope: ExportScope },
): PublicUseCaseRecord | UseCaseRecord;
/** A fresh JSON-safe object with our own field names; unknown keys are dropped in both scopes. */
export function toPlainJson(
  record: UseCaseRecord,
  options: { scope?: ExportScope } = {},
): PublicUseCaseRecord | UseCaseRecord {
  return (options.scope ?? 'public') === 'public' ? publicView(record) : useCaseRecordSchema.parse(record);
}

/**
 * One cell per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled. Cells that
 * spreadsheet programs would run as a formula get a leading apostrophe (OWASP "CSV injection").
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** Header line plus one line per record, CRLF-terminated; in public scope non-public cells stay empty. */
export function toCsv(records: readonly UseCaseRecord[], options: { scope?: ExportScope } = {}): string {
  const scope = options.scope ?? 'public';
  const internalOnly: readonly string[] = internalOnlyFields;
  const columns =
    scope === 'public' ? csvColumns.filter((col) => !internalOnly.includes(col.field)) : csvColumns;
  const rows: Row[] = records.map((record) => toPlainJson(record, { scope }));
  const lines = [
    columns.map((col) => col.header),
    ...rows.map((row) => columns.map((col) => col.value(row))),
  ];
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
