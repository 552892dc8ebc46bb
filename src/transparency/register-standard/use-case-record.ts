import { z } from 'zod';
import { riskClasses } from '../risk/risk-assessment.js';
import {
  affectedGroups,
  dataCategories,
  evaluationKinds,
  keysOf,
  policyAreas,
  useCaseStatuses,
} from './register-vocabulary.js';

/** Fields that are always published: the register entry makes no sense without them (OPEN-1, OPEN-2). */
export const alwaysPublicFields = [
  'id',
  'language',
  'name',
  'summary',
  'organisation',
  'status',
  'risk',
  'purpose',
  'impactful',
  'contact',
  'updatedAt',
] as const;

/** Fields the organisation publishes or keeps internal, one by one (`visibility`). */
export const configurableFields = [
  'department',
  'policyAreas',
  'affectedPeople',
  'models',
  'technicalDescription',
  'dataCategories',
  'dataDescription',
  'humanOversight',
  'fundamentalRightsImpact',
  'riskManagement',
  'legalBasis',
  'legalBasisLinks',
  'responsiblePerson',
  'startedOn',
  'retiredOn',
  'createdAt',
  'evaluations',
  'incidents',
  'publicPageUrl',
  'sourceCodeUrl',
  'processingRecordUrl',
] as const;

/** Never published, whatever `visibility` says. */
export const internalOnlyFields = ['internalNotes', 'visibility'] as const;

export type AlwaysPublicField = (typeof alwaysPublicFields)[number];
export type ConfigurableField = (typeof configurableFields)[number];
export type Visibility = 'public' | 'internal';

/** Incident links stay internal unless chosen otherwise; incidents have their own public flag. */
export const defaultVisibility: Record<ConfigurableField, Visibility> = {
  ...(Object.fromEntries(configurableFields.map((field) => [field, 'public'])) as Record<
    ConfigurableField,
    Visibility
  >),
  incidents: 'internal',
};

// Lengths follow the Algoritmeregister standard (name 100, short description 350, texts 2500), so
// the composed fields of toStandardShape() fit without cutting (see mapping.md).
const webUrl = z.url({ protocol: /^https?$/ }).max(500);
const prose = (max: number) => z.string().trim().max(max);
const link = z.object({ title: z.string().trim().min(1).max(100), url: webUrl });

export const useCaseRecordSchema = z.object({
  id: z.string().min(1).max(100),
  language: z.enum(['de', 'en']),
  name: z.string().trim().min(1).max(100),
  summary: z.string().trim().min(1).max(350),
  organisation: z.string().trim().min(1).max(100),
  department: z.string().trim().max(100).nullable(),
  policyAreas: z.array(z.enum(keysOf(policyAreas))).max(3),
  purpose: z.string().trim().min(1).max(1200),
  affectedPeople: z.object({ groups: z.array(z.enum(keysOf(affectedGroups))), description: prose(800) }),
  models: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        version: z.string().trim().max(50).nullable(),
        provider: z.string().trim().min(1).max(100),
      }),
    )
    .max(10),
  technicalDescription: prose(2000),
  dataCategories: z.array(z.enum(keysOf(dataCategories))),
  dataDescription: prose(1800),
  humanOversight: prose(2500),
  fundamentalRightsImpact: prose(2500),
  riskManagement: prose(2200),
  legalBasis: prose(2500),
  legalBasisLinks: z.array(link).max(20),
  responsiblePerson: z.object({ name: z.string().trim().min(1).max(100), role: z.string().trim().max(100) }),
  contact: z.union([z.email().max(500), webUrl]),
  status: z.enum(useCaseStatuses),
  risk: z
    .object({
      riskClass: z.enum(riskClasses),
      questionnaireVersion: z.string().min(1).max(20),
      assessedAt: z.iso.datetime({ offset: true }),
    })
    .nullable(),
  /** Has legal effects on people or classifies them (Handreiking Algoritmeregister, category B). */
  impactful: z.boolean(),
  startedOn: z.iso.date().nullable(),
  retiredOn: z.iso.date().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  evaluations: z.array(link.extend({ kind: z.enum(keysOf(evaluationKinds)) })).max(50),
  incidents: z.array(link).max(100),
  publicPageUrl: webUrl.nullable(),
  sourceCodeUrl: webUrl.nullable(),
  processingRecordUrl: webUrl.nullable(),
  internalNotes: prose(10_000),
  visibility: z.partialRecord(z.enum(configurableFields), z.enum(['public', 'internal'])),
});

/** One entry of the transparency register (OPEN-1), aligned with the Dutch Algoritmeregister standard. */
export type UseCaseRecord = z.infer<typeof useCaseRecordSchema>;
