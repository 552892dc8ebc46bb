import { formatDate, text, type Locale, type Text } from '../core/l10n.js';

/** Where a generated text goes; each channel has its own label (LABEL-1). */
export const channels = ['social', 'press', 'print', 'web'] as const;
export type Channel = (typeof channels)[number];

export const channelNames: Record<Channel, Text> = {
  social: text('Social-Media-Beitrag', 'Social media post'),
  press: text('Pressemitteilung', 'Press release'),
  print: text('Druck (Flyer, Plakat)', 'Print (flyer, poster)'),
  web: text('Website', 'Website'),
};

/** Placeholders a template may use; anything else in braces is refused when the template is saved. */
export const placeholders = ['model', 'date', 'organisation'] as const;

export const defaultLabelTemplates: Record<Channel, Text> = {
  social: text('Dieser Beitrag wurde mit Unterstützung von KI erstellt ({model}).', 'This post was created with the help of AI ({model}).'),
  press: text(
    'Hinweis: Diese Pressemitteilung wurde mit Unterstützung eines KI-Systems ({model}) erstellt und von der Redaktion geprüft und freigegeben.',
    'Note: this press release was drafted with the help of an AI system ({model}) and checked and approved by the editorial team.',
  ),
  print: text('Mit KI-Unterstützung erstellt ({model}, {date}).', 'Created with AI assistance ({model}, {date}).'),
  web: text(
    'Dieser Inhalt wurde mit Unterstützung von KI erstellt ({model}, {date}). Wo wir KI einsetzen, erklären wir auf unserer Transparenzseite.',
    'This content was created with the help of AI ({model}, {date}). Our transparency page explains where we use AI.',
  ),
};

export type LabelTemplates = Partial<Record<Channel, Partial<Text>>>;

/** Placeholders in a template that are not known, e.g. `{modell}`. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!).filter((name) => !(placeholders as readonly string[]).includes(name));
}

/**
 * The templates in force for an organisation: per channel and language, the nearest organisation in
 * the lineage (own first, then parents) that set one, otherwise the default.
 */
export function effectiveTemplates(lineage: LabelTemplates[]): Record<Channel, Text & { inherited: { de: boolean; en: boolean } }> {
  const result = {} as Record<Channel, Text & { inherited: { de: boolean; en: boolean } }>;
  for (const channel of channels) {
    const pick = (locale: Locale) => {
      for (const [depth, templates] of lineage.entries()) {
        const value = templates[channel]?.[locale];
        if (value) return { value, inherited: depth > 0 };
      }
      return { value: defaultLabelTemplates[channel][locale], inherited: false };
    };
    const de = pick('de');
    const en = pick('en');
    result[channel] = { de: de.value, en: en.value, inherited: { de: de.inherited, en: en.inherited } };
  }
  return result;
}

export type LabelFacts = { model: string; date: Date; organisation: string };

export function renderLabel(template: string, facts: LabelFacts, locale: Locale): string {
  const values: Record<string, string> = { model: facts.model, date: formatDate(facts.date, locale), organisation: facts.organisation };
  return template.replace(/\{(model|date|organisation)\}/g, (_, name: string) => values[name]!);
}

/** Every channel's label in German and English for one output. */
export function renderLabels(templates: Record<Channel, Text>, facts: LabelFacts): Record<Channel, Text> {
  return Object.fromEntries(
    channels.map((channel) => [channel, text(renderLabel(templates[channel].de, facts, 'de'), renderLabel(templates[channel].en, facts, 'en'))]),
  ) as Record<Channel, Text>;
}
