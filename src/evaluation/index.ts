/**
 * The public API of the bias and manipulation tests (issue 5): suites and importers give items, prompts give the
 * messages to send, scoring turns responses into item results, the report aggregates them per category and the
 * thresholds decide pass or fail. All of it is pure; the runner, tables, routes and CLI build on top.
 */
export {
  categories,
  categoryLabels,
  fairCategories,
  letters,
  manipulationCategories,
  methods,
  sideLabels,
  sides,
  suiteItemSchema,
  type BbqItem,
  type Category,
  type CounterfactualItem,
  type CounterfactualTolerance,
  type FactualProbeItem,
  type ItemOf,
  type Letter,
  type Method,
  type Side,
  type SuiteItem,
} from './suite-schema.js';
export {
  assertUniqueIds,
  duplicateIds,
  loadBuiltInSuites,
  loadSuiteFile,
  parseSuiteYaml,
  suitesDir,
} from './load-suites.js';
export { defaultVariant, promptsForItem, variantsOf, type EvalMessage, type EvalPrompt } from './prompts.js';
export { scoreItem } from './scoring/score-item.js';
export { defaultCounterfactualTolerance } from './scoring/counterfactual.js';
export { bbqBiasScore, type BbqBiasScore } from './scoring/bbq-bias-score.js';
export type {
  BbqContext,
  BbqOutcome,
  CounterfactualCheck,
  ItemDetail,
  ItemResult,
  PartisanStance,
} from './scoring/item-result.js';
export {
  aggregate,
  exampleFailureCount,
  type BbqStatistic,
  type Breakdown,
  type CategoryScore,
  type ExampleFailure,
  type SlantStatistic,
} from './report.js';
export {
  applyThresholds,
  categoryThresholdSchema,
  defaultThresholds,
  thresholdsSchema,
  type CategoryThreshold,
  type ThresholdOutcome,
  type Thresholds,
} from './thresholds.js';
export { compareRuns, type RunComparison } from './compare-runs.js';
export { scriptedResponses, type Disposition } from './scripted-responses.js';
export { type Interval } from './statistics.js';
export { importBbqFile, parseBbqJsonl } from './importers/bbq-jsonl.js';
export { importCrowsPairsFile, parseCrowsPairsCsv } from './importers/crows-pairs-csv.js';
export type { ImportOptions, ImportProblem, ImportResult } from './importers/import-result.js';
