export { canGoLive, classify } from './classify.js';
export { obligationCatalog, type Addressee, type Obligation, type ObligationId } from './obligations.js';
export { findQuestion, riskQuestionnaire } from './questionnaire.js';
export {
  riskAnswersSchema,
  type AnswerOption,
  type Condition,
  type Question,
  type QuestionId,
  type Questionnaire,
  type RiskAnswers,
} from './questionnaire-types.js';
export {
  riskClassLabels,
  riskClasses,
  type BlockReason,
  type RiskAssessment,
  type RiskClass,
  type RiskReason,
  type TransparencyParagraph,
} from './risk-assessment.js';
export {
  RiskAnswersError,
  applicableQuestions,
  assertValidAnswers,
  nextQuestion,
  pruneAnswers,
  validateAnswers,
  type AnswerIssue,
  type AnswerIssueCode,
  type AnswerValidation,
} from './validate-answers.js';
export { holds } from './conditions.js';
export { buildRiskAnswers } from './build-risk-answers.js';
