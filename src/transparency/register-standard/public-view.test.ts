import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskClasses } from '../risk/risk-assessment.js';
import { toStandardShape } from './algoritmeregister.js';
import { buildUseCaseRecord } from './build-use-case-record.js';
import { toCsv, toPlainJson } from './plain-export.js';
import { isFieldPublic, publicView } from './public-view.js';
import { useCaseStatuses } from './register-vocabulary.js';
import {
  alwaysPublicFields,
  configurableFields,
  internalOnlyFields,
  useCaseRecordSchema,
  type ConfigurableField,
  type UseCaseRecord,
  type Visibility,
} from './use-case-record.js';

const mark = (field: string) => `MARK${field}X`;

/** A record whose every free-text field carries a marker naming the field, plus keys no schema knows. */
function markedRecord(
  visibility: UseCaseRecord['visibility'],
  noise = '',
  overrides: Partial<UseCaseRecord> = {},
) {
  const say = (field: string) => `${mark(field)} ${noise}`.trim();
  const record = buildUseCaseRecord({
    department: say('department').slice(0, 100),
    affectedPeople: { groups: ['members'], description: say('affectedPeople') },
    models: [{ name: say('models').slice(0, 100), version: null, provider: 'Anbieter' }],
    technicalDescription: say('technicalDescription'),
    dataDescription: say('dataDescription'),
    humanOversight: say('humanOversight'),
    fundamentalRightsImpact: say('fundamentalRightsImpact'),
    riskManagement: say('riskManagement'),
    legalBasis: say('legalBasis'),
    legalBasisLinks: [{ title: say('legalBasisLinks').slice(0, 100), url: 'https://example.org/law' }],
    responsiblePerson: { name: say('responsiblePerson').slice(0, 100), role: 'Leitung' },
    evaluations: [{ kind: 'fria', title: say('evaluations').slice(0, 100), url: 'https://example.org/fria' }],
    incidents: [{ title: say('incidents').slice(0, 100), url: `https://example.org/${mark('incidentUrl')}` }],
    publicPageUrl: `https://example.org/${mark('publicPageUrl')}`,
    sourceCodeUrl: `https://example.org/${mark('sourceCodeUrl')}`,
    processingRecordUrl: `https://example.org/${mark('processingRecordUrl')}`,
    internalNotes: say('internalNotes'),
    visibility,
    ...overrides,
  });
  // A database row may carry columns and nested keys the register knows nothing about.
  const models = record.models.map((model) => ({ ...model, apiKey: mark('nestedSecret') }));
  return { ...record, models, costCentre: mark('unknownColumn') } as UseCaseRecord;
}

const markedFields: ConfigurableField[] = configurableFields.filter(
  (field) => !['policyAreas', 'dataCategories', 'startedOn', 'retiredOn', 'createdAt'].includes(field),
);

function everyExport(record: UseCaseRecord): string {
  return [
    JSON.stringify(publicView(record)),
    JSON.stringify(toPlainJson(record)),
    JSON.stringify(toStandardShape(record)),
    toCsv([record]),
  ].join('\n');
}

function assertNothingInternalLeaks(record: UseCaseRecord) {
  const view = publicView(record);
  const allowed = new Set<string>([...alwaysPublicFields, ...configurableFields]);
  for (const key of Object.keys(view)) expect(allowed.has(key), key).toBe(true);
  for (const field of configurableFields) expect(field in view, field).toBe(isFieldPublic(record, field));
  const output = everyExport(record);
  for (const secret of ['internalNotes', 'nestedSecret', 'unknownColumn'])
    expect(output).not.toContain(mark(secret));
  for (const field of markedFields.filter((candidate) => !isFieldPublic(record, candidate))) {
    expect(output, field).not.toContain(mark(field));
  }
  if (!isFieldPublic(record, 'incidents')) expect(output).not.toContain(mark('incidentUrl'));
}

describe('publicView', () => {
  it('classifies every record field exactly once', () => {
    const classified = [...alwaysPublicFields, ...configurableFields, ...internalOnlyFields];
    expect(new Set(classified).size).toBe(classified.length);
    expect([...classified].sort()).toEqual(Object.keys(useCaseRecordSchema.shape).sort());
  });

  it.each(configurableFields)(
    '%s: absent from every export when internal, present in the view when public',
    (field) => {
      const hidden = markedRecord({ [field]: 'internal' });
      assertNothingInternalLeaks(hidden);
      expect(publicView(hidden)).not.toHaveProperty(field);
      expect(publicView(markedRecord({ [field]: 'public' }))).toHaveProperty(field);
    },
  );

  it('keeps incident links internal by default and publishes the other fields by default', () => {
    const view = publicView(markedRecord({}));
    expect(view).not.toHaveProperty('incidents');
    expect(view.humanOversight).toContain(mark('humanOversight'));
    expect(view).not.toHaveProperty('internalNotes');
    expect(view).not.toHaveProperty('visibility');
  });

  it('never lets an internal field out, for any record and any visibility (property)', () => {
    const visibilityArbitrary = fc
      .array(fc.constantFrom<Visibility | 'default'>('public', 'internal', 'default'), {
        minLength: configurableFields.length,
        maxLength: configurableFields.length,
      })
      .map((choices) => {
        const visibility: Partial<Record<ConfigurableField, Visibility>> = {};
        configurableFields.forEach((field, index) => {
          const choice = choices[index];
          if (choice && choice !== 'default') visibility[field] = choice;
        });
        return visibility;
      });
    fc.assert(
      fc.property(
        visibilityArbitrary,
        fc.string({ maxLength: 40 }),
        fc.constantFrom(...useCaseStatuses),
        fc.option(fc.constantFrom(...riskClasses), { nil: null }),
        fc.constantFrom<'de' | 'en'>('de', 'en'),
        (visibility, noise, status, riskClass, language) => {
          const risk = riskClass && {
            riskClass,
            questionnaireVersion: '1.0.0',
            assessedAt: '2026-05-01T12:00:00+02:00',
          };
          assertNothingInternalLeaks(markedRecord(visibility, noise, { status, risk, language }));
        },
      ),
      { numRuns: 300 },
    );
  });
});
