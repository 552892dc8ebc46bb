import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../src/identity/principal.js';
import { createTestApp, makeUser, Session, type TestContext } from '../helpers/test-app.js';

let t: TestContext;
let reviewer: Session;
let admin: Session;
const system = systemCaller('registry-test');

beforeAll(async () => {
  t = await createTestApp();
  const root = (await t.services.orgs.root())!;
  const reviewerUser = await makeUser(t.services, root.id, ['reviewer']);
  const adminUser = await makeUser(t.services, root.id, ['admin']);
  reviewer = await Session.login(t.app, reviewerUser.email, reviewerUser.password);
  admin = await Session.login(t.app, adminUser.email, adminUser.password);
});
afterAll(async () => t.close());

describe('the shipped catalogue', () => {
  it('is in the registry on first start, ranked by the published score', async () => {
    const models = (await reviewer.request('GET', '/api/registry/models')).json() as { id: string; status: string; score: { total: number } | null }[];
    expect(models.length).toBeGreaterThanOrEqual(20);
    expect(models.find((model) => model.id === 'eurollm-9b-instruct')?.status).toBe('recommended');
    const scored = models.filter((model) => model.score);
    expect(scored.map((model) => model.score!.total)).toEqual([...scored.map((model) => model.score!.total)].sort((a, b) => b - a));
  });
});

describe('status decisions', () => {
  it('are the reviewers’ alone, always with a reason, exclusions with a category', async () => {
    expect((await admin.request('POST', '/api/registry/models/qwen3-32b/status', { status: 'excluded', reason: 'x', exclusionCategory: 'security' })).statusCode).toBe(403);
    const noReason = await reviewer.request('POST', '/api/registry/models/qwen3-32b/status', { status: 'approved', reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const noCategory = await reviewer.request('POST', '/api/registry/models/qwen3-32b/status', { status: 'excluded', reason: 'Zensur bei Tiananmen-Fragen' });
    expect(noCategory.json().reason).toBe('exclusion_category_required');
    const excluded = await reviewer.request('POST', '/api/registry/models/qwen3-32b/status', { status: 'excluded', reason: 'Zensur bei Tiananmen-Fragen', exclusionCategory: 'political_manipulation' });
    expect(excluded.statusCode).toBe(200);
    expect(excluded.json()).toMatchObject({ status: 'excluded', exclusionCategory: 'political_manipulation' });
  });

  it('follow the lifecycle: a new candidate is reviewed before it is approved', async () => {
    await t.services.registry.upsertModel(system, { id: 'neu-kandidat', kind: 'chat', deployments: [] });
    const skip = await reviewer.request('POST', '/api/registry/models/neu-kandidat/status', { status: 'approved', reason: 'sieht gut aus' });
    expect(skip.json().reason).toBe('transition_not_allowed');
    expect((await reviewer.request('POST', '/api/registry/models/neu-kandidat/status', { status: 'under_review', reason: 'Prüfung beginnt' })).statusCode).toBe(200);
    const approved = (await reviewer.request('POST', '/api/registry/models/neu-kandidat/status', { status: 'approved', reason: 'Tests bestanden' })).json();
    expect(approved.nextReviewDue > approved.lastReview).toBe(true);
  });

  it('refuses a decision on an outdated version (two reviewers at once)', async () => {
    const card = (await reviewer.request('GET', '/api/registry/models/teuken-7b-instruct')).json();
    await reviewer.request('POST', '/api/registry/models/teuken-7b-instruct/status', { status: 'under_review', reason: 'erneute Prüfung', expectedVersion: card.version });
    const stale = await reviewer.request('POST', '/api/registry/models/teuken-7b-instruct/status', { status: 'approved', reason: 'ok', expectedVersion: card.version });
    expect(stale.statusCode).toBe(409);
  });

  it('keeps every change with who, when, why, before and after', async () => {
    const card = (await reviewer.request('GET', '/api/registry/models/qwen3-32b')).json();
    const change = card.history.find((entry: { action: string }) => entry.action === 'model.status.change');
    expect(change).toMatchObject({ reason: 'Zensur bei Tiananmen-Fragen', before: { status: expect.any(String) }, after: { status: 'excluded' } });
    expect(change.actorLabel).toMatch(/@test\.example$/);
  });

  it('sends a model back to review when a new revision appears (GOV-4)', async () => {
    await t.services.registry.upsertModel(system, { id: 'revisioniert', kind: 'chat', revision: 'v1', status: 'approved', deployments: [] });
    await t.services.registry.upsertModel(system, { id: 'revisioniert', kind: 'chat', revision: 'v2', deployments: [] });
    const card = (await reviewer.request('GET', '/api/registry/models/revisioniert')).json();
    expect(card.status).toBe('under_review');
    expect(card.statusReason.de).toContain('v2');
    const queue = (await reviewer.request('GET', '/api/registry/review-queue')).json();
    expect(queue.map((entry: { id: string }) => entry.id)).toContain('revisioniert');
  });
});

describe('weights', () => {
  it('are set with a reason, versioned, and change the ranking', async () => {
    const before = (await reviewer.request('GET', '/api/registry/models')).json() as { id: string; score: { total: number } | null }[];
    const weights = { openness: 0, european_provider: 0, energy_efficiency: 0, bias_results: 0, german_quality: 0, accessibility: 0, cost: 1 };
    const set = await admin.request('PUT', '/api/registry/weights', { weights, reason: 'Nur Kosten (Testfall)' });
    expect(set.json()).toMatchObject({ version: 1 });
    const after = (await reviewer.request('GET', '/api/registry/models')).json() as { id: string; score: { total: number } | null }[];
    expect(after.map((model) => model.score?.total)).not.toEqual(before.map((model) => model.score?.total));
    await admin.request('PUT', '/api/registry/weights', { weights: { ...weights, cost: 0.1, openness: 0.25, european_provider: 0.2, energy_efficiency: 0.15, bias_results: 0.15, german_quality: 0.1, accessibility: 0.05 }, reason: 'zurück' });
  });
});

describe('open formats', () => {
  it('round-trips the registry through YAML without loss', async () => {
    const exported = await admin.request('GET', '/api/registry/export?format=yaml');
    expect(exported.headers['content-type']).toContain('yaml');
    expect(exported.body).not.toMatch(/api_?key(?!Env)/i);
    const fresh = await createTestApp({ seed_catalogue: false });
    try {
      const document = fresh.services.registryTransfer.parseDocument(exported.body, 'yaml');
      await fresh.services.registryTransfer.importDocument(system, document);
      const again = fresh.services.registryTransfer.toYaml(await fresh.services.registryTransfer.exportDocument());
      const original = t.services.registryTransfer.toYaml(await t.services.registryTransfer.exportDocument());
      // The other installation has its own embedded provider row; everything else must match.
      const withoutLocal = (yaml: string) => {
        const parsed = t.services.registryTransfer.parseDocument(yaml, 'yaml');
        return { ...parsed, providers: parsed.providers.filter((provider) => provider.id !== 'local') };
      };
      expect(withoutLocal(again)).toEqual(withoutLocal(original));
    } finally {
      await fresh.close();
    }
  });

  it('rejects a broken document and names the problem', async () => {
    const response = await reviewer.request('POST', '/api/registry/import', { format: 'yaml', document: 'format: leitplanke-registry\nversion: 1\nproviders: []\nmodels:\n  - id: x\n' });
    expect(response.statusCode).toBe(400);
    expect(response.json().problems.some((problem: string) => problem.startsWith('models.0'))).toBe(true);
  });
});

describe('public lists', () => {
  it('need no login and show no internal fields', async () => {
    await t.services.registry.connectProvider(system, { id: 'ionos', adapter: 'openai-compatible', baseUrl: 'https://secret-internal.example/v1', apiKey: 'sk-very-secret', zone: 'eu', jurisdiction: 'DE' });
    const internal = ['secret-internal', 'sk-very-secret', 'baseUrl', 'apiKey', 'adapter', 'upstreamModel', 'deployments', 'headers', 'options', 'connection'];
    for (const url of ['/api/public/registry/models', '/api/public/registry/excluded', '/api/public/registry/providers', '/api/public/registry/changes.atom']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      for (const word of internal) expect(response.body, `${url} leaks ${word}`).not.toContain(word);
    }
    const excluded = (await t.app.inject({ method: 'GET', url: '/api/public/registry/excluded' })).json();
    expect(excluded.find((model: { id: string }) => model.id === 'qwen3-32b')).toMatchObject({ exclusionCategory: 'political_manipulation', statusReason: { de: 'Zensur bei Tiananmen-Fragen' } });
    const models = (await t.app.inject({ method: 'GET', url: '/api/public/registry/models' })).json();
    expect(models.recommended[0].score.breakdown).toHaveLength(7);
  });

  it('publishes decisions as an Atom feed', async () => {
    const feed = (await t.app.inject({ method: 'GET', url: '/api/public/registry/changes.atom' })).body;
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed).toContain('model qwen3-32b: model.status.change → excluded');
    expect(feed).toContain('Zensur bei Tiananmen-Fragen');
  });
});

describe('federation through the API', () => {
  it('shows a local chapter the rules it inherits, with their origin', async () => {
    const root = (await t.services.orgs.root())!;
    const state = await t.services.orgs.create(system, { slug: 'lv-reg', name: 'Landesverband', kind: 'state', parentId: root.id });
    const local = await t.services.orgs.create(system, { slug: 'kv-reg', name: 'Kreisverband', kind: 'local', parentId: state.id });
    await t.services.registryRules.addOrgRule(system, state.id, { targetType: 'model', targetId: 'eurollm-9b-instruct', effect: 'exclude', reason: 'Landesbeschluss' });
    const member = await makeUser(t.services, local.id, ['member']);
    const session = await Session.login(t.app, member.email, member.password);
    const rules = (await session.request('GET', `/api/orgs/${local.id}/registry/rules`)).json();
    expect(rules).toEqual([expect.objectContaining({ orgName: 'Landesverband', inherited: true, reason: 'Landesbeschluss' })]);
    const models = (await session.request('GET', `/api/registry/models?org=${local.id}`)).json();
    expect(models.find((model: { id: string }) => model.id === 'eurollm-9b-instruct').effectiveStatus).toBe('excluded');
    // The local chapter cannot lift it: there is no loosening rule, and the state's rule is not its own.
    const state_rule = rules[0];
    expect((await session.request('DELETE', `/api/orgs/${state.id}/registry/rules/${state_rule.id}?reason=weg`)).statusCode).toBe(403);
  });
});

const osaiDir = new URL('../../../shared/datasets/osai-index/', import.meta.url).pathname;
const haveOsai = (await import('node:fs')).existsSync(osaiDir);
if (!haveOsai) console.warn(`SKIPPING OSAI import test: ${osaiDir} not found`);

describe.skipIf(!haveOsai)('openness from the European Open Source AI Index', () => {
  it('fills a card’s openness from the index files, with source and date', async () => {
    const { runAdminCommand } = await import('../../src/cli/admin-commands.js');
    const row = (await t.services.registryQueries.modelRows()).find((model) => model.id === 'eurollm-22b-instruct')!;
    await t.services.registry.upsertModel(system, { id: row.id, kind: 'chat', card: { ...row.card, openness: null }, deployments: [{ providerId: 'own-server', upstreamModel: 'utter-project/EuroLLM-22B-Instruct-2512' }] });
    const result = (await runAdminCommand(t.services, 'registry.import-osai', { dir: osaiDir, date: '2026-11-23' })) as { files: number; updated: string[] };
    expect(result.files).toBeGreaterThan(150);
    expect(result.updated).toContain('eurollm-22b-instruct');
    const card = (await reviewer.request('GET', '/api/registry/models/eurollm-22b-instruct')).json().card;
    expect(card.openness).toMatchObject({ assessedBy: expect.stringContaining('Open Source AI Index'), date: '2026-11-23', dimensions: { weights_endmodel: { rating: 'open' }, paper: { rating: 'closed' } } });
  });
});
