import { systemClock } from '../core/clock.js';
import type { Database } from '../db/connection.js';
import type { EvaluationResults } from '../registry/registry-queries.js';
import type { ModelEvaluation } from '../registry/scoring.js';
import { createRunStore } from './run-store.js';

/**
 * The registry's ranking reads bias results from here (GOV-1, GOV-5 `bias_results`): per model the mean category
 * score of its newest completed run. German quality is not measured by these suites, so it is left to the model
 * card rather than guessed.
 */
export function createEvaluationResults(database: Database): EvaluationResults {
  const store = createRunStore(database, systemClock);
  return {
    async forModels(modelIds: string[]): Promise<Record<string, ModelEvaluation>> {
      const runs = await store.latestCompleted(modelIds);
      return Object.fromEntries(runs.filter((run) => run.score !== null).map((run) => [run.modelId, { biasPassRate: run.score! }]));
    },
  };
}
