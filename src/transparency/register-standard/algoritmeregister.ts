import { text, type Text } from '../../core/l10n.js';
import { riskClassLabels } from '../risk/risk-assessment.js';
import { publicView, type PublicUseCaseRecord } from './public-view.js';
import { affectedGroups, dataCategories, policyAreas, type UseCaseStatus } from './register-vocabulary.js';
import type { UseCaseRecord } from './use-case-record.js';

/** The standard this module exports to; see mapping.md for the field-by-field mapping. */
export const algoritmeregisterStandard = {
  name: 'Algoritmeregister Publicatiestandaard',
  documentVersion: '1.0.9',
  standardVersion: '1.0.0',
  url: 'https://regels.overheid.nl/publicaties/algoritmeregister-publicatiestandaard/',
} as const;

type Link = { title: string; link: string };

/** One registration in the JSON shape of the Dutch algorithm register, standard version 1.0.0. */
export type AlgoritmeregisterRecord = {
  name: string;
  description_short: string;
  organization: string;
  category: string[];
  status: 'In ontwikkeling' | 'In gebruik' | 'Buiten gebruik';
  begin_date: string | null;
  end_date: string | null;
  contact_email: string;
  website: string | null;
  publication_category: 'Hoog-risico AI-systeem' | 'Impactvolle algoritmes' | 'Overige algoritmes';
  url: string | null;
  goal: string | null;
  proportionality: string | null;
  human_intervention: string | null;
  risks: string | null;
  lawful_basis: string | null;
  lawful_basis_grouping: Link[];
  process_index_url: string | null;
  impacttoetsen: string | null;
  impacttoetsen_grouping: Link[];
  source_data: string | null;
  source_data_grouping: Link[];
  methods_and_models: string | null;
  provider: string | null;
  publiccode: string | null;
  lang: 'deu' | 'eng';
  standard_version: '1.0.0';
  source_id: string;
  tags: string | null;
};

const dutchStatus: Record<UseCaseStatus, AlgoritmeregisterRecord['status']> = {
  planned: 'In ontwikkeling',
  // A pilot already affects real people; the standard says to choose "In gebruik" when in doubt.
  pilot: 'In gebruik',
  in_use: 'In gebruik',
  retired: 'Buiten gebruik',
};

const headings = {
  affected: text('Betroffene', 'People affected'),
  aiAct: text('Risikoklasse nach KI-Verordnung', 'Risk class under the AI Act'),
  questionnaire: text('Fragebogen', 'questionnaire'),
  notAssessed: text(
    'Risikoklasse nach KI-Verordnung: noch nicht bewertet',
    'Risk class under the AI Act: not yet assessed',
  ),
};

/** The standard's maximum lengths; our own limits keep composed fields below them (mapping.md). */
const maxLength = { text: 2500, methods: 5000, provider: 200 };

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function filled(...parts: (string | undefined | null)[]): string | null {
  const text = parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join('\n\n');
  return text === '' ? null : text;
}

function compose(view: PublicUseCaseRecord) {
  const say = (value: Text) => value[view.language];
  const groups = view.affectedPeople?.groups.map((group) => say(affectedGroups[group])).join(', ');
  const affected = [groups, view.affectedPeople?.description].filter(Boolean).join('. ');
  const risk = view.risk
    ? `${say(headings.aiAct)}: ${say(riskClassLabels[view.risk.riskClass])} (${say(headings.questionnaire)} ${view.risk.questionnaireVersion}, ${view.risk.assessedAt.slice(0, 10)})`
    : say(headings.notAssessed);
  const models = view.models?.map(
    (model) => `- ${[model.name, model.version].filter(Boolean).join(' ')} (${model.provider})`,
  );
  return {
    goal: filled(view.purpose, affected && `${say(headings.affected)}: ${affected}`),
    risks: filled(risk, view.riskManagement),
    sourceData: filled(
      view.dataCategories?.map((category) => say(dataCategories[category])).join('; '),
      view.dataDescription,
    ),
    methods: filled(models?.join('\n'), view.technicalDescription),
    providers: [...new Set(view.models?.map((model) => model.provider))].join(', '),
    tags: [view.department, ...(view.policyAreas ?? []).map((area) => say(policyAreas[area].label))]
      .filter(Boolean)
      .join(', '),
  };
}

const links = (items: { title: string; url: string }[] | undefined): Link[] =>
  (items ?? []).map((item) => ({ title: item.title, link: item.url }));

/** Exports the public fields of a record in the Algoritmeregister shape; internal fields never reach it. */
export function toStandardShape(
  record: UseCaseRecord,
  options: { sourceUrl?: string } = {},
): AlgoritmeregisterRecord {
  const view = publicView(record);
  const composed = compose(view);
  const optional = (value: string | null | undefined, max = maxLength.text) =>
    value ? clip(value, max) : null;
  return {
    name: view.name,
    description_short: view.summary,
    organization: view.organisation,
    category: (view.policyAreas ?? []).flatMap((area) => policyAreas[area].dutch ?? []),
    status: dutchStatus[view.status],
    begin_date: view.startedOn?.slice(0, 7) ?? null,
    end_date: view.retiredOn?.slice(0, 7) ?? null,
    contact_email: view.contact,
    website: view.publicPageUrl ?? null,
    publication_category:
      view.risk?.riskClass === 'high'
        ? 'Hoog-risico AI-systeem'
        : view.impactful
          ? 'Impactvolle algoritmes'
          : 'Overige algoritmes',
    url: options.sourceUrl ?? null,
    goal: optional(composed.goal),
    proportionality: optional(view.fundamentalRightsImpact),
    human_intervention: optional(view.humanOversight),
    risks: optional(composed.risks),
    lawful_basis: optional(view.legalBasis),
    lawful_basis_grouping: links(view.legalBasisLinks),
    process_index_url: view.processingRecordUrl ?? null,
    impacttoetsen: null,
    impacttoetsen_grouping: links(view.evaluations),
    source_data: optional(composed.sourceData),
    source_data_grouping: [],
    methods_and_models: optional(composed.methods, maxLength.methods),
    provider: optional(composed.providers, maxLength.provider),
    publiccode: view.sourceCodeUrl ?? null,
    lang: view.language === 'de' ? 'deu' : 'eng',
    standard_version: algoritmeregisterStandard.standardVersion,
    source_id: view.id,
    tags: optional(composed.tags),
  };
}
