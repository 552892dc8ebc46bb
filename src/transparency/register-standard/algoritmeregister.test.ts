import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toStandardShape } from './algoritmeregister.js';
import { buildUseCaseRecord } from './build-use-case-record.js';
import { affectedGroups, dataCategories, useCaseStatuses } from './register-vocabulary.js';
import type { UseCaseRecord } from './use-case-record.js';

describe('toStandardShape (Algoritmeregister 1.0.0)', () => {
  it('maps a register entry field by field', () => {
    const shape = toStandardShape(buildUseCaseRecord(), {
      sourceUrl: 'https://ki.musterstadt.example/register/uc-antragsassistent',
    });
    expect(shape).toMatchObject({
      name: 'Antragsassistent Wohngeld',
      organization: 'Stadt Musterstadt',
      category: ['Sociale zekerheid', 'Wonen'],
      status: 'In gebruik',
      begin_date: '2026-04',
      end_date: null,
      contact_email: 'ki-register@musterstadt.example',
      website: 'https://musterstadt.example/ki/antragsassistent',
      publication_category: 'Overige algoritmes',
      url: 'https://ki.musterstadt.example/register/uc-antragsassistent',
      human_intervention: 'Sachbearbeitende prüfen jeden Entwurf, bevor er versandt wird.',
      lawful_basis: 'Wohngeldgesetz',
      lawful_basis_grouping: [
        { title: 'Wohngeldgesetz (WoGG)', link: 'https://www.gesetze-im-internet.de/wogg/' },
      ],
      impacttoetsen_grouping: [
        { title: 'DSFA Antragsassistent', link: 'https://musterstadt.example/dsfa.pdf' },
      ],
      provider: 'Meta (lokal betrieben)',
      lang: 'deu',
      standard_version: '1.0.0',
      source_id: 'uc-antragsassistent',
      tags: 'Amt für Soziales, Soziale Sicherung, Wohnen',
    });
    expect(shape.goal).toBe(
      'Antragstellende sollen schneller wissen, welche Unterlagen fehlen.\n\nBetroffene: Bürgerinnen und Bürger, Antragstellende und Bewerbende. Alle, die Wohngeld beantragen.',
    );
    expect(shape.risks).toMatch(
      /^Risikoklasse nach KI-Verordnung: Begrenztes Risiko \(Transparenzpflichten\) \(Fragebogen 1\.0\.0, 2026-03-01\)\n\nMonatliche/,
    );
    expect(shape.methods_and_models).toBe(
      '- Llama 3.3 70B Instruct (Meta (lokal betrieben))\n\nRegelprüfung der Angaben, danach ein Textentwurf durch ein Sprachmodell.',
    );
    expect(shape.source_data).toBe('Personenbezogene Daten\n\nAngaben aus dem Antragsformular.');
  });

  it.each([
    ['planned', 'In ontwikkeling'],
    ['pilot', 'In gebruik'],
    ['in_use', 'In gebruik'],
    ['retired', 'Buiten gebruik'],
  ] as const)('maps status %s to "%s"', (status, dutch) => {
    expect(toStandardShape(buildUseCaseRecord({ status })).status).toBe(dutch);
  });

  it.each([
    [
      { risk: { riskClass: 'high', questionnaireVersion: '1.0.0', assessedAt: '2026-01-01T00:00:00Z' } },
      'Hoog-risico AI-systeem',
    ],
    [{ impactful: true }, 'Impactvolle algoritmes'],
    [{ impactful: false, risk: null }, 'Overige algoritmes'],
  ] as [Partial<UseCaseRecord>, string][])(
    'derives the publication category from %j',
    (overrides, category) => {
      expect(toStandardShape(buildUseCaseRecord(overrides)).publication_category).toBe(category);
    },
  );

  it('writes English records with the English labels and ISO 639-3 code', () => {
    const shape = toStandardShape(buildUseCaseRecord({ language: 'en', risk: null }));
    expect(shape.lang).toBe('eng');
    expect(shape.risks).toMatch(/^Risk class under the AI Act: not yet assessed/);
  });

  it('drops the Leitplanke-only policy area, which has no Dutch theme', () => {
    const shape = toStandardShape(buildUseCaseRecord({ policyAreas: ['politics-participation', 'work'] }));
    expect(shape.category).toEqual(['Werk']);
    expect(shape.tags).toContain('Politik und Beteiligung');
  });

  it('sends null, not internal data, for fields kept internal', () => {
    const shape = toStandardShape(
      buildUseCaseRecord({
        visibility: {
          humanOversight: 'internal',
          models: 'internal',
          startedOn: 'internal',
          department: 'internal',
        },
      }),
    );
    expect(shape.human_intervention).toBeNull();
    expect(shape.provider).toBeNull();
    expect(shape.begin_date).toBeNull();
    expect(shape.tags).toBe('Soziale Sicherung, Wohnen');
  });

  it("stays within the standard's field lengths for records at our maximum lengths (property)", () => {
    const longText = (max: number) =>
      fc.string({ minLength: max - 5, maxLength: max }).map((value) => `x${value}`.slice(0, max));
    const fullRecord = fc
      .record({
        purpose: longText(1200),
        affected: longText(800),
        riskManagement: longText(2200),
        dataDescription: longText(1800),
        technicalDescription: longText(2000),
        provider: longText(100),
        status: fc.constantFrom(...useCaseStatuses),
      })
      .map((drawn) =>
        buildUseCaseRecord({
          purpose: drawn.purpose,
          status: drawn.status,
          affectedPeople: {
            groups: Object.keys(affectedGroups) as UseCaseRecord['affectedPeople']['groups'],
            description: drawn.affected,
          },
          riskManagement: drawn.riskManagement,
          dataCategories: Object.keys(dataCategories) as UseCaseRecord['dataCategories'],
          dataDescription: drawn.dataDescription,
          technicalDescription: drawn.technicalDescription,
          models: Array.from({ length: 10 }, (_, index) => ({
            name: `Modell ${index}`.padEnd(100, 'm'),
            version: 'v'.repeat(50),
            provider: `${index}${drawn.provider}`.slice(0, 100),
          })),
        }),
      );
    fc.assert(
      fc.property(fullRecord, (record) => {
        const shape = toStandardShape(record);
        expect(shape.name.length).toBeLessThanOrEqual(100);
        expect(shape.description_short.length).toBeLessThanOrEqual(350);
        expect(shape.organization.length).toBeLessThanOrEqual(100);
        for (const value of [
          shape.goal,
          shape.risks,
          shape.source_data,
          shape.proportionality,
          shape.human_intervention,
        ]) {
          expect(value?.length ?? 0).toBeLessThanOrEqual(2500);
        }
        expect(shape.goal).toContain(record.purpose);
        expect(shape.source_data).toContain(record.dataDescription);
        expect(shape.methods_and_models?.length ?? 0).toBeLessThanOrEqual(5000);
        expect(shape.methods_and_models).toContain(record.technicalDescription);
        expect(shape.provider?.length ?? 0).toBeLessThanOrEqual(200);
      }),
      { numRuns: 50 },
    );
  });
});
