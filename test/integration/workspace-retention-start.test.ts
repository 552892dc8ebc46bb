import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCaller } from '../../src/cli/admin-commands.js';
import { startServer, type RunningServer } from '../../src/cli/start-server.js';
import { loadConfig } from '../../src/core/config.js';
import { RETENTION_JOB } from '../../src/workspace/index.js';
import { workspaceConversations } from '../../src/workspace/schema.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_SECRET_KEY } from '../helpers/test-constants.js';
import { createTestApp, makeOrg, makeUser, type TestContext } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-database.js';

const DAY = 86_400_000;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function retentionJobs(services: TestContext['services'] | RunningServer['services']) {
  return services.jobs.list([services.bootstrap.rootOrgId], RETENTION_JOB, 10);
}

describe('the retention job after start-up', () => {
  it('runs within seconds of `leitplanke start`, not an hour later', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-retention-'));
    const database = process.env.DATABASE_URL ? await createTestDatabase({ fresh: true }) : undefined;
    const config = loadConfig(
      {},
      {
        data_dir: dataDir,
        port: 0,
        admin_email: ADMIN_EMAIL,
        admin_password: ADMIN_PASSWORD,
        log_level: 'silent',
        secret_key: TEST_SECRET_KEY,
        ...(database?.url ? { database_url: database.url } : {}),
      },
    );
    const started = Date.now();
    const server = await startServer(config, () => undefined);
    cleanups.push(async () => {
      await server.stop();
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    await expect.poll(async () => (await retentionJobs(server.services)).map((job) => job.status), { timeout: 30_000, interval: 250 }).toEqual(['succeeded']);
    const [job] = await retentionJobs(server.services);
    expect(job!.createdBy).toBe('system:workspace-retention');
    expect(job!.result).toEqual({ conversations: 0, clearedTexts: 0 });
    expect(job!.createdAt.getTime() - started).toBeLessThan(60_000);
  });

  it('the first run deletes what expired while the server was down, and only that', async () => {
    const t = await createTestApp();
    cleanups.push(() => t.close());
    // Composing the services alone (tests, CLI) registers the job but queues nothing.
    expect(await retentionJobs(t.services)).toEqual([]);

    const org = await makeOrg(t.services, 'ret-start');
    await t.services.orgs.updateSettings(cliCaller(), org.id, { conversationRetention: { days: 30 } });
    const user = await makeUser(t.services, org.id, ['staff']);
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
    const [expired, kept] = await t.services.database.db
      .insert(workspaceConversations)
      .values([
        { orgId: org.id, userId: user.id, title: 'Vor 40 Tagen', createdAt: at(40), updatedAt: at(40) },
        { orgId: org.id, userId: user.id, title: 'Vor 10 Tagen', createdAt: at(10), updatedAt: at(10) },
      ])
      .returning({ id: workspaceConversations.id });

    await t.services.jobs.start();
    t.services.workspace.startRetention(t.services.jobs, t.services.bootstrap.rootOrgId, { firstRunAfterMs: 50 });
    await expect.poll(async () => (await retentionJobs(t.services)).map((job) => job.status), { timeout: 20_000, interval: 100 }).toEqual(['succeeded']);
    expect((await retentionJobs(t.services))[0]!.result).toEqual({ conversations: 1, clearedTexts: 0 });
    const remaining = (await t.services.database.db.select({ id: workspaceConversations.id }).from(workspaceConversations)).map((row) => row.id);
    expect(remaining).toContain(kept!.id);
    expect(remaining).not.toContain(expired!.id);
    await t.services.jobs.stop();
  });
});
