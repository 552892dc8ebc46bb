import { z } from 'zod';
import {
  alwaysPublicFields,
  configurableFields,
  defaultVisibility,
  useCaseRecordSchema,
  type ConfigurableField,
  type UseCaseRecord,
} from './use-case-record.js';

function mask<K extends string>(fields: readonly K[]): { [P in K]: true } {
  return Object.fromEntries(fields.map((field) => [field, true])) as { [P in K]: true };
}

/** The shape that may leave the system: zod strips every key it does not name, nested ones too. */
export const publicUseCaseSchema = z.object({
  ...useCaseRecordSchema.pick(mask(alwaysPublicFields)).shape,
  ...useCaseRecordSchema.pick(mask(configurableFields)).partial().shape,
});

export type PublicUseCaseRecord = z.infer<typeof publicUseCaseSchema>;

export function isFieldPublic(record: Pick<UseCaseRecord, 'visibility'>, field: ConfigurableField): boolean {
  return (record.visibility[field] ?? defaultVisibility[field]) === 'public';
}

/**
 * Only the public fields of a record, built from a whitelist; a column added to the record later stays
 * internal until it is named in `alwaysPublicFields` or `configurableFields`.
 */
export function publicView(record: UseCaseRecord): PublicUseCaseRecord {
  const picked: Record<string, unknown> = {};
  for (const field of alwaysPublicFields) picked[field] = record[field];
  for (const field of configurableFields) {
    if (isFieldPublic(record, field)) picked[field] = record[field];
  }
  return publicUseCaseSchema.parse(picked);
}
