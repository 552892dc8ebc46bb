import { z } from 'zod';
import { locales, text, type Text } from '../core/l10n.js';

/**
 * The item schema of the bias and manipulation suites (issue 5, FAIR-1, FAIR-2, GOV-3). One item is one
 * test case in one language; the YAML files in suites/ and the importers both produce these items.
 * Field names are snake_case because reviewers read and write them in YAML.
 */

export const fairCategories = [
  'racism',
  'sexism',
  'antisemitism',
  'queer_hostility',
  'disability_hostility',
] as const;
export const manipulationCategories = ['censorship', 'partisan_slant', 'propaganda_framing'] as const;
/** `other_bias` holds imported items outside FAIR-1 (age, appearance, social class, other religions). */
export const categories = [...fairCategories, ...manipulationCategories, 'other_bias'] as const;
export type Category = (typeof categories)[number];

export const methods = [
  'bbq',
  'counterfactual',
  'stereotype_agreement',
  'stereotype_pair',
  'factual_probe',
  'partisan_agreement',
  'framing_choice',
] as const;
export type Method = (typeof methods)[number];

export const categoryLabels: Record<Category, Text> = {
  racism: text('Rassismus', 'Racism'),
  sexism: text('Sexismus', 'Sexism'),
  antisemitism: text('Antisemitismus', 'Antisemitism'),
  queer_hostility: text('Queerfeindlichkeit', 'Queer hostility'),
  disability_hostility: text('Behindertenfeindlichkeit', 'Disability hostility'),
  censorship: text('Zensur und Verzerrung', 'Censorship and distortion'),
  partisan_slant: text('Parteipolitische Schlagseite', 'Partisan slant'),
  propaganda_framing: text('Propaganda-Framing', 'Propaganda framing'),
  other_bias: text('Weitere Vorurteile', 'Other bias'),
};

export const sides = ['left', 'right'] as const;
export type Side = (typeof sides)[number];
export const sideLabels: Record<Side, Text> = {
  left: text('links der Mitte', 'left of centre'),
  right: text('rechts der Mitte', 'right of centre'),
};

export const letters = ['A', 'B', 'C'] as const;
export type Letter = (typeof letters)[number];
const letter = z.enum(letters);

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash, underscore'),
  category: z.enum(categories),
  /** Who the item is about, as a slug (`muslim_people`, `women`); for manipulation items the topic. */
  target_group: z.string().regex(/^[a-z0-9_]+$/),
  language: z.enum(locales),
  /** Where the item comes from: a dataset with licence, or a citation for a fact or a term. */
  source: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
};

const bbqItem = z
  .strictObject({
    ...base,
    method: z.literal('bbq'),
    polarity: z.enum(['negative', 'non_negative']),
    /** Full context texts as the model sees them; the disambiguated one says who it was. */
    contexts: z.strictObject({
      ambiguous: z.string().min(1).optional(),
      disambiguated: z.string().min(1).optional(),
    }),
    question: z.string().min(1),
    options: z.strictObject({ A: z.string().min(1), B: z.string().min(1), C: z.string().min(1) }),
    unknown: letter,
    /** The option naming the group the stereotype is about. */
    target: letter,
    expected: z.strictObject({ ambiguous: letter.optional(), disambiguated: letter.optional() }),
  })
  .superRefine((item, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', message });
    if (!item.contexts.ambiguous && !item.contexts.disambiguated)
      problem('needs an ambiguous or a disambiguated context');
    if (Boolean(item.contexts.ambiguous) !== Boolean(item.expected.ambiguous))
      problem('expected.ambiguous must go with contexts.ambiguous');
    if (Boolean(item.contexts.disambiguated) !== Boolean(item.expected.disambiguated))
      problem('expected.disambiguated must go with contexts.disambiguated');
    if (item.expected.ambiguous && item.expected.ambiguous !== item.unknown)
      problem('in the ambiguous context the unknown option is expected');
    if (item.expected.disambiguated === item.unknown) problem('the disambiguated context must name a person');
    if (item.target === item.unknown) problem('target must not be the unknown option');
  });

const tolerance = z.strictObject({
  length_ratio: z.number().min(0).max(1).optional(),
  sentiment_gap: z.number().min(0).max(2).optional(),
  toxicity_gap: z.number().int().min(0).optional(),
  min_overlap: z.number().min(0).max(1).optional(),
});

const counterfactualItem = z
  .strictObject({
    ...base,
    method: z.literal('counterfactual'),
    /** Prompt with `{slot}` placeholders; every variant fills every slot. */
    template: z.string().min(1),
    variants: z.record(z.string().regex(/^[a-z0-9_]+$/), z.record(z.string(), z.string().min(1))),
    expected: z.string().min(1),
    tolerance: tolerance.optional(),
  })
  .superRefine((item, context) => {
    const slots = [...item.template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    const variants = Object.entries(item.variants);
    if (variants.length < 2) context.addIssue({ code: 'custom', message: 'needs at least two variants' });
    if (slots.length === 0) context.addIssue({ code: 'custom', message: 'template has no {slot}' });
    for (const [name, fill] of variants) {
      const keys = Object.keys(fill).sort().join(',');
      if (keys !== [...new Set(slots)].sort().join(','))
        context.addIssue({
          code: 'custom',
          message: `variant ${name} must fill exactly the slots ${[...new Set(slots)].join(', ')}`,
        });
    }
  });

const stereotypeAgreementItem = z.strictObject({
  ...base,
  method: z.literal('stereotype_agreement'),
  statement: z.string().min(1),
  expected: z.literal('disagree'),
});

const stereotypePairItem = z.strictObject({
  ...base,
  method: z.literal('stereotype_pair'),
  /** `more` is the more stereotypical sentence (CrowS-Pairs' sent_more). */
  sentences: z.strictObject({ more: z.string().min(1), less: z.string().min(1) }),
  direction: z.enum(['stereo', 'antistereo']).optional(),
  expected: z.literal('neither'),
});

const factualProbeItem = z
  .strictObject({
    ...base,
    method: z.literal('factual_probe'),
    question: z.string().min(1),
    /** A short reference answer for reviewers; scoring uses key_facts. */
    expected: z.string().min(1),
    /** Each group is met if any of its keywords occurs (both languages allowed); all groups are required unless min_facts says fewer. */
    key_facts: z.array(z.strictObject({ any_of: z.array(z.string().min(1)).min(1) })).min(1),
    min_facts: z.number().int().min(1).optional(),
    /** Phrases of the distorting narrative; they only count against an answer that lacks the key facts. */
    distortions: z.array(z.string().min(3)).optional(),
  })
  .refine(
    (item) => (item.min_facts ?? 0) <= item.key_facts.length,
    'min_facts exceeds the number of key_facts',
  );

const partisanAgreementItem = z.strictObject({
  ...base,
  method: z.literal('partisan_agreement'),
  statement: z.string().min(1),
  /** Items on one topic come in pairs, one per side, so the suite can be checked for balance. */
  topic: z.string().regex(/^[a-z0-9_]+$/),
  favours: z.enum(sides),
  expected: z.literal('neutral'),
});

const framingChoiceItem = z.strictObject({
  ...base,
  method: z.literal('framing_choice'),
  /** The matter to describe, in neutral words. */
  context: z.string().min(1),
  options: z.strictObject({ loaded: z.string().min(1), neutral: z.string().min(1) }),
  expected: z.literal('neutral'),
});

export const suiteItemSchema = z.discriminatedUnion('method', [
  bbqItem,
  counterfactualItem,
  stereotypeAgreementItem,
  stereotypePairItem,
  factualProbeItem,
  partisanAgreementItem,
  framingChoiceItem,
]);

export type SuiteItem = z.infer<typeof suiteItemSchema>;
export type ItemOf<M extends Method> = Extract<SuiteItem, { method: M }>;
export type BbqItem = ItemOf<'bbq'>;
export type CounterfactualItem = ItemOf<'counterfactual'>;
export type CounterfactualTolerance = z.infer<typeof tolerance>;
export type FactualProbeItem = ItemOf<'factual_probe'>;
