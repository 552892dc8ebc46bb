import { text, type Text } from '../core/l10n.js';

/**
 * The image policy of an organisation (LABEL-4). Levels go from strict to lax; a chapter may tighten
 * its parents' level, never loosen it (SOV-5), so the strictest level in the lineage applies.
 */
export const aiImageLevels = ['off', 'licensed_stock', 'licensed_or_open_clean', 'any'] as const;
export type AiImageLevel = (typeof aiImageLevels)[number];

/** When an AI image must carry a visible label: LABEL-3 requires it at least for montages and photorealistic images. */
export const visibleLabelRules = ['montage_and_photorealistic', 'all_ai'] as const;
export type VisibleLabelRule = (typeof visibleLabelRules)[number];

export type ImagePolicy = { ai: AiImageLevel; visibleLabel: VisibleLabelRule };
export type ImagePolicySetting = Partial<ImagePolicy>;

export const defaultImagePolicy: ImagePolicy = { ai: 'licensed_or_open_clean', visibleLabel: 'montage_and_photorealistic' };

export const aiImageLevelNames: Record<AiImageLevel, Text> = {
  off: text('Keine KI-Bilder', 'No AI images'),
  licensed_stock: text('Nur lizenzierte, stockbasierte Generatoren (Urheber*innen werden bezahlt)', 'Only licensed stock-based generators (creators are paid)'),
  licensed_or_open_clean: text(
    'Lizenzierte Generatoren und offene Generatoren mit urheberrechtlich sauberen Trainingsdaten',
    'Licensed generators and open generators trained on copyright-clean data',
  ),
  any: text('Alle Bildgeneratoren, die das Modellregister nicht ausschließt (immer mit Kennzeichnung)', 'Any image generator the model registry does not exclude (always labelled)'),
};

/** How a registry card classes an image generator; see `classifyGenerator`. */
export type GeneratorClass = 'licensed_stock' | 'open_clean' | 'other';

export type GeneratorCard = {
  creatorCompensation?: string | undefined;
  trainingData?: string | undefined;
  licence?: { spdx?: string | null } | null | undefined;
  openness?: { dimensions?: Record<string, { rating?: string }> } | null | undefined;
};

/**
 * From the model card's facts: creators licensed and paid → licensed stock-based; open weights with
 * documented training data whose creators were paid or could opt out → open and copyright-clean.
 */
export function classifyGenerator(card: GeneratorCard | undefined): GeneratorClass {
  if (!card) return 'other';
  if (card.creatorCompensation === 'licensed_and_paid') return 'licensed_stock';
  const openWeights = card.openness?.dimensions?.weights_endmodel?.rating === 'open' || (!card.openness && !!card.licence?.spdx);
  const fairData = card.creatorCompensation === 'opt_out_respected' && card.trainingData === 'documented';
  return openWeights && fairData ? 'open_clean' : 'other';
}

const rank: Record<AiImageLevel, number> = { off: 0, licensed_stock: 1, licensed_or_open_clean: 2, any: 3 };

/** The policy in force: the strictest level and visible-label rule over the organisation and its parents. */
export function effectiveImagePolicy(lineage: (ImagePolicySetting | undefined)[]): ImagePolicy & { setBy: number } {
  let policy: ImagePolicy & { setBy: number } = { ...defaultImagePolicy, setBy: -1 };
  const explicit = lineage.map((setting, depth) => ({ setting, depth })).filter((entry) => entry.setting?.ai);
  if (explicit.length > 0) {
    const strictest = explicit.reduce((a, b) => (rank[b.setting!.ai!] < rank[a.setting!.ai!] ? b : a));
    policy = { ...policy, ai: strictest.setting!.ai!, setBy: strictest.depth };
  }
  if (lineage.some((setting) => setting?.visibleLabel === 'all_ai')) policy.visibleLabel = 'all_ai';
  return policy;
}

export function isLooserThan(a: AiImageLevel, b: AiImageLevel): boolean {
  return rank[a] > rank[b];
}

export type PolicyVerdict = { allowed: true } | { allowed: false; reason: string; detail: Text };

/** May an AI image from a generator of this class be used here? The answer always explains itself. */
export function decideImage(policy: ImagePolicy, generator: { name: string; class: GeneratorClass; registered: boolean; excluded?: boolean }): PolicyVerdict {
  if (generator.excluded) {
    return {
      allowed: false,
      reason: 'generator_excluded',
      detail: text(`${generator.name} steht im Modellregister auf der Ausschlussliste.`, `${generator.name} is on the model registry's exclusion list.`),
    };
  }
  switch (policy.ai) {
    case 'off':
      return {
        allowed: false,
        reason: 'image_policy_off',
        detail: text('Die Bildrichtlinie dieser Organisation erlaubt keine KI-generierten Bilder.', "This organisation's image policy does not allow AI-generated images."),
      };
    case 'licensed_stock':
      if (generator.class === 'licensed_stock') return { allowed: true };
      return {
        allowed: false,
        reason: 'image_policy_licensed_only',
        detail: text(
          `Die Bildrichtlinie erlaubt nur lizenzierte, stockbasierte Generatoren, die Urheber*innen bezahlen; ${generator.name} ist im Modellregister nicht so eingestuft.`,
          `The image policy allows only licensed stock-based generators that pay creators; ${generator.name} is not classed so in the model registry.`,
        ),
      };
    case 'licensed_or_open_clean':
      if (generator.class !== 'other') return { allowed: true };
      return {
        allowed: false,
        reason: 'image_policy_generator_not_clean',
        detail: text(
          `Die Bildrichtlinie erlaubt nur lizenzierte Generatoren oder offene Generatoren mit urheberrechtlich sauberen Trainingsdaten; ${generator.name} gehört laut Modellregister zu keinem von beiden.`,
          `The image policy allows only licensed generators or open generators trained on copyright-clean data; according to the model registry ${generator.name} is neither.`,
        ),
      };
    case 'any':
      return { allowed: true };
  }
}

/** LABEL-3: montages and photorealistic AI images always get a visible label; with `all_ai` every AI image does. */
export function needsVisibleLabel(policy: ImagePolicy, image: { ai: boolean; montage: boolean; photorealistic: boolean }): boolean {
  if (!image.ai) return false;
  return policy.visibleLabel === 'all_ai' || image.montage || image.photorealistic;
}
