import { asc, eq } from 'drizzle-orm';
import { canonicalJson } from '../core/canonical-json.js';
import type { Caller } from '../identity/principal.js';
import type { CaseService } from './case-service.js';
import { draftRequest } from './draft-request.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { workflowActions, workflowCaseEvents } from './schema.js';
import type { WorkflowDeps } from './workflow-deps.js';

/**
 * "Why was this decided" (DECIDE-1): the case as it was — inputs, the exact definition version and
 * its rules, the model call with its settings, the draft, the edits, the decision — and a
 * reproduction: the stored rule version is run again on the stored inputs and compared.
 */
export function createCaseExplanation(deps: WorkflowDeps, cases: CaseService) {
  const { db } = deps.database;

  return async function explain(caller: Caller, caseId: string) {
    const row = await cases.visibleCase(caller, caseId);
    const stored = await deps.definitions.get(row.workflowId, row.definitionVersion);
    const { definition } = stored;
    const storedEvaluation = row.evaluation as unknown as Evaluation;
    const again = evaluate(definition, row.input);
    const differences = [
      ...again.rules
        .filter((rule, index) => canonicalJson(rule) !== canonicalJson(storedEvaluation.rules[index]))
        .map((rule) => `rule ${rule.id}`),
      ...again.computed
        .filter((entry, index) => canonicalJson(entry) !== canonicalJson(storedEvaluation.computed[index]))
        .map((entry) => `computed ${entry.id}`),
      ...(again.outcome.id !== storedEvaluation.outcome.id ? ['outcome'] : []),
    ];
    const request = row.draftRequest as { model: string; messages: unknown[] } | null;
    const promptAgain = request
      ? draftRequest(
          definition,
          { reference: row.reference, submittedOn: row.submittedAt.toISOString().slice(0, 10) },
          row.input,
          storedEvaluation,
          request.model,
        ).messages
      : null;
    const [events, actions] = await Promise.all([
      db
        .select()
        .from(workflowCaseEvents)
        .where(eq(workflowCaseEvents.caseId, caseId))
        .orderBy(asc(workflowCaseEvents.occurredAt)),
      db
        .select()
        .from(workflowActions)
        .where(eq(workflowActions.caseId, caseId))
        .orderBy(asc(workflowActions.proposedAt)),
    ]);
    return {
      case: {
        id: row.id,
        reference: row.reference,
        title: row.title,
        status: row.status,
        source: row.source,
        submittedBy: row.submittedBy,
        submittedAt: row.submittedAt,
      },
      definition: {
        id: definition.id,
        version: definition.version,
        hash: row.definitionHash,
        intact: stored.hash === row.definitionHash && deps.definitions.intact(stored),
        origin: stored.origin,
        loadedAt: stored.loadedAt,
        latestVersion: deps.definitions.versions(definition.id)[0]?.definition.version ?? definition.version,
        title: definition.title,
        parameters: definition.parameters,
        computed: definition.computed,
        rules: definition.rules,
        outcomes: definition.outcomes,
        draft: {
          model: definition.draft.model,
          system: definition.draft.system,
          template: definition.draft.template,
        },
        approval: definition.approval,
        fields: definition.form.fields,
      },
      input: row.input,
      evaluation: storedEvaluation,
      reproduction: {
        identical: differences.length === 0,
        differences,
        evaluation: again,
        promptIdentical: request ? canonicalJson(promptAgain) === canonicalJson(request.messages) : null,
      },
      risk: {
        riskClass: row.riskClass,
        source: row.riskClassSource,
        registerUseCaseId: row.registerUseCaseId,
      },
      draft: {
        request: row.draftRequest,
        report: row.draftReport,
        text: row.draftText,
        generatedAt: row.draftedAt,
        error: row.draftError,
      },
      decision: {
        decision: row.decision,
        suggestedOutcome: row.suggestedOutcome,
        decidedOutcome: row.decidedOutcome,
        note: row.decisionNote,
        decidedBy: row.decidedBy,
        decidedAt: row.decidedAt,
        finalText: row.finalText,
        editedFromDraft: row.finalText !== null && row.finalText !== row.draftText,
      },
      sent: row.sentAt ? { to: row.sentTo, at: row.sentAt } : null,
      events,
      actions: actions.map(({ result, ...action }) => ({
        ...action,
        result: result && 'ics' in result ? { filename: result.filename } : result,
      })),
    };
  };
}
