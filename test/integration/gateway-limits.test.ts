import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI, { type APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { buildApp } from '../../src/server/app.js';
import { createServices, type Services } from '../../src/server/compose.js';
import { createGatewayFixture, reviewer, type GatewayFixture } from '../helpers/gateway-fixture.js';
import { makeApiKey, makeOrg, TEST_SECRET_KEY } from '../helpers/test-app.js';

let f: GatewayFixture;

beforeAll(async () => {
  f = await createGatewayFixture();
  await f.addModel('budget-model');
});
afterAll(async () => f.closeAll());

describe('rate limits', () => {
  it('refuses the request over the per-key limit with Retry-After', async () => {
    const root = (await f.services.orgs.root())!;
    const org = await makeOrg(f.services, 'rate-org', root.id);
    await f.services.limits.set(reviewer, org.id, { monthlyTokenBudget: null, requestsPerMinutePerKey: 3, requestsPerMinutePerUser: null });
    const key = (await makeApiKey(f.services, org.id, 'staff')).key;
    // The windows are fixed minutes: four calls across a minute boundary would start counting afresh.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) {
      const response = await f.app.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        headers: { authorization: `Bearer ${key}` },
        payload: { model: 'budget-model', messages: [{ role: 'user', content: 'x' }] },
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.json().reason).toBe('rate_limited');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('monthly token budgets', () => {
  it('stops calls once the budget is used up, also for sub-organisations', async () => {
    const root = (await f.services.orgs.root())!;
    const org = await makeOrg(f.services, 'budget-org', root.id);
    const child = await makeOrg(f.services, 'budget-child', org.id);
    await f.services.limits.set(reviewer, org.id, { monthlyTokenBudget: 200, requestsPerMinutePerKey: null, requestsPerMinutePerUser: null });
    const key = (await makeApiKey(f.services, child.id, 'staff')).key;
    const client = f.client(key);
    let refused: APIError | undefined;
    let answered = 0;
    for (let index = 0; index < 20 && !refused; index++) {
      try {
        await client.chat.completions.create({ model: 'budget-model', max_tokens: 20, messages: [{ role: 'user', content: 'Eine kurze Frage' }] });
        answered++;
      } catch (error) {
        refused = error as APIError;
      }
    }
    expect(answered).toBeGreaterThan(0);
    expect(refused?.status).toBe(429);
    expect(refused?.code).toBe('budget_exhausted');
    expect(refused?.message).toContain('Org budget-org');
    expect((await f.services.limits.get(org.id)).usedThisMonth).toBeLessThanOrEqual(200);
  });
});

describe('two instances on one database', () => {
  let second: { services: Services; database: Database; url: string; dataDir: string } | undefined;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-second-'));
    const primary = f.services.database as Database & { url?: string };
    // PostgreSQL: a second connection pool, as a second server would have; PGlite: the same engine.
    const database = primary.url ? await openDatabase({ databaseUrl: primary.url }) : primary;
    const config = loadConfig({}, { data_dir: dataDir, log_level: 'silent', secret_key: TEST_SECRET_KEY, admin_password: 'another admin password' });
    const services = await createServices(config, { database });
    const app = await buildApp(services);
    await app.listen({ port: 0, host: '127.0.0.1' });
    second = { services, database, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, dataDir };
    services.close = ((close) => async () => {
      await app.close();
      await close();
    })(services.close);
  });

  /** A change reaches the other instance through LISTEN/NOTIFY, a moment after its commit (usually milliseconds). */
  async function untilSecondKnows(modelId: string): Promise<void> {
    const viaSecond = new OpenAI({ apiKey: f.adminKey, baseURL: `${second!.url}/v1`, maxRetries: 0 });
    await expect.poll(async () => (await viaSecond.models.list()).data.some((model) => model.id === modelId), { timeout: 2000, interval: 20 }).toBe(true);
  }

  afterAll(async () => {
    await second?.services.close();
    if (second && second.database !== f.services.database) await second.database.close();
    if (second) rmSync(second.dataDir, { recursive: true, force: true });
  });

  it('enforces one budget across both instances under concurrent load', async () => {
    const root = (await f.services.orgs.root())!;
    const org = await makeOrg(f.services, 'shared-budget', root.id);
    const key = (await makeApiKey(f.services, org.id, 'staff')).key;
    // Each call reserves 9 prompt + 100 completion tokens and really uses 8 + 100: the budget fits nine.
    await f.addModel('long-answers');
    await untilSecondKnows('long-answers');
    f.upstream.script('long-answers', { reply: () => Array.from({ length: 100 }, (_, index) => `wort${index}`).join(' ') });
    await f.services.limits.set(reviewer, org.id, { monthlyTokenBudget: 1000, requestsPerMinutePerKey: null, requestsPerMinutePerUser: null });
    const clients = [f.client(key), new OpenAI({ apiKey: key, baseURL: `${second!.url}/v1`, maxRetries: 0 })];
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) =>
        clients[index % 2]!.chat.completions.create({ model: 'long-answers', max_tokens: 100, messages: [{ role: 'user', content: 'Kurz' }] }),
      ),
    );
    const ok = results.filter((result) => result.status === 'fulfilled').length;
    const refused = results.filter((result) => result.status === 'rejected' && (result.reason as APIError).status === 429).length;
    expect(ok + refused).toBe(40);
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThanOrEqual(9);
    const used = (await f.services.limits.get(org.id)).usedThisMonth;
    expect(used).toBe(ok * 108);
    expect(used).toBeLessThanOrEqual(1000);
  });

  it('sees an exclusion made on the other instance at once', async () => {
    await f.addModel('shared-model');
    await untilSecondKnows('shared-model');
    const key = f.adminKey;
    const viaSecond = new OpenAI({ apiKey: key, baseURL: `${second!.url}/v1`, maxRetries: 0 });
    expect((await viaSecond.chat.completions.create({ model: 'shared-model', messages: [{ role: 'user', content: 'x' }] })).choices).toHaveLength(1);
    await f.setStatus('shared-model', 'excluded', 'Sicherheitslücke');
    await expect
      .poll(async () => ((await viaSecond.chat.completions.create({ model: 'shared-model', messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e)) as APIError).status, { timeout: 1000, interval: 50 })
      .toBe(403);
  });
});
