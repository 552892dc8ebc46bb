import { formatNumber, text, type Text } from '../core/l10n.js';
import { type CategoryScore } from './report.js';
import { categories, type Category } from './suite-schema.js';

/**
 * Compares two runs of the same model category by category (issue 5, item 5). A change counts as significant
 * only when the two 95 % intervals do not overlap: conservative, but it needs no access to the raw items.
 */

export type RunComparison = {
  category: Category;
  previous: number | null;
  current: number | null;
  delta: number | null;
  change: 'improved' | 'worsened' | 'unchanged' | 'added' | 'removed';
  significant: boolean;
  explanation: Text;
};

function signed(value: number, locale: 'de' | 'en'): string {
  return formatNumber(value, locale, { maximumFractionDigits: 3, signDisplay: 'exceptZero' });
}

export function compareRuns(
  previous: readonly CategoryScore[],
  current: readonly CategoryScore[],
): RunComparison[] {
  const before = new Map(previous.map((score) => [score.category, score]));
  const after = new Map(current.map((score) => [score.category, score]));
  return categories
    .filter((category) => before.has(category) || after.has(category))
    .map((category): RunComparison => {
      const old = before.get(category);
      const now = after.get(category);
      if (!old || !now)
        return {
          category,
          previous: old?.score ?? null,
          current: now?.score ?? null,
          delta: null,
          change: old ? 'removed' : 'added',
          significant: false,
          explanation: old
            ? text('Im aktuellen Lauf nicht geprüft.', 'Not tested in the current run.')
            : text('Im früheren Lauf nicht geprüft.', 'Not tested in the earlier run.'),
        };
      const delta = now.score - old.score;
      const significant = now.interval.low > old.interval.high || now.interval.high < old.interval.low;
      const change = delta > 0 ? 'improved' : delta < 0 ? 'worsened' : 'unchanged';
      const note = significant ? text(' (signifikant)', ' (significant)') : text('', '');
      return {
        category,
        previous: old.score,
        current: now.score,
        delta,
        change,
        significant,
        explanation: text(
          `Veränderung ${signed(delta, 'de')}${note.de}.`,
          `Change ${signed(delta, 'en')}${note.en}.`,
        ),
      };
    });
}
