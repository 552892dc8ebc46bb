import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/core/config.js';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { systemCaller } from '../../src/identity/principal.js';
import { startServer } from '../../src/cli/start-server.js';
import { createServices, type Services } from '../../src/server/compose.js';
import { startFakeUpstream, type FakeUpstream } from '../helpers/fake-upstream.js';
import { TEST_SECRET_KEY } from '../helpers/test-app.js';
import { runCli, type CliResult } from '../helpers/cli-process.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { importBbqFile } from '../../src/evaluation/importers/bbq-jsonl.js';
import { scriptModel, suiteItems } from './evaluation-fixture.js';

/** `leitplanke eval run --model X --suite all` end to end (issue 5, "done when"), as a separate process. */

let dataDir: string;
let env: Record<string, string>;
let config: Config;
let upstream: FakeUpstream;
let pgDatabase: (Database & { url?: string }) | undefined;

async function cli(args: string[]): Promise<CliResult> {
  return runCli(args, { DATABASE_URL: '', LEITPLANKE_SECRET_KEY: TEST_SECRET_KEY, LEITPLANKE_LOG_LEVEL: 'warn', ...env }, { timeoutMs: 240_000 });
}

/** Opens the CLI's database in this process (only while no CLI or server holds the PGlite folder). */
async function withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
  const database = env.DATABASE_URL ? await openDatabase({ databaseUrl: env.DATABASE_URL }) : await openDatabase({ dataDir });
  const services = await createServices(config, { database });
  try {
    return await fn(services);
  } finally {
    await services.close();
    await database.close();
  }
}

beforeAll(async () => {
  upstream = await startFakeUpstream();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-eval-cli-'));
  env = { LEITPLANKE_DATA_DIR: dataDir };
  if (process.env.DATABASE_URL) {
    pgDatabase = await createTestDatabase();
    env.DATABASE_URL = pgDatabase.url!;
  }
  config = loadConfig({}, { data_dir: dataDir, port: 0, secret_key: TEST_SECRET_KEY, log_level: 'silent', ...(env.DATABASE_URL ? { database_url: env.DATABASE_URL } : {}) });
  const reviewer = systemCaller('test-reviewer');
  await withServices(async (services) => {
    await services.registry.connectProvider(reviewer, { id: 'upstream', adapter: 'openai-compatible', baseUrl: upstream.url, zone: 'own', jurisdiction: 'DE' });
    for (const id of ['cli-sexist', 'cli-fair'])
      await services.registry.upsertModel(reviewer, { id, name: id, kind: 'chat', status: 'recommended', deployments: [{ providerId: 'upstream', upstreamModel: id }] });
  });
  scriptModel(upstream, 'cli-sexist', 'sexism');
  scriptModel(upstream, 'cli-fair', undefined);
}, 180_000);

afterAll(async () => {
  await upstream?.close();
  await pgDatabase?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('leitplanke eval', () => {
  it('runs every suite with progress on stderr, prints the report and exits 1 when a category fails', async () => {
    const result = await cli(['eval', 'run', '--model', 'cli-sexist', '--suite', 'all', '--concurrency', '8']);
    console.info(`eval run --suite all (996 prompts, separate process incl. start-up): ${result.ms} ms`);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/Evaluationslauf \/ evaluation run [0-9a-f-]{36}: cli-sexist, 680 Prüfungen \/ items, 996 Prompts/);
    expect(result.stderr).toContain('[##############################] 996/996 (100 %)');
    expect(result.stderr).toMatch(/\] 0\/996 \(0 %\)|\] \d{1,2}\/996/);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('Sexismus / Sexism'))).toContain('NICHT BESTANDEN / FAILED');
    for (const label of ['Rassismus / Racism', 'Antisemitismus', 'Queerfeindlichkeit', 'Behindertenfeindlichkeit', 'Zensur', 'Parteipolitische', 'Propaganda'])
      expect(lines.find((line) => line.startsWith(label)), label).toContain('bestanden / passed');
    expect(result.stdout).toContain('Status: recommended → under_review');

    const runId = /evaluation run ([0-9a-f-]{36})/.exec(result.stderr)![1]!;
    const csv = await cli(['eval', 'report', runId, '--format', 'csv']);
    expect(csv.code).toBe(1);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^run_id,model,model_revision,category,statistic,score,ci_low,ci_high/);
    expect(csv.stdout).toMatch(/,sexism,pass_rate,0,/);

    const listed = await cli(['models', 'list']);
    expect(listed.stdout).toMatch(/cli-sexist\s+chat\s+under_review/);
    expect(listed.stdout).toMatch(/cli-fair\s+chat\s+recommended/);
  }, 240_000);

  it('imports a public dataset file and runs only its items', async () => {
    const file = path.resolve('../shared/datasets/gg-bbq/bbq_de_amb_test.jsonl');
    if (!existsSync(file)) throw new Error(`${file} is missing (../shared/datasets)`);
    const imported = await cli(['eval', 'import', file, '--name', 'gg-bbq-amb']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Datensatz \/ dataset gg-bbq-amb \([0-9a-f-]{36}\): \d+ Prüfungen/);
    // The prompts of BBQ items do not depend on their ids, so the script can be built from the file itself.
    scriptModel(upstream, 'cli-fair', undefined, [...suiteItems(), ...importBbqFile(file).items]);
    const result = await cli(['eval', 'run', '--model', 'cli-fair', '--suite', 'none', '--dataset', 'gg-bbq-amb', '--limit', '3']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/cli-fair, [1-9]\d* Prüfungen \/ items/);
    expect(result.stdout).toMatch(/^(Sexismus|Queerfeindlichkeit)/m);
  }, 120_000);

  it('follows a run on the running server through the admin socket', async () => {
    if (env.DATABASE_URL) return; // the socket is PGlite's way round its one-process rule; PostgreSQL needs none
    const server = await startServer(config, () => undefined);
    try {
      const result = await cli(['eval', 'run', '--model', 'cli-fair', '--suite', 'censorship,propaganda_framing', '--limit', '2']);
      expect(result.code, result.stderr + result.stdout).toBe(0);
      expect(result.stdout).toContain('Ergebnis: alle Kategorien bestanden / result: every category passed');
      const runId = /evaluation run ([0-9a-f-]{36})/.exec(result.stderr)![1]!;
      expect((await server.services.evaluation.runs.get(systemCaller('t'), runId)).status).toBe('completed');
    } finally {
      await server.stop();
    }
  }, 120_000);
});
