import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

// Each module brings its texts as <module>.de.json / <module>.en.json ({ "<module>": { … } }).
const moduleTexts = import.meta.glob<{ default: Record<string, unknown> }>('./*.{de,en}.json', { eager: true });
function withModules(base: Record<string, unknown>, language: 'de' | 'en'): Record<string, unknown> {
  const merged = { ...base };
  for (const [file, texts] of Object.entries(moduleTexts)) if (file.endsWith(`.${language}.json`)) Object.assign(merged, texts.default);
  return merged;
}

export type Language = 'de' | 'en';

function initialLanguage(): Language {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('lp_lang='));
  const chosen = cookie?.split('=')[1];
  return chosen === 'en' || chosen === 'de' ? chosen : 'de';
}

void i18next.use(initReactI18next).init({
  resources: { de: { translation: withModules(de, 'de') }, en: { translation: withModules(en, 'en') } },
  lng: initialLanguage(),
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

/** Switches the UI and tells the server (cookie) so its messages follow. */
export async function setLanguage(language: Language): Promise<void> {
  document.cookie = `lp_lang=${language}; path=/; SameSite=Lax; max-age=31536000`;
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

export function formatDateTime(value: string | Date | null | undefined, language: string): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(locales[language as Language] ?? 'de-DE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(locales[language as Language] ?? 'de-DE', { dateStyle: 'medium' }).format(new Date(value));
}

export function formatNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locales[language as Language] ?? 'de-DE', options).format(value);
}

export default i18next;
