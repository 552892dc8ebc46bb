import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connection.js';

/** A fresh, migrated database for one test file: PGlite by default, PostgreSQL when DATABASE_URL is set. */
/**
 * A copy of the seeded template; on PostgreSQL, with `fresh` an empty database as on a new server, or
 * a copy of another `template` database.
 */
export async function createTestDatabase(options: { fresh?: boolean; template?: string } = {}): Promise<Database & { url?: string }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = `leitplanke_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(options.fresh ? `create database ${name}` : `create database ${name} template ${options.template ?? inject('pgTemplate')}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.href, poolSize: 5 });
    return {
      ...database,
      url: url.href,
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: databaseUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteDump'));
  return openDatabase({ memory: true, loadDataDir: new Blob([dump]) });
}
