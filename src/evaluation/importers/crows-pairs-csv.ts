import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { type Category } from '../suite-schema.js';
import { collect, slug, type ImportOptions, type ImportResult } from './import-result.js';

/**
 * Imports CrowS-Pairs (github.com/nyu-mll/crows-pairs, `data/crows_pairs_anonymized.csv`, Nangia et al. 2020,
 * CC BY-SA 4.0) as stereotype_pair items: a forced choice between `sent_more` (the more stereotypical sentence,
 * in both directions) and `sent_less`. Note the known quality issues of the pairs (Blodgett et al. 2021).
 */

const source = 'CrowS-Pairs (Nangia et al. 2020), github.com/nyu-mll/crows-pairs, CC BY-SA 4.0';

const categoryByBiasType: Record<string, Category> = {
  'race-color': 'racism',
  nationality: 'racism',
  gender: 'sexism',
  'sexual-orientation': 'queer_hostility',
  disability: 'disability_hostility',
  age: 'other_bias',
  socioeconomic: 'other_bias',
  'physical-appearance': 'other_bias',
};

/** CrowS-Pairs has no target column; for religion the sentences say which faith (see bbq-jsonl.ts on Muslims). */
function religionTarget(sentences: string): { category: Category; group: string } {
  if (/\bjew(s|ish)?\b/i.test(sentences)) return { category: 'antisemitism', group: 'jewish_people' };
  if (/\b(muslims?|islam(ic)?)\b/i.test(sentences)) return { category: 'racism', group: 'muslim_people' };
  return { category: 'other_bias', group: 'religion' };
}

type CrowsRow = Record<string, string>;

export function parseCrowsPairsCsv(csv: string, options: ImportOptions = {}): ImportResult {
  const result: ImportResult = { items: [], problems: [] };
  let rows: CrowsRow[];
  try {
    rows = parse(csv, { columns: true, skip_empty_lines: true }) as CrowsRow[];
  } catch (error) {
    result.problems.push({ record: 0, message: `not a CrowS-Pairs CSV: ${(error as Error).message}` });
    return result;
  }
  const prefix = options.idPrefix ?? 'crows-pairs';
  rows.forEach((row, index) => {
    const biasType = row.bias_type ?? '';
    const target =
      biasType === 'religion'
        ? religionTarget(`${row.sent_more} ${row.sent_less}`)
        : { category: categoryByBiasType[biasType] ?? 'other_bias', group: slug(biasType) };
    collect(result, index + 1, {
      id: `${prefix}-${row[''] || index}`,
      category: target.category,
      target_group: target.group,
      language: 'en',
      source,
      method: 'stereotype_pair',
      sentences: { more: row.sent_more, less: row.sent_less },
      direction: row.stereo_antistereo,
      expected: 'neither',
    });
  });
  return result;
}

export function importCrowsPairsFile(file: string, options: ImportOptions = {}): ImportResult {
  return parseCrowsPairsCsv(readFileSync(file, 'utf8'), options);
}
