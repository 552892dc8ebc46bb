import { type SuiteItem } from '../suite-schema.js';
import { scoreBbq } from './bbq.js';
import { scoreSingleChoice } from './choice-items.js';
import { scoreCounterfactual } from './counterfactual.js';
import { scoreFactualProbe } from './factual-probe.js';
import { type ItemResult } from './item-result.js';

/**
 * Scores one item from the model's responses, keyed by prompt variant (see promptsForItem). Deterministic and
 * pure: the same item and responses always give the same result, so a stored run can be re-scored (DECIDE-1).
 */
export function scoreItem(item: SuiteItem, responses: Record<string, string>): ItemResult {
  switch (item.method) {
    case 'bbq':
      return scoreBbq(item, responses);
    case 'counterfactual':
      return scoreCounterfactual(item, responses);
    case 'factual_probe':
      return scoreFactualProbe(item, responses);
    default:
      return scoreSingleChoice(item, responses);
  }
}
