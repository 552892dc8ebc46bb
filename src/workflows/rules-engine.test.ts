import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIcs, berlinToUtc } from './agent/effects.js';
import { normaliseInput, readCsv } from './form-input.js';
import { applyLogic, logicProblems } from './json-logic.js';
import { DefinitionError, parseDefinition, shippedDefinitionsDir } from './load-definitions.js';
import { renderTemplate } from './template.js';
import { parse as parseYaml, stringify as toYaml } from 'yaml';

describe('JSON Logic with the added operations', () => {
  it.each([
    [{ days_between: ['2026-01-01', '2026-03-01'] }, 59],
    [{ days_between: ['2026-03-01', '2026-01-01'] }, -59],
    [{ days_between: ['2026-03-01', null] }, null],
    [{ days_between: ['01.03.2026', '2026-03-02'] }, null],
    [{ add_days: ['2026-11-21', -42] }, '2026-10-10'],
    [{ add_days: ['2024-02-28', 1] }, '2024-02-29'],
    [{ length: 'Straße' }, 6],
    [{ length: [{ var: 'list' }] }, 3],
    [{ length: null }, 0],
    [{ words: '  Ein Zeltlager  für die Jugend ' }, 5],
    [{ round: [2.345, 2] }, 2.35],
    [{ round: [-2.5] }, -3],
    [{ floor: [500.75] }, 500],
    [{ floor: [0.1 * 3 * 10] }, 3],
  ])('%j = %j', (logic, expected) => {
    expect(applyLogic(logic, { list: [1, 2, 3] })).toEqual(expected);
  });

  it('reports unknown operations and variables that name nothing', () => {
    const scope = { input: new Set(['betrag']), params: new Set(['grenze']) };
    expect(logicProblems({ '>=': [{ var: 'input.betrag' }, { var: 'params.grenze' }] }, scope, 'r')).toEqual(
      [],
    );
    expect(logicProblems({ '>=': [{ var: 'input.betrg' }, 1] }, scope, 'r')).toEqual([
      'r: "input.betrg" names nothing (known under input: betrag)',
    ]);
    expect(logicProblems({ between: [1, 2, 3] }, scope, 'r')).toEqual(['r: unknown operation "between"']);
    expect(logicProblems({ var: 'secret' }, scope, 'r')[0]).toContain('reads outside');
    // Inside map/filter/some, `var` refers to the current element.
    expect(logicProblems({ some: [{ var: 'input.betrag' }, { '>': [{ var: '' }, 1] }] }, scope, 'r')).toEqual(
      [],
    );
  });
});

describe('definition validation', () => {
  const source = readFileSync(path.join(shippedDefinitionsDir, 'parteitag-antrag.yaml'), 'utf8');
  const variant = (change: (definition: Record<string, unknown>) => void) => {
    const definition = parseYaml(source) as Record<string, unknown>;
    change(definition);
    return () => parseDefinition(toYaml(definition), 'test.yaml');
  };
  const problems = (attempt: () => unknown) => {
    try {
      attempt();
    } catch (error) {
      if (error instanceof DefinitionError) return error.problems;
      throw error;
    }
    return [];
  };
  type Rules = { id: string; check: unknown; fail: { de: string } }[];

  it('hashes the parsed content, not the formatting', () => {
    const a = parseDefinition(source, 'a');
    const b = parseDefinition(`# a comment\n${source}\n\n`, 'b');
    expect(a.hash).toBe(b.hash);
    expect(problems(variant((definition) => (definition.version = 2)))).toEqual([]);
    expect(variant((definition) => (definition.version = 2))().hash).not.toBe(a.hash);
  });

  it('refuses a misspelt field in a rule', () => {
    expect(
      problems(variant((definition) => ((definition.rules as Rules)[0]!.check = { var: 'input.eingangg' }))),
    ).toEqual([expect.stringContaining('rules.frist_eingehalten.check: "input.eingangg" names nothing')]);
  });

  it('refuses an unknown placeholder and a malformed one', () => {
    expect(
      problems(
        variant(
          (definition) =>
            ((definition.rules as Rules)[0]!.fail.de =
              'Frist {{params.frist}} und {{ input.eingang | euro }}'),
        ),
      ),
    ).toEqual([
      'rules.frist_eingehalten.fail.de: malformed placeholder {{ input.eingang | euro }}',
      'rules.frist_eingehalten.fail.de: {{params.frist}} names nothing',
    ]);
  });

  it('needs exactly one fallback outcome, last', () => {
    expect(problems(variant((definition) => (definition.outcomes as unknown[]).reverse()))).toEqual([
      'outcomes.zulaessig: only the last outcome may omit "when"',
      'outcomes.nicht_zulaessig: the last outcome is the fallback and has no "when"',
    ]);
  });

  it('cannot declare a prohibited practice', () => {
    expect(
      problems(
        variant((definition) => ((definition.useCase as { riskClass: string }).riskClass = 'prohibited')),
      )[0],
    ).toContain('useCase.riskClass');
  });
});

describe('form input', () => {
  const definition = parseDefinition(
    readFileSync(path.join(shippedDefinitionsDir, 'vereinsfoerderung.yaml'), 'utf8'),
    'v',
  ).definition;

  it('types values and leaves empty answers out', () => {
    const { input, issues } = normaliseInput(definition, {
      verein_name: '  TSV  ',
      antrag_eingang: '02.03.2026',
      kontakt_email: 'info@tsv.example',
      gesamtkosten: '1.234,50',
      mitglieder_gesamt: '120',
      gemeinnuetzig: 'ja',
      vorhaben_art: 'Jugendarbeit',
      anlagen: 'satzung; kostenplan',
      vereinsregister: '',
    });
    expect(issues).toEqual([]);
    expect(input).toEqual({
      verein_name: 'TSV',
      antrag_eingang: '2026-03-02',
      kontakt_email: 'info@tsv.example',
      gesamtkosten: 1234.5,
      mitglieder_gesamt: 120,
      gemeinnuetzig: true,
      vorhaben_art: 'jugendarbeit',
      anlagen: ['satzung', 'kostenplan'],
    });
  });

  it('names every wrong field in German and English', () => {
    const { issues } = normaliseInput(definition, {
      antrag_eingang: '31.02.2026',
      kontakt_email: 'kein-at',
      mitglieder_gesamt: 12.5,
      vorhaben_art: 'party',
      hacked: true,
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'input.antrag_eingang',
      'input.hacked',
      'input.kontakt_email',
      'input.mitglieder_gesamt',
      'input.verein_name',
      'input.vorhaben_art',
    ]);
    expect(issues.find((issue) => issue.path === 'input.mitglieder_gesamt')!.message).toEqual({
      de: 'Bitte eine ganze Zahl angeben.',
      en: 'Enter a whole number.',
    });
  });

  it('reads a semicolon CSV with field names or German labels as header', () => {
    const csv =
      '\uFEFFName des Vereins;antrag_eingang;kontakt_email;gesamtkosten\n"Chor ""Harmonie""";01.03.2026;chor@example.org;"2.500,00"\n\nSchach;2026-03-02;schach@example.org;900\n';
    const { rows, headerIssues } = readCsv(definition, csv);
    expect(headerIssues).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        raw: {
          verein_name: 'Chor "Harmonie"',
          antrag_eingang: '01.03.2026',
          kontakt_email: 'chor@example.org',
          gesamtkosten: '2.500,00',
        },
      },
      {
        line: 3,
        raw: {
          verein_name: 'Schach',
          antrag_eingang: '2026-03-02',
          kontakt_email: 'schach@example.org',
          gesamtkosten: '900',
        },
      },
    ]);
    expect(readCsv(definition, 'verein_name,unbekannt\nx,y\n').headerIssues).toEqual(['unbekannt']);
  });
});

describe('templates and calendar files', () => {
  it('fills placeholders with formats per language and never renders inserted text again', () => {
    const data = { input: { betrag: 1234.5, datum: '2026-03-02', name: '{{input.betrag}}' } };
    expect(
      renderTemplate(
        '{{input.betrag|eur}} am {{input.datum|date}} von {{input.name}}, {{input.fehlt}}',
        data,
        'de',
      ),
    ).toBe('1.234,50\u00a0€ am 02.03.2026 von {{input.betrag}}, –');
    expect(renderTemplate('{{ input.betrag | eur }}', data, 'en')).toBe('€1,234.50');
  });

  it('converts German local time to UTC across daylight saving time', () => {
    expect(berlinToUtc('2026-07-01T10:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(berlinToUtc('2026-12-01T10:00').toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('writes an RFC 5545 event with escaped text and folded lines', () => {
    const ics = buildIcs({
      uid: 'abc@leitplanke',
      stamp: new Date('2026-03-02T12:00:00Z'),
      title: 'Übergabe; Bescheid, TSV',
      start: '2026-04-10T16:00',
      end: '2026-04-10T17:00',
      description: 'x'.repeat(100),
    });
    expect(ics).toContain('DTSTART:20260410T140000Z\r\n');
    expect(ics).toContain('SUMMARY:Übergabe\\; Bescheid\\, TSV\r\n');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics).toContain('\r\n x');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0')).toBe(true);
  });
});
