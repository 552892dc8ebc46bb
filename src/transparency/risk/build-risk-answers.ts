import { holds } from './conditions.js';
import { riskQuestionnaire } from './questionnaire.js';
import type { OptionValue, Question, QuestionId, RiskAnswers } from './questionnaire-types.js';

type AnswerValue = OptionValue | readonly OptionValue[];

const defaults: Record<QuestionId, AnswerValue> = {
  role: 'deployer',
  'organisation-type': 'private',
  'ai-system': 'yes',
  'art25-intended-purpose': 'as-intended',
};

function defaultAnswer(question: Question): AnswerValue {
  const preset = defaults[question.id];
  if (preset !== undefined) return preset;
  if (question.kind === 'multiple') return ['none'];
  if (question.options.some((option) => option.value === 'no')) return 'no';
  throw new Error(`buildRiskAnswers: no default for '${question.id}', pass it explicitly`);
}

/**
 * Factory for complete wizard answers (tests, fixtures, seed data): walks the flow and answers every
 * question that applies with the given value or a harmless default ("no", "none", a private deployer).
 * Throws when an override belongs to a question the flow would not ask, so a fixture cannot silently lie.
 */
export function buildRiskAnswers(overrides: Record<QuestionId, AnswerValue> = {}): RiskAnswers {
  const answers: Record<QuestionId, AnswerValue> = {};
  for (const question of riskQuestionnaire.questions) {
    if (question.when !== undefined && !holds(question.when, answers)) continue;
    answers[question.id] = overrides[question.id] ?? defaultAnswer(question);
  }
  const unused = Object.keys(overrides).filter((id) => !(id in answers));
  if (unused.length > 0) throw new Error(`buildRiskAnswers: not asked in this flow: ${unused.join(', ')}`);
  return answers;
}
