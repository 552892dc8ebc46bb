import type { Locale } from '../core/l10n.js';

/**
 * Placeholders in explanations and prompt templates: `{{input.field}}`, optionally with one format
 * (`{{computed.amount|eur}}`, `|date`, `|number`). Substitution only — no conditions or loops; the
 * logic lives in the JSON Logic rules. Inserted values are never rendered again.
 */
const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)\s*(?:\|\s*(eur|date|number))?\s*\}\}/gi;
export type Format = 'eur' | 'date' | 'number';

const numberLocales = { de: 'de-DE', en: 'en-GB' } as const;

export function formatValue(value: unknown, format: Format | 'text' | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '–';
  if (format === 'eur' && typeof value === 'number') {
    return new Intl.NumberFormat(numberLocales[locale], { style: 'currency', currency: 'EUR' }).format(value);
  }
  if (format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return locale === 'de' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
  }
  if (typeof value === 'number')
    return new Intl.NumberFormat(numberLocales[locale], { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'boolean') return locale === 'de' ? (value ? 'ja' : 'nein') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((item) => formatValue(item, format, locale)).join(', ');
  return String(value);
}

function lookup(data: Record<string, unknown>, path: string): unknown {
  let current: unknown = data;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function renderTemplate(template: string, data: Record<string, unknown>, locale: Locale): string {
  return template.replace(PLACEHOLDER, (_match, path: string, format: Format | undefined) =>
    formatValue(lookup(data, path), format, locale),
  );
}

/** The paths a template uses, to check them against the definition when it is loaded. */
export function placeholderPaths(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/** `{{ … }}` that is not a valid placeholder (a typo would otherwise reach the letter verbatim). */
export function malformedPlaceholders(template: string): string[] {
  return (template.match(/\{\{[^}]*\}\}/g) ?? []).filter(
    (candidate) => !new RegExp(PLACEHOLDER.source, 'i').test(candidate),
  );
}
