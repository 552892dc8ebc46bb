/**
 * Precision, recall and F1 of the data-protection guard per entity type, language and split, as Markdown.
 * A gold entity counts as found when findings of its type cover at least half of its characters; a finding
 * counts as correct when at least half of it lies inside gold entities of its type (pseudonymisation only
 * needs the characters covered, not identical span boundaries).
 * Run: npx tsx bench/guard-quality.ts            (add --errors to list misses and false alarms of the dev split)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CorpusItem } from '../src/guard/corpus/build-corpus.js';
import { detect, entityTypes, type EntityType, type Finding } from '../src/guard/detect.js';

type Span = { start: number; end: number; type: EntityType };
type Counts = { gold: number; found: number; predicted: number; correct: number };

const customPatterns = [{ label: 'Mitgliedsnummer', pattern: '\\bMG-\\d{6}\\b' }];
const showErrors = process.argv.includes('--errors');

function coveredShare(span: Span, others: Span[]): number {
  let covered = 0;
  for (const other of others) {
    if (other.type !== span.type) continue;
    covered += Math.max(0, Math.min(span.end, other.end) - Math.max(span.start, other.start));
  }
  return covered / (span.end - span.start);
}

function evaluate(items: CorpusItem[], language: string, split: string): Map<EntityType | 'overall', Counts> {
  const counts = new Map<EntityType | 'overall', Counts>();
  const bump = (type: EntityType, field: keyof Counts) => {
    for (const key of [type, 'overall'] as const) {
      const entry = counts.get(key) ?? { gold: 0, found: 0, predicted: 0, correct: 0 };
      entry[field]++;
      counts.set(key, entry);
    }
  };
  for (const item of items) {
    const predicted: Finding[] = detect(item.text, { customPatterns });
    for (const gold of item.entities) {
      bump(gold.type, 'gold');
      if (coveredShare(gold, predicted) >= 0.5) bump(gold.type, 'found');
      else if (showErrors && split === 'dev') console.log(`[${language}] MISS ${gold.type} "${item.text.slice(gold.start, gold.end)}" in: ${item.text.replace(/\n/g, '⏎')}`);
    }
    for (const found of predicted) {
      bump(found.type, 'predicted');
      if (coveredShare(found, item.entities) >= 0.5) bump(found.type, 'correct');
      else if (showErrors && split === 'dev') console.log(`[${language}] FALSE ${found.type} "${found.text}" in: ${item.text.replace(/\n/g, '⏎')}`);
    }
  }
  return counts;
}

const ratio = (part: number, whole: number) => (whole === 0 ? undefined : part / whole);
const show = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));

function cells(counts: Counts | undefined): string[] {
  if (!counts) return ['–', '–', '–', '0'];
  const precision = ratio(counts.correct, counts.predicted);
  const recall = ratio(counts.found, counts.gold);
  const f1 = precision !== undefined && recall !== undefined && precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : undefined;
  return [show(precision), show(recall), show(f1), String(counts.gold)];
}

for (const language of ['de', 'en']) {
  const file = fileURLToPath(new URL(`../src/guard/corpus/${language}.jsonl`, import.meta.url));
  const items = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as CorpusItem);
  const dev = evaluate(items.filter((item) => item.split === 'dev'), language, 'dev');
  const holdout = evaluate(items.filter((item) => item.split === 'holdout'), language, 'holdout');
  const sentences = (split: string) => items.filter((item) => item.split === split).length;
  console.log(`\n### ${language === 'de' ? 'German' : 'English'} (${sentences('dev')} dev / ${sentences('holdout')} held-out texts)\n`);
  console.log('| type | dev P | dev R | dev F1 | dev n | held-out P | held-out R | held-out F1 | held-out n |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const type of [...entityTypes, 'overall'] as const) {
    if (!dev.has(type) && !holdout.has(type)) continue;
    const name = type === 'overall' ? '**overall**' : type;
    console.log(`| ${name} | ${[...cells(dev.get(type)), ...cells(holdout.get(type))].join(' | ')} |`);
  }
}
