import type { UsageSummary } from '../gateway/usage-summary.js';
import type { Caller } from '../identity/principal.js';
import { createAssessmentService } from './assessment-service.js';
import { createParticipationService } from './participation-service.js';
import { createPublicRegister } from './public-register.js';
import type { RegistryReadSide } from './public-models.js';
import { toCsv, toPlainJson, type UseCaseRecord } from './register-standard/index.js';
import { createReportService } from './report/report-service.js';
import { emptyDisclosureSource, emptyIncidentSource, type CampaignDisclosureSource, type PublicIncidentSource } from './sources.js';
import type { TransparencyDeps } from './transparency-deps.js';
import { createUseCaseService } from './use-case-service.js';

export type TransparencyServiceDeps = TransparencyDeps & {
  registry: RegistryReadSide;
  usage: UsageSummary;
  /** The accountability module's public incidents and complaint figures (empty until it is connected). */
  incidents?: PublicIncidentSource | undefined;
  /** The provenance module's campaign disclosures (empty until it is connected). */
  disclosures?: CampaignDisclosureSource | undefined;
};

/**
 * The transparency register (OPEN-1, 2, 5, 6): entries, the AI-Act wizard, participation, public pages
 * and the yearly report. Other modules (workflows) link to entries through `createUseCase`/`getUseCase`.
 */
export function createTransparencyService(deps: TransparencyServiceDeps) {
  const incidents = deps.incidents ?? emptyIncidentSource;
  const disclosures = deps.disclosures ?? emptyDisclosureSource;
  const useCases = createUseCaseService(deps);
  const assessments = createAssessmentService(deps);
  const participation = createParticipationService(deps);
  const publicRegister = createPublicRegister({ ...deps, participation, incidents, disclosures });
  const reports = createReportService({ ...deps, publicRegister, incidents });

  return {
    ...useCases,
    assessments,
    participation,
    publicRegister,
    reports,

    /** Every field, for signed-in staff of the organisation (the public exports go through `publicRegister`). */
    async exportInternal(caller: Caller, orgId: string, format: 'json' | 'csv'): Promise<string | UseCaseRecord[]> {
      const records: UseCaseRecord[] = (await useCases.listUseCases(caller, orgId)).map((detail) => toPlainJson(detail, { scope: 'internal' }) as UseCaseRecord);
      return format === 'csv' ? toCsv(records, { scope: 'internal' }) : records;
    },
  };
}

export type TransparencyService = ReturnType<typeof createTransparencyService>;
