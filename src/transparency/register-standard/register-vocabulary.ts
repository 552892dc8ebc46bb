import { text, type Text } from '../../core/l10n.js';

export const useCaseStatuses = ['planned', 'pilot', 'in_use', 'retired'] as const;
export type UseCaseStatus = (typeof useCaseStatuses)[number];

export const statusLabels: Record<UseCaseStatus, Text> = {
  planned: text('Geplant', 'Planned'),
  pilot: text('Pilotbetrieb', 'Pilot'),
  in_use: text('Im Einsatz', 'In use'),
  retired: text('Außer Betrieb', 'Retired'),
};

/**
 * Policy areas: the Dutch "Thema-indeling voor Officiële Publicaties" list the Algoritmeregister uses,
 * plus one Leitplanke extension for parties (`dutch: null`, left out of that export).
 */
export const policyAreas = {
  'organisation-administration': {
    dutch: 'Organisatie en bedrijfsvoering',
    label: text('Organisation und Verwaltung', 'Organisation and operations'),
  },
  'culture-recreation': {
    dutch: 'Cultuur en recreatie',
    label: text('Kultur und Freizeit', 'Culture and recreation'),
  },
  economy: { dutch: 'Economie', label: text('Wirtschaft', 'Economy') },
  'public-finance': { dutch: 'Overheidsfinanciën', label: text('Öffentliche Finanzen', 'Public finance') },
  housing: { dutch: 'Wonen', label: text('Wohnen', 'Housing') },
  international: { dutch: 'Internationaal', label: text('Internationales', 'International affairs') },
  'migration-integration': {
    dutch: 'Migratie en integratie',
    label: text('Migration und Integration', 'Migration and integration'),
  },
  'nature-environment': {
    dutch: 'Natuur en milieu',
    label: text('Natur und Umwelt', 'Nature and environment'),
  },
  'education-science': {
    dutch: 'Onderwijs en wetenschap',
    label: text('Bildung und Wissenschaft', 'Education and science'),
  },
  'public-order-safety': {
    dutch: 'Openbare orde en veiligheid',
    label: text('Öffentliche Ordnung und Sicherheit', 'Public order and safety'),
  },
  law: { dutch: 'Recht', label: text('Recht', 'Law') },
  'spatial-infrastructure': {
    dutch: 'Ruimte en infrastructuur',
    label: text('Raum und Infrastruktur', 'Spatial planning and infrastructure'),
  },
  'social-security': { dutch: 'Sociale zekerheid', label: text('Soziale Sicherung', 'Social security') },
  traffic: { dutch: 'Verkeer', label: text('Verkehr', 'Traffic') },
  work: { dutch: 'Werk', label: text('Arbeit', 'Work') },
  'health-care': { dutch: 'Zorg en gezondheid', label: text('Gesundheit und Pflege', 'Health and care') },
  'politics-participation': {
    dutch: null,
    label: text('Politik und Beteiligung', 'Politics and participation'),
  },
} as const satisfies Record<string, { dutch: string | null; label: Text }>;
export type PolicyArea = keyof typeof policyAreas;

export const affectedGroups = {
  citizens: text('Bürgerinnen und Bürger', 'Citizens'),
  members: text('Mitglieder', 'Members'),
  staff: text('Beschäftigte', 'Staff'),
  volunteers: text('Ehrenamtliche', 'Volunteers'),
  voters: text('Wählerinnen und Wähler', 'Voters'),
  applicants: text('Antragstellende und Bewerbende', 'Applicants'),
  children: text('Kinder und Jugendliche', 'Children and young people'),
  businesses: text('Unternehmen', 'Businesses'),
  public: text('Allgemeine Öffentlichkeit', 'General public'),
} as const satisfies Record<string, Text>;
export type AffectedGroup = keyof typeof affectedGroups;

export const dataCategories = {
  'no-personal-data': text('Keine personenbezogenen Daten', 'No personal data'),
  'personal-data': text('Personenbezogene Daten', 'Personal data'),
  'special-category-data': text(
    'Besondere Kategorien personenbezogener Daten (Art. 9 DSGVO, z. B. politische Meinung, Gesundheit)',
    'Special categories of personal data (Art. 9 GDPR, e.g. political opinions, health)',
  ),
  'criminal-offence-data': text(
    'Daten über Straftaten (Art. 10 DSGVO)',
    'Criminal offence data (Art. 10 GDPR)',
  ),
  'public-sources': text('Öffentlich zugängliche Quellen', 'Publicly available sources'),
  'internal-documents': text('Interne Dokumente der Organisation', "The organisation's internal documents"),
} as const satisfies Record<string, Text>;
export type DataCategory = keyof typeof dataCategories;

export const evaluationKinds = {
  evaluation: text('Evaluation', 'Evaluation'),
  dpia: text('Datenschutz-Folgenabschätzung (DSFA)', 'Data protection impact assessment (DPIA)'),
  fria: text(
    'Grundrechte-Folgenabschätzung (Art. 27 KI-VO)',
    'Fundamental rights impact assessment (Art. 27 AI Act)',
  ),
  audit: text('Prüfung oder Audit', 'Audit'),
  other: text('Sonstige Bewertung', 'Other assessment'),
} as const satisfies Record<string, Text>;
export type EvaluationKind = keyof typeof evaluationKinds;

export function keysOf<T extends object>(record: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];
}
