import { z } from 'zod';
import { useCaseRecordSchema, useCaseStatuses } from './register-standard/index.js';

const ids = z.array(z.string().trim().min(1).max(100)).max(100);

/** What people enter; id, organisation, status, risk and timestamps are the service's business. */
const editable = useCaseRecordSchema
  .pick({
    language: true,
    name: true,
    summary: true,
    department: true,
    policyAreas: true,
    purpose: true,
    affectedPeople: true,
    models: true,
    technicalDescription: true,
    dataCategories: true,
    dataDescription: true,
    humanOversight: true,
    fundamentalRightsImpact: true,
    riskManagement: true,
    legalBasis: true,
    legalBasisLinks: true,
    responsiblePerson: true,
    contact: true,
    impactful: true,
    startedOn: true,
    retiredOn: true,
    evaluations: true,
    incidents: true,
    publicPageUrl: true,
    sourceCodeUrl: true,
    processingRecordUrl: true,
    internalNotes: true,
    visibility: true,
  })
  .extend({
    /** Ids of evaluation runs and of incidents in the accountability module. */
    evaluationIds: ids,
    incidentIds: ids,
    published: z.boolean(),
  });

export const createUseCaseSchema = editable
  .partial()
  .required({ name: true, summary: true, purpose: true, contact: true, responsiblePerson: true });
export type CreateUseCaseInput = z.infer<typeof createUseCaseSchema>;

export const updateUseCaseSchema = editable.partial().extend({ expectedVersion: z.number().int().positive().optional() });
export type UpdateUseCaseInput = z.infer<typeof updateUseCaseSchema>;

export const statusChangeSchema = z.object({
  status: z.enum(useCaseStatuses),
  expectedVersion: z.number().int().positive().optional(),
});
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

/** Values for everything a new entry leaves out. */
export const useCaseDefaults = {
  language: 'de',
  department: null,
  policyAreas: [],
  affectedPeople: { groups: [], description: '' },
  models: [],
  technicalDescription: '',
  dataCategories: [],
  dataDescription: '',
  humanOversight: '',
  fundamentalRightsImpact: '',
  riskManagement: '',
  legalBasis: '',
  legalBasisLinks: [],
  impactful: false,
  startedOn: null,
  retiredOn: null,
  evaluations: [],
  incidents: [],
  evaluationIds: [],
  incidentIds: [],
  publicPageUrl: null,
  sourceCodeUrl: null,
  processingRecordUrl: null,
  internalNotes: '',
  visibility: {},
  published: false,
} as const satisfies Partial<z.infer<typeof editable>>;
