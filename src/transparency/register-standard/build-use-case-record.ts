import { useCaseRecordSchema, type UseCaseRecord } from './use-case-record.js';

/** Factory for a complete, valid register entry (tests, fixtures, demo data); overrides win. */
export function buildUseCaseRecord(overrides: Partial<UseCaseRecord> = {}): UseCaseRecord {
  return useCaseRecordSchema.parse({
    id: 'uc-antragsassistent',
    language: 'de',
    name: 'Antragsassistent Wohngeld',
    summary: 'Ein Assistent beantwortet Fragen zum Wohngeldantrag und nennt fehlende Unterlagen.',
    organisation: 'Stadt Musterstadt',
    department: 'Amt für Soziales',
    policyAreas: ['social-security', 'housing'],
    purpose: 'Antragstellende sollen schneller wissen, welche Unterlagen fehlen.',
    affectedPeople: { groups: ['citizens', 'applicants'], description: 'Alle, die Wohngeld beantragen.' },
    models: [{ name: 'Llama 3.3 70B', version: 'Instruct', provider: 'Meta (lokal betrieben)' }],
    technicalDescription: 'Regelprüfung der Angaben, danach ein Textentwurf durch ein Sprachmodell.',
    dataCategories: ['personal-data'],
    dataDescription: 'Angaben aus dem Antragsformular.',
    humanOversight: 'Sachbearbeitende prüfen jeden Entwurf, bevor er versandt wird.',
    fundamentalRightsImpact:
      'Kein Einfluss auf die Entscheidung über den Antrag; Gleichbehandlung wird stichprobenartig geprüft.',
    riskManagement: 'Monatliche Stichprobe von 50 Entwürfen.',
    legalBasis: 'Wohngeldgesetz',
    legalBasisLinks: [{ title: 'Wohngeldgesetz (WoGG)', url: 'https://www.gesetze-im-internet.de/wogg/' }],
    responsiblePerson: { name: 'Erika Mustermann', role: 'Leiterin Amt für Soziales' },
    contact: 'ki-register@musterstadt.example',
    status: 'pilot',
    risk: { riskClass: 'limited', questionnaireVersion: '1.0.0', assessedAt: '2026-03-01T09:00:00Z' },
    impactful: false,
    startedOn: '2026-04-01',
    retiredOn: null,
    createdAt: '2026-02-15T10:00:00Z',
    updatedAt: '2026-04-01T08:00:00Z',
    evaluations: [
      { kind: 'dpia', title: 'DSFA Antragsassistent', url: 'https://musterstadt.example/dsfa.pdf' },
    ],
    incidents: [{ title: 'Falscher Fristhinweis (behoben)', url: 'https://musterstadt.example/vorfall-1' }],
    publicPageUrl: 'https://musterstadt.example/ki/antragsassistent',
    sourceCodeUrl: null,
    processingRecordUrl: null,
    internalNotes: 'Budget 2027 noch offen.',
    visibility: {},
    ...overrides,
  });
}
