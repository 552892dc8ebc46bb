import type { OrgTree } from '../identity/org-directory.js';
import type { RiskClass } from './risk/index.js';
import type { UseCaseRecord, UseCaseStatus } from './register-standard/index.js';
import type { transparencyUseCases } from './schema.js';

export type UseCaseRow = typeof transparencyUseCases.$inferSelect;

/** What signed-in staff see: the whole register record plus the bookkeeping around it. */
export type UseCaseDetail = UseCaseRecord & {
  orgId: string;
  published: boolean;
  evaluationIds: string[];
  incidentIds: string[];
  blocksGoLive: boolean;
  riskVersion: number | null;
  version: number;
  createdBy: string;
};

export const isLive = (status: string): boolean => status === 'pilot' || status === 'in_use';

function organisationName(tree: OrgTree, orgId: string): string {
  const name = tree.byId.get(orgId)?.name ?? orgId;
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`;
}

/** The row as a register record (`UseCaseRecord`); the database holds only what the input schema let in. */
export function toRecord(row: UseCaseRow, tree: OrgTree): UseCaseRecord {
  return {
    id: row.id,
    language: row.language as UseCaseRecord['language'],
    name: row.name,
    summary: row.summary,
    organisation: organisationName(tree, row.orgId),
    department: row.department,
    policyAreas: row.policyAreas as UseCaseRecord['policyAreas'],
    purpose: row.purpose,
    affectedPeople: row.affectedPeople as UseCaseRecord['affectedPeople'],
    models: row.models,
    technicalDescription: row.technicalDescription,
    dataCategories: row.dataCategories as UseCaseRecord['dataCategories'],
    dataDescription: row.dataDescription,
    humanOversight: row.humanOversight,
    fundamentalRightsImpact: row.fundamentalRightsImpact,
    riskManagement: row.riskManagement,
    legalBasis: row.legalBasis,
    legalBasisLinks: row.legalBasisLinks,
    responsiblePerson: row.responsiblePerson,
    contact: row.contact,
    status: row.status as UseCaseStatus,
    risk:
      row.riskClass && row.assessedAt
        ? {
            riskClass: row.riskClass as RiskClass,
            questionnaireVersion: row.questionnaireVersion ?? '',
            assessedAt: row.assessedAt.toISOString(),
          }
        : null,
    impactful: row.impactful,
    startedOn: row.startedOn,
    retiredOn: row.retiredOn,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    evaluations: row.evaluations as UseCaseRecord['evaluations'],
    incidents: row.incidents,
    publicPageUrl: row.publicPageUrl,
    sourceCodeUrl: row.sourceCodeUrl,
    processingRecordUrl: row.processingRecordUrl,
    internalNotes: row.internalNotes,
    visibility: row.visibility,
  };
}

export function toDetail(row: UseCaseRow, tree: OrgTree): UseCaseDetail {
  return {
    ...toRecord(row, tree),
    orgId: row.orgId,
    published: row.published,
    evaluationIds: row.evaluationIds,
    incidentIds: row.incidentIds,
    blocksGoLive: row.blocksGoLive,
    riskVersion: row.riskVersion,
    version: row.version,
    createdBy: row.createdBy,
  };
}
