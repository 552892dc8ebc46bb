import { useTranslation } from 'react-i18next';
import { useResource } from '../../api/use-resource';

export type Text = { de: string; en: string };
export type Link = { title: string; url: string };
export type UseCaseStatus = 'planned' | 'pilot' | 'in_use' | 'retired';
export const useCaseStatuses: UseCaseStatus[] = ['planned', 'pilot', 'in_use', 'retired'];
export const riskClasses = ['prohibited', 'high', 'limited', 'minimal'] as const;

/** A register entry as the public sees it: optional fields are those the organisation may keep internal. */
export type PublicEntry = {
  id: string;
  language: 'de' | 'en';
  name: string;
  summary: string;
  organisation: string;
  status: UseCaseStatus;
  risk: { riskClass: string; questionnaireVersion: string; assessedAt: string } | null;
  purpose: string;
  impactful: boolean;
  contact: string;
  updatedAt: string;
  department?: string | null;
  policyAreas?: string[];
  affectedPeople?: { groups: string[]; description: string };
  models?: { name: string; version: string | null; provider: string }[];
  technicalDescription?: string;
  dataCategories?: string[];
  dataDescription?: string;
  humanOversight?: string;
  fundamentalRightsImpact?: string;
  riskManagement?: string;
  legalBasis?: string;
  legalBasisLinks?: Link[];
  responsiblePerson?: { name: string; role: string };
  startedOn?: string | null;
  retiredOn?: string | null;
  createdAt?: string;
  evaluations?: (Link & { kind: string })[];
  incidents?: Link[];
  publicPageUrl?: string | null;
  sourceCodeUrl?: string | null;
  processingRecordUrl?: string | null;
};

/** The whole record plus bookkeeping, for signed-in staff. */
export type UseCaseDetail = Required<PublicEntry> & {
  orgId: string;
  published: boolean;
  evaluationIds: string[];
  incidentIds: string[];
  blocksGoLive: boolean;
  riskVersion: number | null;
  version: number;
  internalNotes: string;
  visibility: Record<string, 'public' | 'internal'>;
};

export type Reason = { article: string; text: Text };
export type Obligation = { id: string; article: string; addressee: string; text: Text };
export type Assessment = {
  riskClass: string;
  highRiskBasis: string[];
  transparencyObligations: string[];
  reasons: Reason[];
  obligations: Obligation[];
  blocksGoLive?: boolean;
  blockReasons?: { code: string; article: string; text: Text }[];
};

export type PublicIncident = {
  id: string;
  title: Text;
  summary: Text;
  occurredOn: string | null;
  publishedAt: string;
  status: 'open' | 'corrected' | 'closed';
  correction: Text | null;
  lessonsLearned: Text | null;
  useCaseIds: string[];
};

export type Vocabulary = {
  statuses: Record<UseCaseStatus, Text>;
  riskClasses: Record<string, Text>;
  policyAreas: Record<string, Text>;
  affectedGroups: Record<string, Text>;
  dataCategories: Record<string, Text>;
  evaluationKinds: Record<string, Text>;
  configurableFields: string[];
};

/** Picks the German or English text of a server-side label. */
export function useSay() {
  const { i18n } = useTranslation();
  return (value: Text | undefined | null) => (value ? (i18n.language === 'en' ? value.en : value.de) : '');
}

export function useVocabulary() {
  return useResource<Vocabulary>('/api/public/transparency/vocabulary').data;
}
