import { text } from '../../core/l10n.js';
import { annexIIIQuestions } from './questions/annex-iii-questions.js';
import { annexIQuestions, derogationQuestions } from './questions/high-risk-questions.js';
import { prohibitedQuestions } from './questions/prohibited-questions.js';
import { rightsQuestions, scopeQuestions } from './questions/scope-questions.js';
import { transparencyQuestions } from './questions/transparency-questions.js';
import type { Question, QuestionId, Questionnaire } from './questionnaire-types.js';

/**
 * The AI-Act risk wizard (OPEN-2), modelled on the Dutch government's open decision aid
 * (MinBZK/ai-verordening-beslishulp). Bump `version` whenever a question, option or rule changes:
 * stored assessments name the version they were made with (DECIDE-1).
 */
export const riskQuestionnaire: Questionnaire = {
  version: '1.0.0',
  legalBasis: text(
    'Verordnung (EU) 2024/1689 (KI-Verordnung), ABl. L vom 12.7.2024; das Verbot intimer Deepfakes nach dem Digital-Omnibus zur KI (2025/0359(COD)). Keine Rechtsberatung.',
    'Regulation (EU) 2024/1689 (AI Act), OJ L, 12.7.2024; the prohibition of non-consensual intimate imagery from the Digital Omnibus on AI (2025/0359(COD)). Not legal advice.',
  ),
  questions: [
    ...scopeQuestions,
    ...rightsQuestions,
    ...prohibitedQuestions,
    ...annexIQuestions,
    ...annexIIIQuestions,
    ...derogationQuestions,
    ...transparencyQuestions,
  ],
};

const questionsById = new Map(riskQuestionnaire.questions.map((question) => [question.id, question]));

export function findQuestion(id: QuestionId): Question | undefined {
  return questionsById.get(id);
}
