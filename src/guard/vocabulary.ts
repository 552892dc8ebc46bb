import { loadWordSet } from './lexicons.js';

/** The word lists shared by the name and address recognisers, loaded once at module load. */
export const firstNames = loadWordSet('first-names.txt');
export const surnames = loadWordSet('surnames.txt');
export const ambiguousNames = loadWordSet('name-ambiguous.txt');
export const stopwords = loadWordSet('stopwords.txt');
export const germanNouns = loadWordSet('german-nouns.txt');
export const cities = loadWordSet('cities.txt');
export const personRoles = loadWordSet('person-roles.txt');

// Letters of surnames from Turkish, Polish, Balkan and other alphabets that German nouns never contain.
const foreignLetters = /[ăâçćčđęğıİłńňőřşșśšţțűźżžøåæãõñ]/u;
// Endings typical of Slavic, Greek, Turkish, Arabic and Baltic surnames.
const surnameEndings = /(?:ski|ska|sky|cki|cka|wicz|czyk|czak|ović|ovic|ević|evic|ić|enko|chuk|czuk|ov|ova|ev|eva|in|ina|oğlu|oglu|poulos|poulou|idis|akis|opoulou|escu|eanu|aj|aqi|iu|ai|oui)$/u;

export function looksLikeForeignSurname(token: string): boolean {
  return foreignLetters.test(token.toLowerCase()) || (token.length > 4 && surnameEndings.test(token));
}
