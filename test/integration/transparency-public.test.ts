import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { alwaysPublicFields, configurableFields, type ConfigurableField } from '../../src/transparency/register-standard/index.js';
import type { CampaignDisclosure, CampaignDisclosureSource, PublicIncident, PublicIncidentSource } from '../../src/transparency/sources.js';
import { createTestApp, makeOrg, makeUser, Session, type TestContext } from '../helpers/test-app.js';
import { answers, useCaseInput } from './transparency-fixtures.js';

const mark = (field: string) => `MARK${field}X`;
const system = systemCaller('transparency-public-test');

/** Fake sources standing in for the accountability and provenance modules; they also try to leak. */
const incidentList: (PublicIncident & { reporterEmail: string })[] = [];
const incidents: PublicIncidentSource = {
  listPublic: async ({ orgIds }) => incidentList.filter((incident) => orgIds.includes(incident.orgId)),
  figures: async () => null,
};
const disclosureList: (CampaignDisclosure & { createdBy: string })[] = [];
const disclosures: CampaignDisclosureSource = { listPublic: async ({ orgIds }) => disclosureList.filter((entry) => orgIds.includes(entry.orgId)) };

let t: TestContext;
let orgId: string;
let entryId: string;
let draftId: string;
const year = new Date().getUTCFullYear();

/** Every public output of the register, as text, for one organisation. */
type Outputs = { list: string; detail: string; csv: string; atom: string; standard: string; report?: string; reportJson?: string };

async function publicOutputs(options: { report?: boolean } = {}): Promise<Outputs> {
  const get = async (url: string) => {
    const response = await t.app.inject({ url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
    return response.body;
  };
  return {
    list: await get('/api/public/transparency/register?org=offen-a'),
    detail: await get(`/api/public/transparency/register/${entryId}`),
    csv: await get('/api/public/transparency/register.csv?org=offen-a'),
    atom: await get('/api/public/transparency/register.atom?org=offen-a'),
    standard: await get('/api/public/transparency/algoritmeregister.json?org=offen-a'),
    // The report holds no entry fields; it is checked where secrets are, not once per field.
    ...(options.report
      ? { report: await get(`/api/public/transparency/reports/${year}/report.html?org=offen-a`), reportJson: await get(`/api/public/transparency/reports/${year}?org=offen-a`) }
      : {}),
  };
}

/** What a field shows in the outputs when it is public: a marker, a distinctive value, or only its key. */
const evidence: Record<ConfigurableField, string | null> = {
  department: mark('department'),
  policyAreas: 'politics-participation',
  affectedPeople: mark('affectedPeople'),
  models: mark('models'),
  technicalDescription: mark('technicalDescription'),
  dataCategories: 'criminal-offence-data',
  dataDescription: mark('dataDescription'),
  humanOversight: mark('humanOversight'),
  fundamentalRightsImpact: mark('fundamentalRightsImpact'),
  riskManagement: mark('riskManagement'),
  legalBasis: mark('legalBasis'),
  legalBasisLinks: mark('legalBasisLinks'),
  responsiblePerson: mark('responsiblePerson'),
  startedOn: '2019-07-13',
  retiredOn: '2018-05-17',
  createdAt: null,
  evaluations: mark('evaluations'),
  incidents: mark('incidentsLink'),
  publicPageUrl: mark('publicPageUrl'),
  sourceCodeUrl: mark('sourceCodeUrl'),
  processingRecordUrl: mark('processingRecordUrl'),
};

/** Never public, whatever the visibility says. */
const secrets = [mark('internalNotes'), mark('evaluationId'), mark('incidentId'), mark('commentBody'), mark('reporterEmail'), mark('disclosureAuthor'), 'internalNotes', 'evaluationIds', 'incidentIds', 'visibility', 'createdBy'];

beforeAll(async () => {
  t = await createTestApp({}, { publicIncidents: incidents, campaignDisclosures: disclosures });
  const org = await makeOrg(t.services, 'offen-a');
  const foreign = await makeOrg(t.services, 'offen-b');
  orgId = org.id;
  const entry = await t.services.transparency.createUseCase(
    system,
    orgId,
    useCaseInput({
      name: 'Bürger-Chat <b>&',
      department: mark('department'),
      policyAreas: ['politics-participation'],
      affectedPeople: { groups: ['members'], description: mark('affectedPeople') },
      models: [{ name: mark('models'), version: null, provider: 'Eigener Server' }],
      technicalDescription: mark('technicalDescription'),
      dataCategories: ['criminal-offence-data'],
      dataDescription: mark('dataDescription'),
      humanOversight: mark('humanOversight'),
      fundamentalRightsImpact: mark('fundamentalRightsImpact'),
      riskManagement: mark('riskManagement'),
      legalBasis: mark('legalBasis'),
      legalBasisLinks: [{ title: mark('legalBasisLinks'), url: 'https://example.org/gesetz' }],
      responsiblePerson: { name: mark('responsiblePerson'), role: 'Leitung' },
      startedOn: '2019-07-13',
      retiredOn: '2018-05-17',
      evaluations: [{ kind: 'dpia', title: mark('evaluations'), url: 'https://example.org/dsfa' }],
      incidents: [{ title: mark('incidentsLink'), url: 'https://example.org/vorfall' }],
      publicPageUrl: `https://example.org/${mark('publicPageUrl')}`,
      sourceCodeUrl: `https://example.org/${mark('sourceCodeUrl')}`,
      processingRecordUrl: `https://example.org/${mark('processingRecordUrl')}`,
      internalNotes: mark('internalNotes'),
      evaluationIds: [mark('evaluationId')],
      incidentIds: [mark('incidentId')],
      published: true,
    }),
  );
  entryId = entry.id;
  await t.services.transparency.assessments.record(system, entryId, answers.chatbot());
  const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  await t.services.transparency.participation.open(system, entryId, { invitation: 'Bitte kommentieren.', closesAt });
  const member = await makeUser(t.services, orgId, ['member']);
  const session = await Session.login(t.app, member.email, member.password);
  expect((await session.request('POST', `/api/transparency/use-cases/${entryId}/comments`, { body: mark('commentBody'), capacity: 'member' })).statusCode).toBe(201);
  draftId = (await t.services.transparency.createUseCase(system, orgId, useCaseInput({ name: 'Entwurf DRAFTMARK' }))).id;
  await t.services.transparency.createUseCase(system, foreign.id, useCaseInput({ name: 'Fremder Eintrag FOREIGNMARK', published: true }));

  const incident = (id: string, useCaseIds: string[], title: string) => ({
    id,
    orgId,
    title: { de: title, en: title },
    summary: { de: 'Falsche Frist genannt.', en: 'Wrong deadline given.' },
    occurredOn: '2026-02-01',
    publishedAt: '2026-02-10T10:00:00Z',
    status: 'corrected' as const,
    correction: { de: 'Frist korrigiert.', en: 'Deadline corrected.' },
    lessonsLearned: null,
    useCaseIds,
    reporterEmail: mark('reporterEmail'),
  });
  incidentList.push(incident('inc-linked', [entryId], 'Verknüpfter Vorfall'), incident('inc-other', [], 'Anderer Vorfall'));
  disclosureList.push({
    id: 'disc-1',
    orgId,
    title: 'Plakat Sommerfest',
    publishedAt: '2026-06-01T10:00:00Z',
    channel: 'Plakat',
    aiUse: 'Hintergrundbild mit KI erzeugt',
    tools: ['Bildgenerator'],
    label: 'KI-generiert',
    url: null,
    createdBy: mark('disclosureAuthor'),
  });
});
afterAll(async () => t?.close());

async function setVisibility(visibility: Partial<Record<ConfigurableField, 'public' | 'internal'>>) {
  await t.services.transparency.updateUseCase(system, entryId, { visibility });
}

describe('public register without login', () => {
  it('lists published entries of the organisation only, with whitelisted keys', async () => {
    const response = await t.app.inject({ url: '/api/public/transparency/register?org=offen-a' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ organisation: { slug: string }; entries: Record<string, unknown>[] }>();
    expect(body.organisation.slug).toBe('offen-a');
    expect(body.entries.map((entry) => entry.id)).toEqual([entryId]);
    const allowed = new Set<string>([...alwaysPublicFields, ...configurableFields]);
    for (const key of Object.keys(body.entries[0]!)) expect(allowed.has(key), key).toBe(true);
    expect(response.body).not.toContain('DRAFTMARK');
    expect(response.body).not.toContain('FOREIGNMARK');
  });

  it('hides drafts: no detail page, no export line', async () => {
    expect((await t.app.inject({ url: `/api/public/transparency/register/${draftId}` })).statusCode).toBe(404);
    const outputs = await publicOutputs();
    for (const [name, body] of Object.entries(outputs)) expect(body, name).not.toContain('DRAFTMARK');
  });

  it('never lets internal-only data out, in any output', async () => {
    await setVisibility({});
    const outputs = await publicOutputs({ report: true });
    for (const [name, body] of Object.entries(outputs)) for (const secret of secrets) expect(body, `${name} leaks ${secret}`).not.toContain(secret);
  });

  // Field by field: internal → absent from every output; public → present (so the check can fail).
  for (const field of configurableFields) {
    it(`publishes "${field}" only while it is public`, async () => {
      await setVisibility({ [field]: 'internal', incidents: field === 'incidents' ? 'internal' : 'public' });
      const hidden = await publicOutputs();
      const list = JSON.parse(hidden.list) as { entries: Record<string, unknown>[] };
      const detail = JSON.parse(hidden.detail) as { entry: Record<string, unknown> };
      expect(list.entries[0], 'list').not.toHaveProperty(field);
      expect(detail.entry, 'detail').not.toHaveProperty(field);
      const marker = evidence[field];
      if (marker) for (const [name, body] of Object.entries(hidden)) expect(body, `${name} shows internal ${field}`).not.toContain(marker);

      await setVisibility({ [field]: 'public' });
      const shown = await publicOutputs();
      expect((JSON.parse(shown.list) as { entries: Record<string, unknown>[] }).entries[0], 'list').toHaveProperty(field);
      expect((JSON.parse(shown.detail) as { entry: Record<string, unknown> }).entry, 'detail').toHaveProperty(field);
      if (marker) {
        expect(shown.list).toContain(marker);
        expect(shown.csv).toContain(marker);
      }
    });
  }

  it('explains the risk class with legal reasons only, and shows participation without names or texts', async () => {
    await setVisibility({});
    const detail = (await t.app.inject({ url: `/api/public/transparency/register/${entryId}` })).json<{
      assessment: Record<string, unknown> & { riskClass: string; reasons: { article: string }[] };
      participation: { state: string; comments: number }[];
      incidents: { id: string }[];
    }>();
    expect(detail.assessment.riskClass).toBe('limited');
    expect(detail.assessment.reasons.map((reason) => reason.article)).toContain('Art. 50(1)');
    expect(Object.keys(detail.assessment).sort()).toEqual(['assessedAt', 'highRiskBasis', 'obligations', 'questionnaireVersion', 'reasons', 'riskClass', 'transparencyObligations', 'version']);
    expect(detail.participation).toEqual([expect.objectContaining({ state: 'open', comments: 1 })]);
    expect(Object.keys(detail.participation[0]!).sort()).toEqual(['closesAt', 'comments', 'opensAt', 'state']);
    expect(detail.incidents.map((incident) => incident.id)).toEqual(['inc-linked']);
  });

  it('passes public incidents and campaign disclosures through, minus fields the schemas do not name', async () => {
    const listed = await t.app.inject({ url: '/api/public/transparency/incidents?org=offen-a' });
    expect(listed.json<{ id: string }[]>().map((incident) => incident.id).sort()).toEqual(['inc-linked', 'inc-other']);
    expect(listed.body).not.toContain('reporterEmail');
    const elsewhere = await t.app.inject({ url: '/api/public/transparency/incidents?org=offen-b' });
    expect(elsewhere.json()).toEqual([]);
    const shown = await t.app.inject({ url: '/api/public/transparency/disclosures?org=offen-a' });
    expect(shown.json()).toEqual([expect.objectContaining({ id: 'disc-1', aiUse: 'Hintergrundbild mit KI erzeugt', label: 'KI-generiert' })]);
    expect(shown.body).not.toContain('createdBy');
    expect((await t.app.inject({ url: '/api/public/transparency/incidents?org=gibt-es-nicht' })).statusCode).toBe(404);
  });

  it('serves CSV, an Atom feed with escaped text, and the Algoritmeregister shape', async () => {
    const csv = await t.app.inject({ url: '/api/public/transparency/register.csv?org=offen-a' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, row] = csv.body.split('\r\n');
    expect(header!.split(',')).not.toContain('internalNotes');
    expect(row).toContain(entryId);

    const atom = await t.app.inject({ url: '/api/public/transparency/register.atom?org=offen-a', headers: { 'accept-language': 'de' } });
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(atom.body.match(/<entry>/g)).toHaveLength(1);
    expect(atom.body).toContain(`<id>urn:uuid:${entryId}</id>`);
    expect(atom.body).toContain('<title>Bürger-Chat &lt;b&gt;&amp;</title>');
    expect(atom.body).toContain(`/transparenz/register/${entryId}"`);
    expect(atom.body).toContain('Risikoklasse: Begrenztes Risiko');

    const standard = (await t.app.inject({ url: '/api/public/transparency/algoritmeregister.json?org=offen-a' })).json<Record<string, unknown>[]>();
    expect(standard).toHaveLength(1);
    expect(standard[0]).toMatchObject({ source_id: entryId, standard_version: '1.0.0', status: 'In ontwikkeling' });
    expect(String(standard[0]!.url)).toMatch(new RegExp(`/transparenz/register/${entryId}$`));
  });

  it('shows the prioritisation criteria and registry decisions without their authors', async () => {
    const criteria = (await t.app.inject({ url: '/api/public/transparency/models/criteria' })).json<{ criteria: { id: string; weight: number; label: { de: string } }[] }>();
    expect(criteria.criteria.map((criterion) => criterion.id)).toContain('openness');
    expect(criteria.criteria.every((criterion) => typeof criterion.weight === 'number' && criterion.label.de.length > 0)).toBe(true);
    const reviewer = systemCaller('transparency-public-test-reviewer');
    await t.services.registry.upsertModel(reviewer, { id: 'public-test-model', kind: 'chat', status: 'under_review', deployments: [] });
    await t.services.registry.setModelStatus(reviewer, 'public-test-model', { status: 'excluded', reason: 'Manipulierte Antworten im Test', exclusionCategory: 'political_manipulation' });
    const changes = await t.app.inject({ url: '/api/public/transparency/models/changes' });
    expect(changes.json<unknown[]>()[0]).toMatchObject({ entityId: 'public-test-model', status: 'excluded', reason: 'Manipulierte Antworten im Test' });
    expect(changes.body).not.toContain('transparency-public-test-reviewer');
    expect(Object.keys(changes.json<Record<string, unknown>[]>()[0]!).sort()).toEqual(['action', 'changedAt', 'entityId', 'entityType', 'reason', 'seq', 'status', 'version']);
  });
});
