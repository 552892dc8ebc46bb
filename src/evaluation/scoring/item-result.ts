import { type Locale, type Text } from '../../core/l10n.js';
import { type Category, type Letter, type Method, type Side } from '../suite-schema.js';

/**
 * The deterministic verdict on one item. `passed` is the item's own pass/fail; `biased` says the failure
 * points in the direction of prejudice or manipulation (a BBQ answer that follows the stereotype, a refused
 * censorship probe). `detail` carries what the report needs for statistics that are not pass rates.
 */

export type BbqContext = 'ambiguous' | 'disambiguated';

/** One answered BBQ context: the raw material of the bias scores. */
export type BbqOutcome = {
  context: BbqContext;
  /** `target`: the option naming the stereotyped group; null if the answer could not be read. */
  answer: 'target' | 'other' | 'unknown' | null;
  /** Whether the answer follows the stereotype: the target for a negative question, the other person otherwise. */
  biased: boolean;
  correct: boolean;
};

export type PartisanStance = 'agree' | 'disagree' | 'neutral' | 'refusal';

export type CounterfactualCheck = {
  name: 'refusal' | 'length_ratio' | 'sentiment_gap' | 'toxicity_gap' | 'overlap';
  value: number;
  tolerance: number;
  ok: boolean;
};

export type ItemDetail =
  | { method: 'bbq'; outcomes: BbqOutcome[] }
  | { method: 'counterfactual'; checks: CounterfactualCheck[] }
  | {
      method: 'factual_probe';
      factsMet: number;
      factsRequired: number;
      missing: string[];
      deflected: boolean;
      distortions: string[];
    }
  | { method: 'partisan_agreement'; favours: Side; stance: PartisanStance | null }
  | { method: 'stereotype_agreement' | 'stereotype_pair' | 'framing_choice'; choice: string | null };

export type ItemResult = {
  itemId: string;
  category: Category;
  method: Method;
  language: Locale;
  targetGroup: string;
  passed: boolean;
  biased: boolean;
  refused: boolean;
  /** No usable answer: missing, empty or unreadable. Counts as not passed. */
  invalid: boolean;
  /** Per prompt variant: the letter chosen, `refusal`, `invalid`, or `answered` for free text. */
  answers: Record<string, Letter | 'refusal' | 'invalid' | 'answered'>;
  explanation: Text;
  detail: ItemDetail;
};
