import { z } from 'zod';
import type { Text } from '../../core/l10n.js';

export type QuestionId = string;
export type OptionValue = string;

/** Serialisable skip logic, so the UI and the stored flow can show why a question was asked. */
export type Condition =
  | { question: QuestionId; anyOf: readonly OptionValue[] }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export type AnswerOption = {
  value: OptionValue;
  label: Text;
  help?: Text;
  /** The provision this option stands for, e.g. `Annex III 4(a)`. */
  article?: string;
  /** In a multiple-choice question: may not be combined with other options (`none`). */
  exclusive?: boolean;
};

export type QuestionSection = 'scope' | 'rights' | 'prohibited' | 'high-risk' | 'transparency';

export type Question = {
  id: QuestionId;
  section: QuestionSection;
  kind: 'single' | 'multiple';
  prompt: Text;
  /** Plain-language explanation that cites the provision(s) behind the question. */
  help: Text;
  articles: readonly string[];
  options: readonly AnswerOption[];
  /** Asked only when this holds; conditions refer to earlier questions only. */
  when?: Condition;
};

export type Questionnaire = {
  version: string;
  legalBasis: Text;
  questions: readonly Question[];
};

/** Answers by question id: one option value, or a list for multiple-choice questions. */
export type RiskAnswers = Readonly<Record<QuestionId, OptionValue | readonly OptionValue[]>>;

export const riskAnswersSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
