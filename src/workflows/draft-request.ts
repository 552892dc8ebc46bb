import type { ChatRequest } from '../gateway/openai-types.js';
import type { WorkflowDefinition } from './definition-schema.js';
import { optionLabels, ruleList, type Evaluation } from './evaluate.js';
import { renderTemplate } from './template.js';

export type CaseFacts = { reference: string; submittedOn: string };

/**
 * The model request for a draft: the definition's system prompt, its template filled with the form,
 * the computed values and the rule results, temperature 0. Stored with the case exactly as sent.
 */
export function draftRequest(
  definition: WorkflowDefinition,
  facts: CaseFacts,
  input: Record<string, unknown>,
  evaluation: Evaluation,
  model: string,
): ChatRequest {
  const data = {
    input,
    params: definition.parameters,
    computed: Object.fromEntries(evaluation.computed.map((entry) => [entry.id, entry.value])),
    labels: optionLabels(definition, input, 'de'),
    rules: {
      all_list: ruleList(evaluation.rules, 'de'),
      failed_list: ruleList(
        evaluation.rules,
        'de',
        (rule) => rule.passed === false && rule.severity === 'blocking',
      ),
      hints_list: ruleList(
        evaluation.rules,
        'de',
        (rule) => rule.passed === false && rule.severity === 'hint',
      ),
      passed_list: ruleList(evaluation.rules, 'de', (rule) => rule.passed === true),
    },
    outcome: {
      id: evaluation.outcome.id,
      label: evaluation.outcome.label.de,
      instruction: evaluation.outcome.instruction,
    },
    case: { reference: facts.reference, submitted_on: facts.submittedOn },
  };
  return {
    model,
    messages: [
      { role: 'system', content: definition.draft.system },
      { role: 'user', content: renderTemplate(definition.draft.template, data, 'de') },
    ],
    temperature: 0,
    max_tokens: definition.draft.maxTokens,
  };
}
