import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../src/core/clock.js';
import type { ComposeOptions } from '../../src/server/compose.js';
import { loadConfig, type ConfigInput } from '../../src/core/config.js';
import { buildApp } from '../../src/server/app.js';
import { createServices, type Services } from '../../src/server/compose.js';
import { cliCaller } from '../../src/cli/admin-commands.js';
import type { Role } from '../../src/identity/roles.js';
import { createTestDatabase } from './test-database.js';

import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_SECRET_KEY } from './test-constants.js';

export { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_SECRET_KEY };

export type TestContext = {
  services: Services;
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
};

/** Real services on a fresh database, and the Fastify app for in-process HTTP (app.inject). */
export async function createTestApp(overrides: Partial<ConfigInput> = {}, options: Omit<ComposeOptions, 'database' | 'logger'> & { clock?: Clock } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-data-'));
  const config = loadConfig(
    {},
    {
      data_dir: dataDir,
      admin_email: ADMIN_EMAIL,
      admin_password: ADMIN_PASSWORD,
      log_level: 'silent',
      secret_key: TEST_SECRET_KEY,
      ...overrides,
    },
  );
  const services = await createServices(config, { database, ...options });
  const app = await buildApp(services);
  return {
    services,
    app,
    dataDir,
    async close() {
      await app.close();
      await services.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in browser-like client: keeps the session cookie and sends the CSRF token. */
export class Session {
  constructor(
    private readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  static async login(app: FastifyInstance, email: string, password: string): Promise<Session> {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((entry) => entry.name === 'lp_session');
    return new Session(app, `lp_session=${cookie!.value}`, response.json<{ csrfToken: string }>().csrfToken);
  }

  request(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...headers },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  }
}

/** Factories: real rows through the real services, never shared seeded ids. */
export async function makeOrg(services: Services, slug: string, parentId?: string) {
  const parent = parentId ?? (await services.orgs.root())!.id;
  return services.orgs.create(cliCaller(), { slug, name: `Org ${slug}`, kind: 'local', parentId: parent });
}

let userCounter = 0;
export async function makeUser(services: Services, orgId: string, roles: Role[], password = 'a long test password 123') {
  const email = `user${++userCounter}-${roles.join('-')}@test.example`;
  const { user } = await services.users.create(cliCaller(), orgId, { email, displayName: `User ${userCounter}`, roles, password });
  return { ...user, email, password };
}

export async function makeApiKey(services: Services, orgId: string, role: Role = 'member') {
  return services.apiKeys.create(cliCaller(), orgId, { name: `key-${role}`, role });
}
