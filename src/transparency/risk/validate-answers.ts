import { ServiceError } from '../../core/errors.js';
import { text, type Text } from '../../core/l10n.js';
import { holds, is } from './conditions.js';
import { findQuestion, riskQuestionnaire } from './questionnaire.js';
import type { Condition, Question, QuestionId, RiskAnswers } from './questionnaire-types.js';

export type AnswerIssueCode =
  'missing' | 'unknown-question' | 'not-applicable' | 'invalid-answer' | 'contradiction';
export type AnswerIssue = { code: AnswerIssueCode; questionId: QuestionId; message: Text };
export type AnswerValidation = { ok: boolean; missing: QuestionId[]; issues: AnswerIssue[] };

type ConsistencyRule = { when: Condition; requires: Condition; questionIds: QuestionId[]; message: Text };

/** Answers that can each be valid on their own but cannot both be true. */
const consistencyRules: readonly ConsistencyRule[] = [
  {
    when: is('annex-iii-employment', '4b-monitoring'),
    requires: is('staff-member-scoring', 'yes'),
    questionIds: ['staff-member-scoring', 'annex-iii-employment'],
    message: text(
      'Widerspruch: Die Anwendung soll Leistung und Verhalten von Beschäftigten bewerten (Anhang III Nr. 4 Buchst. b), aber die Frage nach Überwachung oder Bewertung von Beschäftigten wurde verneint.',
      'Contradiction: the application is said to evaluate the performance and behaviour of workers (Annex III 4(b)), yet the question on monitoring or evaluating staff was answered "No".',
    ),
  },
];

const messages = {
  missing: text('Diese Frage ist noch nicht beantwortet.', 'This question has not been answered.'),
  unknown: text(
    'Diese Frage gibt es in dieser Version des Fragebogens nicht.',
    'This version of the questionnaire has no such question.',
  ),
  notApplicable: text(
    'Diese Frage stellt sich nach den übrigen Antworten nicht; bitte die Antwort entfernen.',
    'Given the other answers this question does not apply; please remove the answer.',
  ),
  invalid: text(
    'Die Antwort passt nicht zu den vorgesehenen Optionen („Nichts davon“ lässt sich nicht mit anderen Optionen kombinieren).',
    'The answer does not match the options offered ("None of these" cannot be combined with other options).',
  ),
};

/** The questions to ask, in order, given the answers so far. */
export function applicableQuestions(answers: RiskAnswers): Question[] {
  return riskQuestionnaire.questions.filter(
    (question) => question.when === undefined || holds(question.when, answers),
  );
}

/** The wizard's next step, or undefined when every applicable question is answered. */
export function nextQuestion(answers: RiskAnswers): Question | undefined {
  return applicableQuestions(answers).find((question) => answers[question.id] === undefined);
}

/** Drops answers the flow no longer asks for, e.g. after an earlier answer was changed in the UI. */
export function pruneAnswers(answers: RiskAnswers): RiskAnswers {
  const kept: Record<QuestionId, string | readonly string[]> = {};
  for (const question of riskQuestionnaire.questions) {
    const answer = answers[question.id];
    // Conditions look only backwards, so `kept` already holds everything this question depends on.
    if (answer !== undefined && (question.when === undefined || holds(question.when, kept)))
      kept[question.id] = answer;
  }
  return kept;
}

function isValidAnswer(question: Question, answer: string | readonly string[]): boolean {
  const allowed = new Set(question.options.map((option) => option.value));
  if (question.kind === 'single') return typeof answer === 'string' && allowed.has(answer);
  if (typeof answer === 'string' || answer.length === 0) return false;
  if (new Set(answer).size !== answer.length || !answer.every((value) => allowed.has(value))) return false;
  const exclusive = question.options.filter((option) => option.exclusive).map((option) => option.value);
  return answer.length === 1 || !answer.some((value) => exclusive.includes(value));
}

export function validateAnswers(answers: RiskAnswers): AnswerValidation {
  const issues: AnswerIssue[] = [];
  for (const questionId of Object.keys(answers)) {
    if (!findQuestion(questionId))
      issues.push({ code: 'unknown-question', questionId, message: messages.unknown });
  }
  const applicable = new Set(applicableQuestions(answers).map((question) => question.id));
  for (const question of riskQuestionnaire.questions) {
    const answer = answers[question.id];
    if (!applicable.has(question.id)) {
      if (answer !== undefined)
        issues.push({ code: 'not-applicable', questionId: question.id, message: messages.notApplicable });
    } else if (answer === undefined) {
      issues.push({ code: 'missing', questionId: question.id, message: messages.missing });
    } else if (!isValidAnswer(question, answer)) {
      issues.push({ code: 'invalid-answer', questionId: question.id, message: messages.invalid });
    }
  }
  for (const rule of consistencyRules) {
    if (holds(rule.when, answers) && !holds(rule.requires, answers)) {
      const [questionId = ''] = rule.questionIds;
      issues.push({ code: 'contradiction', questionId, message: rule.message });
    }
  }
  const missing = issues.filter((issue) => issue.code === 'missing').map((issue) => issue.questionId);
  return { ok: issues.length === 0, missing, issues };
}

export class RiskAnswersError extends ServiceError {
  readonly missing: QuestionId[];
  readonly issues: AnswerIssue[];

  constructor(validation: AnswerValidation) {
    const missingList = validation.missing.join(', ');
    const others = validation.issues.filter((issue) => issue.code !== 'missing');
    const otherList = others.map((issue) => `${issue.questionId} (${issue.code})`).join(', ');
    super(
      'VALIDATION',
      text(
        [
          'Die Antworten zur Risikobewertung sind unvollständig oder widersprüchlich.',
          missingList && `Es fehlen Antworten auf: ${missingList}.`,
          otherList && `Bitte prüfen: ${otherList}.`,
        ]
          .filter(Boolean)
          .join(' '),
        [
          'The risk assessment answers are incomplete or contradictory.',
          missingList && `Answers missing for: ${missingList}.`,
          otherList && `Please check: ${otherList}.`,
        ]
          .filter(Boolean)
          .join(' '),
      ),
      {
        reason: 'risk_answers_invalid',
        fields: validation.issues.map((issue) => ({ path: issue.questionId, message: issue.message })),
        extra: { missing: validation.missing, questionnaireVersion: riskQuestionnaire.version },
      },
    );
    this.name = 'RiskAnswersError';
    this.missing = validation.missing;
    this.issues = validation.issues;
  }
}

export function assertValidAnswers(answers: RiskAnswers): void {
  const validation = validateAnswers(answers);
  if (!validation.ok) throw new RiskAnswersError(validation);
}
