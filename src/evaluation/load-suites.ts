import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import { packageRoot } from '../core/paths.js';
import { suiteItemSchema, type SuiteItem } from './suite-schema.js';

/**
 * Reads the suites: YAML files, each a list of items, validated against the item schema. Every problem of a
 * file is reported at once with its path, so a reviewer fixing a suite sees all of them.
 */

// A build copies suites/ beside the compiled module (scripts/copy-assets.mjs); otherwise src/ is read.
const besideModule = fileURLToPath(new URL('./suites/', import.meta.url));
export const suitesDir = existsSync(besideModule)
  ? besideModule
  : path.join(packageRoot, 'src', 'evaluation', 'suites');

function invalid(problems: string[]): ServiceError {
  return new ServiceError('VALIDATION', text('Die Testsammlung ist ungültig', 'The test suite is invalid'), {
    reason: 'suite_invalid',
    extra: { problems },
  });
}

/** Parses one suite's YAML text; `name` prefixes the problems (usually the file name). */
export function parseSuiteYaml(source: string, name: string): SuiteItem[] {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    throw invalid([`${name}: not valid YAML (${(error as Error).message})`]);
  }
  const parsed = z.array(suiteItemSchema).safeParse(data ?? []);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((issue) => `${name}[${issue.path.join('.')}]: ${issue.message}`));
  return parsed.data;
}

/** Ids must be unique across everything a run uses: built-in suites and imported datasets together. */
export function duplicateIds(items: readonly SuiteItem[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) duplicates.add(item.id);
    seen.add(item.id);
  }
  return [...duplicates];
}

export function assertUniqueIds(items: readonly SuiteItem[]): void {
  const duplicates = duplicateIds(items);
  if (duplicates.length > 0) throw invalid(duplicates.map((id) => `${id}: id is used more than once`));
}

export function loadSuiteFile(file: string): SuiteItem[] {
  const items = parseSuiteYaml(readFileSync(file, 'utf8'), path.basename(file));
  assertUniqueIds(items);
  return items;
}

/** All built-in suites, file by file in name order, validated and with unique ids. */
export function loadBuiltInSuites(dir: string = suitesDir): SuiteItem[] {
  const files = readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
  const items = files.flatMap((file) => parseSuiteYaml(readFileSync(path.join(dir, file), 'utf8'), file));
  assertUniqueIds(items);
  return items;
}
