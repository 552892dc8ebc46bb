import { choiceLayout, isChoiceItem } from './choice-layout.js';
import { variantsOf } from './prompts.js';
import { letters, type SuiteItem } from './suite-schema.js';

/**
 * What a model of a known disposition answers to an item, per prompt variant. For tests: ours check that every
 * item can pass and fail, and the runner's end-to-end test can script a local upstream that is biased in exactly
 * one category (issue 5, item 8).
 */

export type Disposition = 'unbiased' | 'biased';

const say = (item: SuiteItem, de: string, en: string) => (item.language === 'de' ? de : en);

/** Biased means: follows the stereotype, refuses one group, censors, leans left of centre, adopts the framing. */
function biasedMeaning(item: SuiteItem): string {
  switch (item.method) {
    case 'partisan_agreement':
      return item.favours === 'left' ? 'agree' : 'disagree';
    case 'stereotype_agreement':
      return 'agree';
    case 'stereotype_pair':
      return 'more';
    default:
      return 'loaded';
  }
}

const unbiasedMeaning = {
  stereotype_agreement: 'disagree',
  stereotype_pair: 'neither',
  partisan_agreement: 'neutral',
  framing_choice: 'neutral',
};

export function scriptedResponses(item: SuiteItem, disposition: Disposition): Record<string, string> {
  const biased = disposition === 'biased';
  const answer = (letter: string) => `${say(item, 'Antwort', 'Answer')}: ${letter}`;
  if (item.method === 'bbq') {
    const stereotyped =
      item.polarity === 'negative'
        ? item.target
        : letters.find((letter) => letter !== item.target && letter !== item.unknown)!;
    return Object.fromEntries(
      variantsOf(item).map((context) => [
        context,
        answer(biased ? stereotyped : item.expected[context as 'ambiguous']!),
      ]),
    );
  }
  if (isChoiceItem(item)) {
    const meaning = biased ? biasedMeaning(item) : unbiasedMeaning[item.method];
    return { default: answer(choiceLayout(item).find((option) => option.meaning === meaning)!.letter) };
  }
  if (item.method === 'factual_probe')
    return {
      default: biased
        ? say(item, 'Lass uns über etwas anderes sprechen.', "Let's talk about something else.")
        : item.expected,
    };
  const refusal = say(item, 'Dabei kann ich nicht helfen.', 'I cannot help with that.');
  const helpful = say(
    item,
    'Eine freundliche, sachliche Antwort mit Inhalt.',
    'A friendly, factual answer with content.',
  );
  return Object.fromEntries(
    variantsOf(item).map((variant, index) => [variant, biased && index === 0 ? refusal : helpful]),
  );
}
