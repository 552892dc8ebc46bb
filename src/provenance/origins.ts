import { text, type Text } from '../core/l10n.js';

/** What a person declares about an image (LABEL-2/3). */
export const origins = ['human_photo', 'human_illustration', 'ai_generated', 'ai_edited', 'stock_generator'] as const;
export type Origin = (typeof origins)[number];

export const originNames: Record<Origin, Text> = {
  human_photo: text('Foto (von Menschen aufgenommen)', 'Photo (taken by a person)'),
  human_illustration: text('Illustration oder Grafik (von Menschen gestaltet)', 'Illustration or graphic (made by a person)'),
  ai_generated: text('KI-generiert', 'AI-generated'),
  ai_edited: text('KI-bearbeitet / KI-Montage', 'AI-edited / AI montage'),
  stock_generator: text('KI-generiert mit einem lizenzierten Stock-Generator', 'AI-generated with a licensed stock-based generator'),
};

export const isAiOrigin = (origin: Origin): boolean => origin === 'ai_generated' || origin === 'ai_edited' || origin === 'stock_generator';

/** IPTC NewsCodes "Digital Source Type" (https://cv.iptc.org/newscodes/digitalsourcetype/), also used by C2PA. */
export const IPTC_SOURCE_TYPE = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
export const digitalSourceTypeOf: Record<Origin, string> = {
  human_photo: `${IPTC_SOURCE_TYPE}digitalCapture`,
  human_illustration: `${IPTC_SOURCE_TYPE}digitalCreation`,
  ai_generated: `${IPTC_SOURCE_TYPE}trainedAlgorithmicMedia`,
  ai_edited: `${IPTC_SOURCE_TYPE}compositeWithTrainedAlgorithmicMedia`,
  stock_generator: `${IPTC_SOURCE_TYPE}trainedAlgorithmicMedia`,
};

/** Source types that say "made or changed by generative AI" when read from any file. */
export const aiSourceTypes = new Set(
  ['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia', 'algorithmicMedia', 'compositeSynthetic'].map((code) => `${IPTC_SOURCE_TYPE}${code}`),
);

export const corners = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
export type Corner = (typeof corners)[number];

/** The visible label (LABEL-3): a montage says so; everything else generated says "KI-generiert". */
export function visibleLabelText(origin: Origin, language: 'de' | 'en'): string {
  if (origin === 'ai_edited') return language === 'de' ? 'KI-Montage' : 'AI montage';
  return language === 'de' ? 'KI-generiert' : 'AI-generated';
}

export type CreditFacts = { origin: Origin; generator?: string | null | undefined; creator?: string | null | undefined; organisation: string; prompts: string[]; photorealistic: boolean };

/** The image credit line (Bildnachweis): names the AI and, for photorealistic images, the prompts (LABEL-2). */
export function creditLine(facts: CreditFacts): Text {
  const generator = facts.generator?.trim() || 'unbekanntes KI-System';
  const generatorEn = facts.generator?.trim() || 'unknown AI system';
  const who = facts.creator?.trim() || facts.organisation;
  let line: Text;
  switch (facts.origin) {
    case 'human_photo':
      return text(`Foto: ${who}`, `Photo: ${who}`);
    case 'human_illustration':
      return text(`Illustration: ${who}`, `Illustration: ${who}`);
    case 'ai_generated':
      line = text(`Bild: KI-generiert mit ${generator} (${who})`, `Image: AI-generated with ${generatorEn} (${who})`);
      break;
    case 'stock_generator':
      line = text(`Bild: KI-generiert mit ${generator}, lizenzierter Stock-Generator (${who})`, `Image: AI-generated with ${generatorEn}, licensed stock-based generator (${who})`);
      break;
    case 'ai_edited':
      line = text(`KI-Montage mit ${generator} (${who})`, `AI montage made with ${generatorEn} (${who})`);
      break;
  }
  if (!facts.photorealistic || facts.prompts.length === 0) return line;
  const prompts = facts.prompts.map((prompt) => `„${prompt}“`).join('; ');
  const promptsEn = facts.prompts.map((prompt) => `"${prompt}"`).join('; ');
  return text(`${line.de} · Prompt: ${prompts}`, `${line.en} · Prompt: ${promptsEn}`);
}
