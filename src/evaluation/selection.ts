import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import { assertUniqueIds } from './load-suites.js';
import { promptsForItem } from './prompts.js';
import { type RunSelection } from './run-types.js';
import { type SuiteItem } from './suite-schema.js';

/**
 * Which items a run asks, in which order. Pure and deterministic: the same suites, datasets and selection
 * always give the same items, so a run can be repeated and two runs compared (DECIDE-1).
 */
export function selectItems(
  builtIn: readonly SuiteItem[],
  datasets: readonly (readonly SuiteItem[])[],
  selection: RunSelection,
): SuiteItem[] {
  const fromSuites =
    selection.suites === 'none'
      ? []
      : builtIn.filter((item) => selection.suites === 'all' || selection.suites.includes(item.category));
  const candidates = [...fromSuites, ...datasets.flat()].filter((item) =>
    selection.languages.includes(item.language),
  );
  assertUniqueIds(candidates);
  if (!selection.limitPerCategory) return candidates;
  const taken = new Map<string, number>();
  return candidates.filter((item) => {
    const key = `${item.category}:${item.language}`;
    const count = taken.get(key) ?? 0;
    taken.set(key, count + 1);
    return count < selection.limitPerCategory!;
  });
}

export function itemsHash(items: readonly SuiteItem[]): string {
  const hash = createHash('sha256');
  for (const item of items) hash.update(canonicalJson(item)).update('\n');
  return hash.digest('hex');
}

export function promptCount(items: readonly SuiteItem[]): number {
  return items.reduce((sum, item) => sum + promptsForItem(item).length, 0);
}
