import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayFixture, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeOrg, type Session } from '../helpers/test-app.js';
import { eventsOf, loginAs, textOf } from './workspace-helpers.js';

/** What the chat UI relies on: the preview's placeholders and reasons, pattern validation, the conversation's data class. */
let f: GatewayFixture;
let orgId: string;
let staff: Session;
let dpo: Session;
const letter = 'Bitte überweisen Sie an Jonas Weber, IBAN DE89 3704 0044 0532 0130 00, Hauptstraße 12, 04109 Leipzig.';

type Preview = { zone: string; action: string; reason: string | null; detail: string | null; findings: { type: string; start: number; end: number; label: string; placeholder: string | null }[] };

beforeAll(async () => {
  f = await createGatewayFixture({ seed_catalogue: false });
  await f.addProvider('eu-cloud', { zone: 'eu' });
  await f.addProvider('us-platform', { zone: 'non-eu' });
  await f.addModel('eu-model', { provider: 'eu-cloud', upstreamModel: 'echo-eu' });
  await f.addModel('us-model', { provider: 'us-platform', upstreamModel: 'echo-us' });
  await f.addModel('own-model', { upstreamModel: 'echo-own' });
  orgId = (await makeOrg(f.services, 'guard-ui')).id;
  staff = (await loginAs(f, orgId, ['staff'])).session;
  dpo = (await loginAs(f, orgId, ['dpo'])).session;
});
afterAll(async () => f?.closeAll());

const preview = async (body: Record<string, unknown>) => {
  const response = await staff.request('POST', '/api/guard/preview', { orgId, ...body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Preview>();
};

describe('guard preview for the chat', () => {
  it('names the placeholder each finding becomes, numbered as the gateway numbers them across the conversation', async () => {
    const first = await preview({ model: 'eu-model', text: letter });
    expect(first.action).toBe('pseudonymise');
    const shown = first.findings.map((found) => [letter.slice(found.start, found.end), found.placeholder]);
    expect(shown).toEqual(expect.arrayContaining([['Jonas Weber', '[PERSON_1]'], ['DE89 3704 0044 0532 0130 00', '[IBAN_1]']]));
    expect(first.findings.find((found) => found.type === 'address')?.placeholder).toBe('[ADDRESS_1]');

    // An earlier message already named another person: the new one is the second.
    const later = await preview({ model: 'eu-model', text: 'Und Jonas Weber?', context: ['Frau Dr. Schneider hat angerufen.'] });
    expect(later.findings.map((found) => found.placeholder)).toEqual(['[PERSON_2]']);
  });

  it('shows nothing to replace for own infrastructure, and the reason when a request would be blocked', async () => {
    expect((await preview({ model: 'own-model', text: letter })).action).toBe('pass');
    const special = await staff.request('POST', '/api/guard/preview', { orgId, model: 'us-model', text: 'Herr Weber ist an Diabetes erkrankt.' }, { 'accept-language': 'de' });
    expect(special.json<Preview>()).toMatchObject({ action: 'block', reason: 'special_category_data' });
    expect(special.json<Preview>().detail).toContain('Art. 9 DSGVO: Gesundheit');
    const confidential = await preview({ model: 'eu-model', text: 'Haushaltsentwurf', dataClass: 'confidential' });
    expect(confidential).toMatchObject({ action: 'block', reason: 'data_class_zone' });
    expect(confidential.detail).toContain('vertraulich');
  });
});

describe('guard settings', () => {
  it('rejects an unsafe or invalid pattern at its field and keeps the settings unchanged', async () => {
    const url = `/api/orgs/${orgId}/guard-settings`;
    const good = { label: 'Mitgliedsnummer', pattern: 'M-\\d{6}' };
    expect((await dpo.request('PUT', url, { customPatterns: [good] })).statusCode).toBe(200);
    const bad = await dpo.request('PUT', url, { customPatterns: [good, { label: 'Kaputt', pattern: '(a+)+' }, { label: 'Offen', pattern: '[a-' }] });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ errors: { path: string }[] }>().errors.map((issue) => issue.path);
    expect(paths).toEqual(['customPatterns.1.pattern', 'customPatterns.2.pattern']);
    const saved = (await dpo.request('GET', url)).json<{ own: { customPatterns: unknown[] } }>();
    expect(saved.own.customPatterns).toEqual([good]);
    const withPattern = await preview({ model: 'eu-model', text: 'Mitglied M-123456' });
    expect(withPattern.findings.map((found) => [found.label, found.placeholder])).toEqual([['Mitgliedsnummer', '[CUSTOM_1]']]);
  });
});

describe('the conversation data class reaches the gateway', () => {
  it('keeps a confidential conversation away from an EU processor, and lets an internal one through pseudonymised', async () => {
    const conversation = (await staff.request('POST', '/api/workspace/conversations', { orgId, modelId: 'eu-model' })).json<{ id: string }>().id;
    const path = `/api/workspace/conversations/${conversation}/messages`;
    const refused = await staff.request('POST', path, { content: 'Vertraulicher Haushaltsentwurf', dataClass: 'confidential' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ reason: string }>().reason).toBe('data_class_zone');

    const before = f.upstream.requests.length;
    const answer = textOf(eventsOf(await staff.request('POST', path, { content: letter, dataClass: 'internal' })));
    expect(answer).toBe(`Echo: ${letter}`);
    const sent = JSON.stringify(f.upstream.requests.slice(before).map((request) => request.body.messages));
    expect(sent).toContain('[IBAN_1]');
    expect(sent).not.toContain('Jonas Weber');
  });
});
