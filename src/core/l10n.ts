/** Every user-facing text exists in German and English, side by side, so a missing translation is a type error. */
export type Locale = 'de' | 'en';
export type Text = { de: string; en: string };

export const locales: readonly Locale[] = ['de', 'en'];
export const defaultLocale: Locale = 'de';

export function text(de: string, en: string): Text {
  return { de, en };
}

export function localize(value: Text, locale: Locale): string {
  return value[locale];
}

/** Picks de or en from an Accept-Language header; German unless English is preferred over it. */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = defaultLocale): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((entry) => entry.lang === 'de' || entry.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Locale | undefined) ?? fallback;
}

const numberFormats = { de: 'de-DE', en: 'en-GB' } as const;

// Building an Intl formatter costs far more than using one; they are made once per locale.
const dateFormatters = {
  de: new Intl.DateTimeFormat(numberFormats.de, { dateStyle: 'medium', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat(numberFormats.en, { dateStyle: 'medium', timeZone: 'Europe/Berlin' }),
};

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(numberFormats[locale], options).format(value);
}

// Labels are dated on every model call; formatting is the costly part and the text changes once a day.
// A minute never straddles midnight in Berlin (offsets are whole hours), so one per minute is exact.
const lastFormatted = { de: { minute: NaN, text: '' }, en: { minute: NaN, text: '' } };

export function formatDate(value: Date, locale: Locale): string {
  const minute = Math.floor(value.getTime() / 60_000);
  const last = lastFormatted[locale];
  if (last.minute !== minute) {
    last.minute = minute;
    last.text = dateFormatters[locale].format(value);
  }
  return last.text;
}
