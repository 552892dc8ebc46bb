import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connection.js';
import { loadConfig } from '../../src/core/config.js';
import type { Database } from '../../src/db/connection.js';
import { createServices } from '../../src/server/compose.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_SECRET_KEY } from '../helpers/test-constants.js';

/** Migrations, the first admin and the shipped catalogue, once: what every test database starts from. */
async function prepareTemplate(database: Database, dataDir: string): Promise<void> {
  const config = loadConfig({}, { data_dir: dataDir, admin_email: ADMIN_EMAIL, admin_password: ADMIN_PASSWORD, secret_key: TEST_SECRET_KEY, log_level: 'silent' });
  const services = await createServices(config, { database });
  await services.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of a migrated database that each test file loads (much faster than initdb). */
    pgliteDump: string;
    /** PostgreSQL: name of the migrated template database each test file clones. */
    pgTemplate: string;
  }
}

/** Migrates once, then every test file starts from a copy: a PGlite dump, or a PostgreSQL template database. */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = `leitplanke_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${template}`;
    const database = await openDatabase({ databaseUrl: url.href, poolSize: 2 });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-template-'));
    await prepareTemplate(database, dataDir);
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    project.provide('pgTemplate', template);
    project.provide('pgliteDump', '');
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-test-'));
  const database = await openDatabase({ memory: true });
  await prepareTemplate(database, dir);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
