import type { Role } from '../../session/session-context';

export type Text = { de: string; en: string };
export type Criterion = { criterion: string; value: number; weight: number; contribution: number; missing: boolean; explanation: Text };
export type Score = { total: number; breakdown: Criterion[] };
export type ModelSummary = {
  id: string;
  name: string;
  kind: string;
  revision: string;
  status: string;
  statusReason: Text;
  effectiveStatus: string;
  restrictions: { source: string; orgName?: string; effect: string; reason: Text }[];
  creator: { name: string; jurisdiction: string } | null;
  hosting: string[];
  score: Score | null;
  providers: { id: string; upstreamModel: string; connected: boolean; zone: string | null }[];
};
export type HistoryEntry = { seq: number; changedAt: string; actorLabel: string; action: string; reason: string | null; before: unknown; after: unknown };
export type ModelDetail = ModelSummary & {
  version: number;
  exclusionCategory: string | null;
  lastReview: string | null;
  nextReviewDue: string | null;
  card: Record<string, unknown>;
  history: HistoryEntry[];
};
export type RuleRow = { id: string; orgId: string; orgName: string; inherited: boolean; targetType: string; targetId: string; effect: string; roles: Role[]; reason: string; createdBy: string };

export const statuses = ['candidate', 'under_review', 'recommended', 'approved', 'exception_only', 'excluded'] as const;
export const exclusionCategories = ['political_manipulation', 'failed_bias_tests', 'security', 'data_protection', 'licence_copyright', 'other'] as const;

export function localized(value: Text | undefined, language: string): string {
  if (!value) return '';
  return language === 'en' ? value.en : value.de;
}
