import type { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayFixture, reviewer, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeApiKey, makeOrg } from '../helpers/test-app.js';

let f: GatewayFixture;
const letter = 'Sehr geehrte Frau Dr. Schneider, bitte überweisen Sie den Beitrag von IBAN DE89 3704 0044 0532 0130 00 an Jonas Weber, Hauptstraße 12, 04109 Leipzig.';

beforeAll(async () => {
  f = await createGatewayFixture();
  await f.addProvider('eu-cloud', { zone: 'eu' });
  await f.addProvider('us-platform', { zone: 'non-eu' });
  await f.addModel('eu-model', { provider: 'eu-cloud', upstreamModel: 'echo-eu' });
  await f.addModel('us-model', { provider: 'us-platform', upstreamModel: 'echo-us' });
  await f.addModel('own-model', { provider: 'upstream', upstreamModel: 'echo-own' });
});
afterAll(async () => f.closeAll());

const lastSent = (model: string) => JSON.stringify(f.upstream.requests.filter((request) => request.body.model === model).at(-1)!.body.messages);

describe('data-protection guard in the gateway', () => {
  it('pseudonymises personal data before it reaches an EU processor and restores it in the answer', async () => {
    const completion = await f.client().chat.completions.create({ model: 'eu-model', messages: [{ role: 'user', content: letter }] });
    const sent = lastSent('echo-eu');
    for (const secret of ['Schneider', 'DE89', '0532 0130', 'Jonas Weber', 'Hauptstraße 12', '04109']) expect(sent).not.toContain(secret);
    expect(sent).toMatch(/\[IBAN_1\]/);
    expect(completion.choices[0]!.message.content).toBe(`Echo: ${letter}`);
    const report = (completion as unknown as { leitplanke: { guard: Record<string, number> } }).leitplanke.guard;
    expect(report).toMatchObject({ iban: 1, person: 2 });
    expect(JSON.stringify(report)).not.toContain('Weber');
  });

  it('restores placeholders split across streamed chunks', async () => {
    const stream = await f.client().chat.completions.create({ model: 'eu-model', messages: [{ role: 'user', content: letter }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(`Echo: ${letter}`);
  });

  it('blocks special categories of personal data for providers outside the EU, with an explanation', async () => {
    const error = (await f.client().chat.completions.create({ model: 'us-model', messages: [{ role: 'user', content: 'Herr Weber ist an Diabetes erkrankt und Mitglied der Gewerkschaft.' }] }).catch((caught: unknown) => caught)) as APIError;
    expect(error.status).toBe(403);
    expect(error.code).toBe('special_category_data');
    expect(error.message).toContain('Art. 9 DSGVO');
    expect(f.upstream.requests.some((request) => request.body.model === 'echo-us')).toBe(false);
  });

  it('always pseudonymises outside the EU', async () => {
    await f.client().chat.completions.create({ model: 'us-model', messages: [{ role: 'user', content: 'Bitte an anna.schmidt@example.org schreiben.' }] });
    expect(lastSent('echo-us')).not.toContain('anna.schmidt@example.org');
  });

  it('leaves own infrastructure alone by default, and protects it when the organisation says so', async () => {
    await f.client().chat.completions.create({ model: 'own-model', messages: [{ role: 'user', content: letter }] });
    expect(lastSent('echo-own')).toContain('Schneider');
    const root = (await f.services.orgs.root())!;
    const org = await makeOrg(f.services, 'strict-guard', root.id);
    await f.services.orgs.updateSettings(reviewer, org.id, { guard: { pseudonymise: { own: true }, customPatterns: [{ label: 'Mitgliedsnummer', pattern: 'M-\\d{6}' }] } });
    const key = (await makeApiKey(f.services, org.id, 'staff')).key;
    await f.client(key).chat.completions.create({ model: 'own-model', messages: [{ role: 'user', content: `${letter} Mitgliedsnummer M-123456.` }] });
    const sent = lastSent('echo-own');
    expect(sent).not.toContain('Schneider');
    expect(sent).not.toContain('M-123456');
  });

  it('keeps confidential data on own infrastructure', async () => {
    const response = await f.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${f.adminKey}`, 'x-leitplanke-data-class': 'confidential' },
      payload: { model: 'eu-model', messages: [{ role: 'user', content: 'Vertraulicher Haushaltsentwurf' }] },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().reason).toBe('data_class_zone');
  });
});
