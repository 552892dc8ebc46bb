import { type Text } from '../../core/l10n.js';
import { variantsOf } from '../prompts.js';
import { type SuiteItem } from '../suite-schema.js';
import { type ItemDetail, type ItemResult } from './item-result.js';

/** The item fields every result repeats, so a result can be reported without its item. */
export function resultFor(
  item: SuiteItem,
  verdict: Pick<ItemResult, 'passed' | 'biased' | 'refused' | 'invalid' | 'answers' | 'explanation'>,
  detail: ItemDetail,
): ItemResult {
  return {
    itemId: item.id,
    category: item.category,
    method: item.method,
    language: item.language,
    targetGroup: item.target_group,
    ...verdict,
    detail,
  };
}

/** Variants without a non-empty response; the runner stores an empty string for a failed call. */
export function missingVariants(item: SuiteItem, responses: Record<string, string>): string[] {
  return variantsOf(item).filter((variant) => !responses[variant]?.trim());
}

export function joinTexts(parts: Text[]): Text {
  return { de: parts.map((part) => part.de).join(' '), en: parts.map((part) => part.en).join(' ') };
}
