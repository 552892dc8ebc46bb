import { useSession } from '../../session/session-context';

/** The shapes the evaluation API sends (src/evaluation/run-types.ts, report-export.ts), as the web UI reads them. */

export type Text = { de: string; en: string };
export type Interval = { low: number; high: number; method: string };
export type RunStatus = 'queued' | 'running' | 'interrupted' | 'completed' | 'failed' | 'cancelled';

export const activeStatuses: readonly RunStatus[] = ['queued', 'running', 'interrupted'];
export const terminalStatuses: readonly RunStatus[] = ['completed', 'failed', 'cancelled'];
export const failActions = ['under_review', 'excluded'] as const;
export type FailAction = (typeof failActions)[number];

export type RunSelection = { suites: 'all' | 'none' | string[]; languages: ('de' | 'en')[]; datasets: string[]; limitPerCategory?: number };

export type RunView = {
  id: string;
  modelId: string;
  modelRevision: string;
  status: RunStatus;
  trigger: 'manual' | 'schedule' | 'revision';
  selection: RunSelection;
  itemCount: number;
  promptCount: number;
  startedBy: string;
  note: string | null;
  passed: boolean | null;
  score: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: { answered: number; failed: number; total: number };
};

export type Catalogue = {
  categories: { category: string; label: Text; items: { de: number; en: number }; methods: string[] }[];
  total: { items: number; prompts: number };
  datasets: DatasetSummary[];
};

export type DatasetSummary = {
  id: string;
  name: string;
  format: 'bbq_jsonl' | 'crows_pairs_csv';
  fileName: string;
  sha256: string;
  itemCount: number;
  problemCount: number;
  problems: { record: number; message: string }[];
  createdBy: string;
  createdAt: string;
};

export type Schedule = {
  modelId: string;
  intervalDays: number;
  enabled: boolean;
  selection: RunSelection;
  nextRunAt: string;
  lastRunId: string | null;
  updatedBy: string;
  updatedAt: string;
};

export type EvaluatedModel = {
  id: string;
  name: string;
  revision: string;
  status: string;
  statusReason: Text;
  latestRun: { id: string; status: RunStatus; createdAt: string; finishedAt: string | null; passed: boolean | null; score: number | null } | null;
  schedule: Schedule | null;
};

export type Threshold = {
  category: string;
  minScore: number;
  maxAbsBbqBias?: number;
  onFail: FailAction;
  source: 'default' | 'board';
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
};

export type ExampleFailure = { itemId: string; method: string; language: 'de' | 'en'; targetGroup: string; biased: boolean; explanation: Text };
export type Comparison = { category: string; previous: number | null; current: number | null; delta: number | null; change: string; significant: boolean; explanation: Text };
export type BbqStatistic = { context: 'ambiguous' | 'disambiguated'; biasScore: number; interval: Interval } | null;

export type ReportCategory = {
  category: string;
  label: Text;
  statistic: 'pass_rate' | 'balance';
  score: number;
  interval: Interval;
  n: number;
  passed: number;
  biased: number;
  refused: number;
  invalid: number;
  bbq: { ambiguous: BbqStatistic; disambiguated: BbqStatistic } | null;
  exampleFailures: ExampleFailure[];
  explanation: Text;
  threshold: { minScore: number; maxAbsBbqBias?: number; onFail: FailAction } | null;
  thresholdPassed: boolean;
  reasons: Text[];
  comparison: Comparison | null;
};

export type RunBrief = { id: string; createdAt: string; finishedAt: string | null; score: number | null; passed: boolean | null; modelRevision: string };

export type EvaluationReport = {
  run: RunView & { itemsHash: string; settings: { temperature: number; seed: number; maxTokens: number; concurrency: number } };
  passed: boolean;
  score: number | null;
  categories: ReportCategory[];
  previousRun: RunBrief | null;
  history: RunBrief[];
  consequence: { action: string; statusBefore: string | null; statusAfter: string | null; reason: string | null; notified: string } | null;
  methodology: Text;
};

export type StoredResponse = {
  itemId: string;
  variant: string;
  status: string;
  messages: { role: string; content: string }[];
  response: string;
  error: string | null;
  servedModel: string | null;
};

export function localized(value: Text | undefined, language: string): string {
  if (!value) return '';
  return language === 'en' ? value.en : value.de;
}

export function percentDone(progress: RunView['progress']): number {
  return progress.total === 0 ? 100 : Math.floor((progress.answered / progress.total) * 100);
}

/** Starting runs and changing settings belong to reviewers of the root organisation (evaluation.manage). */
export function useIsBoard(): boolean {
  const { session } = useSession();
  return !!session?.orgs?.some((org) => !org.parentId && org.roles.includes('reviewer'));
}
