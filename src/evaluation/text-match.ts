/**
 * Normalisation shared by the parsers and the lexicon checks, so a keyword written once matches model output
 * whatever its case, umlaut spelling, typographic quotes, markdown or thousands separators.
 */

/** Drops reasoning blocks and markdown emphasis; keeps line breaks, which the choice parser uses. */
export function cleanResponse(response: string): string {
  return response
    .replace(/<think>[\s\S]*?<\/think>/gi, ' ')
    .replace(/^[\s\S]*<\/think>/i, ' ')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/\*\*|__|[*#>]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Lower case, umlauts as ae/oe/ue/ss, other diacritics dropped; safe for regular expressions. */
export function foldLetters(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** foldLetters on a cleaned answer, plus `8.000` → `8000` and one space between words. */
export function fold(value: string): string {
  return foldLetters(cleanResponse(value))
    .replace(/(\d)[.,\u00a0\u202f](?=\d{3}(?!\d))/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function words(value: string): string[] {
  return fold(value).match(/[\p{L}\p{N}]+(?:'\p{L}+)*/gu) ?? [];
}

/**
 * Whether a keyword occurs in already folded text. Keywords match as word prefixes ("internier" finds
 * "Internierungslager"); a leading `*` also matches inside a compound ("*lager"); keywords under five
 * characters must be whole words, so "nsu" is not found in "konsum".
 */
export function containsKeyword(foldedText: string, keyword: string): boolean {
  const inside = keyword.startsWith('*');
  const needle = fold(inside ? keyword.slice(1) : keyword);
  if (needle.length === 0) return false;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const start = inside ? '' : '(?<![\\p{L}\\p{N}])';
  const end = needle.length < 5 ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${start}${escaped}${end}`, 'u').test(foldedText);
}
