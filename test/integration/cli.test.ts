import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { startServer } from '../../src/cli/start-server.js';
import { createServices } from '../../src/server/compose.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { TEST_SECRET_KEY } from '../helpers/test-app.js';
import { runCli, type CliResult } from '../helpers/cli-process.js';

async function cli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return runCli(args, { DATABASE_URL: '', LEITPLANKE_SECRET_KEY: TEST_SECRET_KEY, LEITPLANKE_LOG_LEVEL: 'warn', ...env });
}

let dataDir: string;
let env: Record<string, string>;
let pgDatabase: (Database & { url?: string }) | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-cli-'));
  env = { LEITPLANKE_DATA_DIR: dataDir };
  if (process.env.DATABASE_URL) {
    // A fresh server database, like the fresh data folder on PGlite: the CLI must initialise it.
    pgDatabase = await createTestDatabase({ fresh: true });
    env.DATABASE_URL = pgDatabase.url!;
  }
});
afterAll(async () => {
  await pgDatabase?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The CLI's database, opened by the test itself (only while no CLI or server holds a PGlite folder). */
async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = env.DATABASE_URL ? await openDatabase({ databaseUrl: env.DATABASE_URL }) : await openDatabase({ dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

describe('leitplanke CLI', () => {
  it('creates an API key on a fresh data folder and prints it alone on the last line', async () => {
    const result = await cli(['apikey', 'create', '--name', 'ci'], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    const key = lines[lines.length - 1]!;
    expect(key).toMatch(/^lp_[\w-]{43}$/);
    expect(result.stderr).toMatch(/Einmalpasswort \/ one-time password: \S+/);

    const config = loadConfig({}, { data_dir: dataDir, secret_key: TEST_SECRET_KEY, log_level: 'silent', ...(env.DATABASE_URL ? { database_url: env.DATABASE_URL } : {}) });
    await withDatabase(async (database) => {
      const services = await createServices(config, { database });
      const principal = await services.apiKeys.authenticate(key);
      expect(principal).toMatchObject({ kind: 'api_key', role: 'admin' });
      await services.close();
    });
  });

  it('names the first hand-edited audit entry and exits non-zero', async () => {
    expect((await cli(['audit', 'verify'], env)).code).toBe(0);
    const edited = await withDatabase(async (database) => {
      const result = await database.db.execute(sql`select seq from audit_log order by seq limit 1 offset 1`);
      const seq = (result as unknown as { rows: { seq: number | string }[] }).rows[0]!.seq;
      await database.db.execute(sql`update audit_log set actor_label = 'someone else' where seq = ${seq}`);
      return Number(seq);
    });
    const result = await cli(['audit', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`GEBROCHEN / audit log BROKEN at entry #${edited}`);
    expect(result.stdout).toContain('hash_mismatch');
  });

  it('reaches the running server instead of blocking its data folder', async () => {
    const config = loadConfig({}, { data_dir: dataDir, port: 0, secret_key: TEST_SECRET_KEY, log_level: 'silent', ...(env.DATABASE_URL ? { database_url: env.DATABASE_URL } : {}) });
    const server = await startServer(config, () => undefined);
    try {
      const result = await cli(['apikey', 'create', '--name', 'while-running', '--role', 'member'], env);
      expect(result.code, result.stderr).toBe(0);
      const key = result.stdout.trim().split('\n').pop()!;
      const response = await fetch(`${server.url}/api/orgs`, { headers: { authorization: `Bearer ${key}` } });
      expect(response.status).toBe(200);
      const created = await cli(['org', 'create', '--slug', 'kv-cli', '--name', 'Kreisverband CLI'], env);
      expect(created.code, created.stderr).toBe(0);
      expect((await server.services.orgs.resolve('kv-cli')).name).toBe('Kreisverband CLI');
    } finally {
      await server.stop();
    }
  });

  it('refuses a bad setting and says which key to fix', async () => {
    const result = await cli(['apikey', 'create', '--name', 'x'], { ...env, LEITPLANKE_PORT: 'abc' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('port (env LEITPLANKE_PORT)');
  });

  it('explains invalid input with the option to fix', async () => {
    const result = await cli(['user', 'create', '--email', 'kein-mail', '--name', 'X'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--email: .*E-Mail/);
  });

  it('has --help on every command', async () => {
    const commands = [[], ['start'], ['migrate'], ['user', 'create'], ['user', 'reset-password'], ['org', 'create'], ['apikey', 'create'], ['apikey', 'revoke'], ['audit', 'verify']];
    const results = await Promise.all(commands.map((command) => cli([...command, '--help'], env)));
    results.forEach((result, index) => {
      expect(result.code, commands[index]!.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: leitplanke');
    });
  }, 120_000);
});
