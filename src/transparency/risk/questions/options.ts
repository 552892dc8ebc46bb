import { text, type Text } from '../../../core/l10n.js';
import type { AnswerOption } from '../questionnaire-types.js';

export const yesNo: readonly AnswerOption[] = [
  { value: 'yes', label: text('Ja', 'Yes') },
  { value: 'no', label: text('Nein', 'No') },
];

/** The exclusive "none of these" option of multiple-choice questions. */
export const none: AnswerOption = {
  value: 'none',
  label: text('Nichts davon', 'None of these'),
  exclusive: true,
};

export function point(value: string, article: string, label: Text): AnswerOption {
  return { value, article, label };
}
