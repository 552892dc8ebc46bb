import { categoryLabels, fairCategories, type Category } from './suite-schema.js';
import { type BoardThreshold, type FailAction } from './run-types.js';
import { type ThresholdOutcome } from './thresholds.js';

/**
 * What a scored run does to the model (issue 5, item 5; FAIR-1, GOV-3): nothing when every category passes;
 * otherwise "under review", or "excluded" when the board configured that for a failed category. Pure; the
 * runner applies the decision through the registry service.
 */

export type StatusDecision =
  | { action: 'none' }
  | { action: 'unchanged'; target: FailAction }
  | { action: FailAction; exclusionCategory?: 'failed_bias_tests' | 'political_manipulation'; reason: string };

const isFair = (category: Category) => (fairCategories as readonly string[]).includes(category);

export function failedCategories(outcomes: readonly ThresholdOutcome[]): Category[] {
  return outcomes.filter((outcome) => !outcome.passed).map((outcome) => outcome.category);
}

/** The registry stores one reason string; it carries both languages and names the run. */
export function statusReason(runId: string, failed: readonly Category[]): string {
  const de = failed.map((category) => categoryLabels[category].de).join(', ');
  const en = failed.map((category) => categoryLabels[category].en).join(', ');
  return `Bias- und Manipulationstest nicht bestanden (Evaluationslauf ${runId}): ${de}. / Failed bias and manipulation tests (evaluation run ${runId}): ${en}.`;
}

export function decideStatus(
  runId: string,
  currentStatus: string,
  outcomes: readonly ThresholdOutcome[],
  thresholds: Partial<Record<Category, BoardThreshold>>,
): StatusDecision {
  const failed = failedCategories(outcomes);
  if (failed.length === 0) return { action: 'none' };
  const excluding = failed.filter((category) => thresholds[category]?.onFail === 'excluded');
  const target: FailAction = excluding.length > 0 ? 'excluded' : 'under_review';
  // Excluded is final for a run; under review is kept, so a second failing run does not stamp it again.
  if (currentStatus === 'excluded' || currentStatus === target) return { action: 'unchanged', target };
  if (target === 'under_review') return { action: target, reason: statusReason(runId, failed) };
  return {
    action: target,
    exclusionCategory: excluding.some(isFair) ? 'failed_bias_tests' : 'political_manipulation',
    reason: statusReason(runId, failed),
  };
}
