import type { Condition, OptionValue, QuestionId, RiskAnswers } from './questionnaire-types.js';

export function is(question: QuestionId, ...anyOf: OptionValue[]): Condition {
  return { question, anyOf };
}

export function all(...conditions: Condition[]): Condition {
  return { all: conditions };
}

export function any(...conditions: Condition[]): Condition {
  return { any: conditions };
}

export function not(condition: Condition): Condition {
  return { not: condition };
}

export function answerValues(answers: RiskAnswers, question: QuestionId): readonly OptionValue[] {
  const answer = answers[question];
  if (answer === undefined) return [];
  return typeof answer === 'string' ? [answer] : answer;
}

/** An unanswered question matches no `anyOf`, so questions that depend on it stay hidden. */
export function holds(condition: Condition, answers: RiskAnswers): boolean {
  if ('question' in condition) {
    return answerValues(answers, condition.question).some((value) => condition.anyOf.includes(value));
  }
  if ('all' in condition) return condition.all.every((part) => holds(part, answers));
  if ('any' in condition) return condition.any.some((part) => holds(part, answers));
  return !holds(condition.not, answers);
}

/** Every question id a condition refers to; used to check the flow only looks backwards. */
export function referencedQuestions(condition: Condition): QuestionId[] {
  if ('question' in condition) return [condition.question];
  if ('all' in condition) return condition.all.flatMap(referencedQuestions);
  if ('any' in condition) return condition.any.flatMap(referencedQuestions);
  return referencedQuestions(condition.not);
}
