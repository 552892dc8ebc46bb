import { describe, expect, it } from 'vitest';
import { channels, defaultLabelTemplates, effectiveTemplates, renderLabels, unknownPlaceholders } from './label-texts.js';

describe('label texts per channel', () => {
  it('has a German and an English default for every channel, each naming the model', () => {
    for (const channel of channels) {
      expect(defaultLabelTemplates[channel].de).toContain('{model}');
      expect(defaultLabelTemplates[channel].en).toContain('{model}');
      expect(defaultLabelTemplates[channel].de).toMatch(/KI/);
      expect(defaultLabelTemplates[channel].en).toMatch(/AI/);
    }
  });

  it('renders model, date and organisation in each language', () => {
    const labels = renderLabels(
      { ...defaultLabelTemplates, print: { de: '{organisation}: mit KI ({model}, {date})', en: '{organisation}: with AI ({model}, {date})' } },
      { model: 'Teuken 7B', date: new Date('2026-03-01T10:00:00Z'), organisation: 'KV Leipzig' },
    );
    expect(labels.print).toEqual({ de: 'KV Leipzig: mit KI (Teuken 7B, 01.03.2026)', en: 'KV Leipzig: with AI (Teuken 7B, 1 Mar 2026)' });
    expect(labels.social.de).toBe('Dieser Beitrag wurde mit Unterstützung von KI erstellt (Teuken 7B).');
    expect(labels.social.en).toBe('This post was created with the help of AI (Teuken 7B).');
  });

  it('takes the nearest organisation that set a text, per language, and marks inherited ones', () => {
    const own = { web: { de: 'Eigener Webhinweis ({model})' } };
    const parent = { web: { de: 'Landesverband ({model})', en: 'State chapter ({model})' }, press: { en: 'Press ({model})' } };
    const templates = effectiveTemplates([own, parent]);
    expect(templates.web).toEqual({ de: 'Eigener Webhinweis ({model})', en: 'State chapter ({model})', inherited: { de: false, en: true } });
    expect(templates.press.de).toBe(defaultLabelTemplates.press.de);
    expect(templates.press.en).toBe('Press ({model})');
  });

  it('finds placeholders it does not know', () => {
    expect(unknownPlaceholders('KI: {model} am {datum} für {organisation}')).toEqual(['datum']);
    expect(unknownPlaceholders('{model} {date} {organisation}')).toEqual([]);
  });
});
