/** What the workflow API returns (src/workflows), as far as the pages show it. */
export type Text = { de: string; en: string };
export type Role = 'member' | 'staff' | 'reviewer' | 'dpo' | 'admin';

/** The text of a {de, en} pair in the UI language. */
export const pick = (value: Text | null | undefined, language: string) => (value ? (language.startsWith('en') ? value.en : value.de) : '');

export type FormField = {
  name: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect' | 'email';
  label: Text;
  hint?: Text;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number;
  unit?: 'EUR';
  maxLength?: number;
  options?: { value: string; label: Text }[];
};

export type WorkflowSummary = {
  id: string;
  version: number;
  hash: string;
  kind: 'municipal' | 'party' | 'other';
  title: Text;
  description: Text;
  model: string;
  approvalRoles: Role[];
  useCase: { name: Text; riskClass: 'high' | 'limited' | 'minimal'; riskReason: Text; humanOversight: Text };
  register: { connected: boolean; entry: { id: string; riskClass: string | null; status?: string } | null };
  versions: number[];
};

export type Definition = {
  id: string;
  version: number;
  hash: string;
  title: Text;
  description: Text;
  form: { fields: FormField[] };
  approval: { roles: Role[]; note?: Text };
  draft: { model: string };
};

export type RuleResult = {
  id: string;
  label: Text;
  kind: 'completeness' | 'eligibility' | 'amount' | 'formal';
  severity: 'blocking' | 'hint';
  applicable: boolean;
  passed: boolean | null;
  explanation: Text;
  error?: string;
};
export type Evaluation = {
  computed: { id: string; label: Text; value: unknown; display: Text }[];
  rules: RuleResult[];
  failed: Record<string, number>;
  outcome: { id: string; label: Text };
};

export type CaseEvent = { id: string; occurredAt: string; type: string; actor: string; detail: Record<string, unknown> };

export type Action = {
  id: string;
  tool: string;
  effect: 'read' | 'external';
  status: 'proposed' | 'confirmed' | 'done' | 'failed' | 'rejected';
  arguments: Record<string, unknown>;
  preview: { summary: Text; details: { label: Text; value: string }[] };
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
};

export type CaseStatus = 'draft_pending' | 'draft_failed' | 'in_review' | 'approved' | 'rejected' | 'sent';
export const caseStatuses: CaseStatus[] = ['draft_pending', 'draft_failed', 'in_review', 'approved', 'rejected', 'sent'];

export type CaseListRow = {
  id: string;
  reference: string;
  title: string;
  workflowId: string;
  definitionVersion: number;
  status: CaseStatus;
  suggestedOutcome: string;
  decidedOutcome: string | null;
  submittedAt: string;
  submittedBy: string;
  decidedAt: string | null;
};

export type CaseView = CaseListRow & {
  updatedAt: string;
  input: Record<string, unknown>;
  evaluation: Evaluation;
  draftText: string | null;
  workingText: string | null;
  finalText: string | null;
  draftError: Text | null;
  draftReport: { model: string; model_revision: string; provider: string; provenance_id: string } | null;
  decision: 'approved' | 'rejected' | null;
  decisionNote: string | null;
  decidedBy: string | null;
  sentTo: string | null;
  sentAt: string | null;
  riskClass: string;
  riskClassSource: 'register' | 'definition';
  registerUseCaseId: string | null;
  workflow: {
    title: Text;
    version: number;
    latestVersion: number;
    approvalRoles: Role[];
    approvalNote: Text | null;
    outcomes: { id: string; label: Text }[];
    fields: FormField[];
    recipientField: string | null;
    hasAgent: boolean;
  };
  allowed: { work: boolean; approve: boolean };
  events: CaseEvent[];
  actions: Action[];
};

export type Explanation = {
  case: { id: string; reference: string; title: string; status: CaseStatus; source: string; submittedBy: string; submittedAt: string };
  definition: {
    id: string;
    version: number;
    hash: string;
    intact: boolean;
    origin: string;
    loadedAt: string;
    latestVersion: number;
    title: Text;
    parameters: Record<string, unknown>;
    fields: FormField[];
    outcomes: { id: string; label: Text }[];
    draft: { model: string; system: string; template: string };
    approval: { roles: Role[] };
  };
  input: Record<string, unknown>;
  evaluation: Evaluation;
  reproduction: { identical: boolean; differences: string[]; promptIdentical: boolean | null };
  risk: { riskClass: string; source: 'register' | 'definition'; registerUseCaseId: string | null };
  draft: {
    request: { model: string; settings: Record<string, unknown>; messages: { role: string; content: string }[] } | null;
    report: { model: string; model_revision: string; provider: string; provenance_id: string } | null;
    text: string | null;
    generatedAt: string | null;
    error: Text | null;
  };
  decision: {
    decision: string | null;
    suggestedOutcome: string;
    decidedOutcome: string | null;
    note: string | null;
    decidedBy: string | null;
    decidedAt: string | null;
    finalText: string | null;
    editedFromDraft: boolean;
  };
  sent: { to: string; at: string } | null;
  events: CaseEvent[];
  actions: Action[];
};

/** A form value as the case shows it: option labels for choices, Ja/Nein for booleans. */
export function displayValue(field: FormField | undefined, value: unknown, language: string, yesNo: [string, string]): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? yesNo[0] : yesNo[1];
  const values = Array.isArray(value) ? value : [value];
  if (field?.options)
    return values.map((entry) => pick(field.options!.find((option) => option.value === entry)?.label, language) || String(entry)).join(', ') || '–';
  return values.map(String).join(', ');
}
