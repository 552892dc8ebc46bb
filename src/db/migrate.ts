import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrationsDir } from '../core/paths.js';
import { rowsOf, type Database } from './connection.js';

/** Any number; all instances use the same one so only one of them migrates at a time. */
const MIGRATION_LOCK_ID = 4_242_001;

export async function runMigrations(database: Database): Promise<void> {
  const config = { migrationsFolder: migrationsDir };
  if (database.dialect === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  await database.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
  try {
    await migrateNodePg(database.db as unknown as NodePgDatabase, config);
  } finally {
    await database.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
  }
}

export type MigrationStatus = { applied: number; expected: number; current: boolean };

export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const expected = expectedMigrationCount();
  let applied = 0;
  try {
    const result = await database.db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    applied = rowsOf<{ count: number }>(result)[0]?.count ?? 0;
  } catch {
    applied = 0;
  }
  return { applied, expected, current: applied === expected };
}
