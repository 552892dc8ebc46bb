import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/core/config.js';
import { createServices } from '../../src/server/compose.js';
import { BROWSER_ADMIN, TEST_SECRET_KEY, type CatalogueVariant } from '../helpers/test-constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Per catalogue variant: a PGlite data folder, or a PostgreSQL template database, as after a first start. */
    browserTemplates: Record<CatalogueVariant, string>;
  }
}

const variants: Record<CatalogueVariant, boolean> = { seeded: true, empty: false };

/**
 * A browser test starts a real server on an installation that has just been set up (migrated, first
 * admin, with or without the shipped catalogue). Setting that up takes ~10 s on PGlite; it is done once
 * here per variant and each test file starts from a copy.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  const root = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-browser-template-'));
  const admin = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : undefined;
  await admin?.connect();
  const templates = {} as Record<CatalogueVariant, string>;
  for (const [variant, seed] of Object.entries(variants) as [CatalogueVariant, boolean][]) {
    const dataDir = path.join(root, variant);
    let databaseTarget: string | undefined;
    if (admin && databaseUrl) {
      const name = `leitplanke_browser_${variant}_${process.pid}`;
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      databaseTarget = url.href;
      templates[variant] = name;
    } else {
      templates[variant] = dataDir;
    }
    const config = loadConfig(
      {},
      {
        data_dir: dataDir,
        admin_email: BROWSER_ADMIN.email,
        admin_password: BROWSER_ADMIN.password,
        seed_catalogue: seed,
        log_level: 'silent',
        secret_key: TEST_SECRET_KEY,
        ...(databaseTarget ? { database_url: databaseTarget } : {}),
      },
    );
    const services = await createServices(config);
    await services.close();
  }
  project.provide('browserTemplates', templates);
  return async () => {
    if (admin) {
      for (const name of Object.values(templates)) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    rmSync(root, { recursive: true, force: true });
  };
}
