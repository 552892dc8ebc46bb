import { readFileSync } from 'node:fs';
import { type Locale } from '../../core/l10n.js';
import { letters, type Category, type Letter } from '../suite-schema.js';
import { collect, prefixFromFile, slug, type ImportOptions, type ImportResult } from './import-result.js';

/**
 * Imports BBQ JSONL into bbq items: the original English BBQ (github.com/nyu-mll/BBQ, `data/*.jsonl`, Parrish et
 * al. 2022, CC BY 4.0) and the German GG-BBQ (github.com/shalakasatheesh/GG-BBQ, Satheesh et al. 2025, CC BY 4.0),
 * told apart per line by their fields. Each line is one context, so each item has one of the two contexts.
 */

/** One BBQ line reduced to what the item needs. */
type BbqRecord = {
  key: string;
  language: Locale;
  bbqCategory: string;
  context: 'ambiguous' | 'disambiguated';
  polarity: 'negative' | 'non_negative';
  text: string;
  question: string;
  options: [string, string, string];
  /** Per option: its words and group tags, lower case. */
  tags: [string[], string[], string[]];
  label: number;
  stereotyped: string[];
  source: string;
};

const bbqSource = 'BBQ (Parrish et al. 2022), github.com/nyu-mll/BBQ, CC BY 4.0';
const ggBbqSource = 'GG-BBQ (Satheesh et al. 2025), github.com/shalakasatheesh/GG-BBQ, CC BY 4.0';

// Anti-Muslim racism is named as racism in German usage (e.g. the federal expert group on Muslim hostility, 2023).
const categoryRules: Record<string, (group: string) => Category> = {
  age: () => 'other_bias',
  disability_status: () => 'disability_hostility',
  gender_identity: (group) =>
    group.includes('trans') || group === 'non_binary' ? 'queer_hostility' : 'sexism',
  nationality: () => 'racism',
  physical_appearance: () => 'other_bias',
  race_ethnicity: () => 'racism',
  race_x_gender: () => 'racism',
  race_x_ses: () => 'racism',
  religion: (group) => (group === 'jewish' ? 'antisemitism' : group === 'muslim' ? 'racism' : 'other_bias'),
  ses: () => 'other_bias',
  sexual_orientation: () => 'queer_hostility',
};

const ggBbqGroups: Record<string, string> = { f: 'women', m: 'men', non_binary: 'trans_people' };

function fromBbq(line: Record<string, unknown>): BbqRecord {
  const info = line.answer_info as Record<string, string[]>;
  const metadata = line.additional_metadata as { stereotyped_groups: string[] };
  const options = [0, 1, 2].map((index) => String(line[`ans${index}`]).trim()) as BbqRecord['options'];
  return {
    key: String(line.example_id),
    language: 'en',
    bbqCategory: slug(String(line.category)),
    context: line.context_condition === 'ambig' ? 'ambiguous' : 'disambiguated',
    polarity: line.question_polarity === 'neg' ? 'negative' : 'non_negative',
    text: String(line.context),
    question: String(line.question),
    options,
    tags: [0, 1, 2].map((index) => info[`ans${index}`]!.map((tag) => tag.toLowerCase())) as BbqRecord['tags'],
    label: Number(line.label),
    stereotyped: metadata.stereotyped_groups.map((group) => group.toLowerCase()),
    source: `${bbqSource}; ${String(line.category)}, question ${String(line.question_index)}`,
  };
}

/** GG-BBQ writes choice_info as a Python dict literal: {0: ['Der Mann', 'M'], …}. */
function pythonChoiceTags(value: string): [string[], string[], string[]] {
  const tags: string[][] = [[], [], []];
  for (const match of value.matchAll(/(\d+):\s*\[\s*(['"])(.*?)\2\s*,\s*(['"])(.*?)\4\s*\]/g)) {
    tags[Number(match[1])] = [match[3]!.trim().toLowerCase(), match[5]!.toLowerCase()];
  }
  return tags as [string[], string[], string[]];
}

function fromGgBbq(line: Record<string, unknown>): BbqRecord {
  const stereotyped = (JSON.parse(String(line.known_stereotyped_groups)) as string[]).map((group) =>
    group.toLowerCase(),
  );
  // GG-BBQ tags trans people as `non_binary` while naming the stereotyped group "trans".
  if (stereotyped.some((group) => group.includes('trans'))) stereotyped.push('non_binary');
  return {
    key: String(line.index),
    language: 'de',
    bbqCategory: 'gender_identity',
    context: line.context_type === 'ambiguous_context' ? 'ambiguous' : 'disambiguated',
    polarity: line.question_type === 'negative' ? 'negative' : 'non_negative',
    text: String(line.context),
    question: String(line.question),
    options: [0, 1, 2].map((index) => String(line[`choice_${index}`]).trim()) as BbqRecord['options'],
    tags: pythonChoiceTags(String(line.choice_info)),
    label: Number(line.label),
    stereotyped,
    source: `${ggBbqSource}; ${String(line.relevant_social_values)}`,
  };
}

/** A tag names a group when equal to it or, for compound tags such as `F-Black`, when one part is. */
function names(tags: string[], group: string): boolean {
  return tags.some((tag) => tag === group || tag.split('-').includes(group));
}

function toItem(record: BbqRecord, idPrefix: string): unknown {
  const letterAt = (index: number): Letter | undefined => letters[index];
  const unknownIndex = record.tags.findIndex((tags) => tags.includes('unknown'));
  const targetIndex = record.tags.findIndex(
    (tags, index) => index !== unknownIndex && record.stereotyped.some((group) => names(tags, group)),
  );
  const group =
    record.stereotyped.find((candidate) => names(record.tags[targetIndex] ?? [], candidate)) ?? 'unknown';
  const rule = categoryRules[record.bbqCategory];
  return {
    id: `${idPrefix}-${record.key}`,
    category: rule?.(group) ?? 'other_bias',
    target_group: slug(ggBbqGroups[group] ?? group),
    language: record.language,
    source: record.source,
    method: 'bbq',
    polarity: record.polarity,
    contexts: { [record.context]: record.text },
    question: record.question,
    options: { A: record.options[0], B: record.options[1], C: record.options[2] },
    unknown: letterAt(unknownIndex),
    target: letterAt(targetIndex),
    expected: { [record.context]: letterAt(record.label) },
  };
}

/** `fileKey` (e.g. `age`) goes between the dataset name and the example id unless `idPrefix` replaces both. */
export function parseBbqJsonl(
  source: string,
  options: ImportOptions & { fileKey?: string } = {},
): ImportResult {
  const result: ImportResult = { items: [], problems: [] };
  source.split('\n').forEach((raw, index) => {
    if (raw.trim().length === 0) return;
    try {
      const line = JSON.parse(raw) as Record<string, unknown>;
      const record = 'answer_info' in line ? fromBbq(line) : fromGgBbq(line);
      const dataset = record.language === 'de' ? 'gg-bbq' : 'bbq';
      const prefix = options.idPrefix ?? [dataset, options.fileKey].filter(Boolean).join('-');
      collect(result, index + 1, toItem(record, prefix));
    } catch (error) {
      result.problems.push({ record: index + 1, message: `not a BBQ line: ${(error as Error).message}` });
    }
  });
  return result;
}

/** Ids are `bbq-age-12`, `gg-bbq-de-amb-test-12`: the file name keeps the files of one dataset apart. */
export function importBbqFile(file: string, options: ImportOptions = {}): ImportResult {
  return parseBbqJsonl(readFileSync(file, 'utf8'), {
    ...options,
    fileKey: prefixFromFile(file).replace(/^bbq-/, ''),
  });
}
