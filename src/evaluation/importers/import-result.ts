import path from 'node:path';
import { suiteItemSchema, type SuiteItem } from '../suite-schema.js';

/** What an importer returns: the items it could map, and one problem per record it could not. */
export type ImportProblem = { record: number; message: string };
export type ImportResult = { items: SuiteItem[]; problems: ImportProblem[] };
export type ImportOptions = { idPrefix?: string };

/** `Sexual_orientation.jsonl` → `sexual-orientation`: a readable id prefix from the file name. */
export function prefixFromFile(file: string): string {
  return slug(path.basename(file).replace(/\.[^.]+$/, ''), '-');
}

export function slug(value: string, separator = '_'): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

/** Validates a mapped record against the item schema; a failure becomes a problem, not an exception. */
export function collect(result: ImportResult, record: number, candidate: unknown): void {
  const parsed = suiteItemSchema.safeParse(candidate);
  if (parsed.success) result.items.push(parsed.data);
  else
    result.problems.push({
      record,
      message: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
    });
}
