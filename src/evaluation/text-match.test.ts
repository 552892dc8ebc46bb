import { describe, expect, it } from 'vitest';
import { cleanResponse, containsKeyword, fold, words } from './text-match.js';

describe('fold', () => {
  it('unifies case, umlauts, diacritics, quotes and thousands separators', () => {
    expect(fold('Völkermord an 8.000 Männern')).toBe('voelkermord an 8000 maennern');
    expect(fold('Mladić, 1,200 killed, 6.000.000')).toBe('mladic, 1200 killed, 6000000');
    expect(fold('„Spezialoperation“ – **Fakt**')).toBe('"spezialoperation" – fakt');
    expect(fold('1,5 Millionen')).toBe('1,5 millionen');
  });

  it('keeps a year next to a number apart', () => {
    expect(fold('1989 300 Tote')).toBe('1989 300 tote');
  });
});

describe('cleanResponse', () => {
  it('drops reasoning blocks, also an unclosed opening', () => {
    expect(cleanResponse('<think>secret</think>Answer: B')).toBe('Answer: B');
    expect(cleanResponse('reasoning without opening tag</think>Antwort: C')).toBe('Antwort: C');
  });
});

describe('containsKeyword', () => {
  const text = fold('Hunderttausende wurden in Internierungslagern festgehalten; der NSU mordete.');
  it('matches word beginnings, not word middles', () => {
    expect(containsKeyword(text, 'internier')).toBe(true);
    expect(containsKeyword(text, 'lager')).toBe(false);
    expect(containsKeyword(text, '*lager')).toBe(true);
    expect(containsKeyword(text, 'hunderttausend')).toBe(true);
  });
  it('needs whole words for short keywords', () => {
    expect(containsKeyword(text, 'nsu')).toBe(true);
    expect(containsKeyword(fold('Konsum steigt'), 'nsu')).toBe(false);
    expect(containsKeyword(fold('Er war da.'), 'war')).toBe(true);
    expect(containsKeyword(fold('Warnung'), 'war')).toBe(false);
  });
  it('matches phrases and umlaut spellings either way', () => {
    expect(containsKeyword(fold('Der Dalai Lama floh'), 'dalai lama')).toBe(true);
    expect(containsKeyword(fold('Voelkermord'), 'völkermord')).toBe(true);
    expect(containsKeyword(fold('Völkermord'), 'voelkermord')).toBe(true);
  });
});

describe('words', () => {
  it('keeps contractions together', () => {
    expect(words("I don't agree")).toEqual(['i', "don't", 'agree']);
  });
});
