import { sql } from 'drizzle-orm';
import type { Database } from './connection.js';
import { migrationStatus } from './migrate.js';

export type ReadinessCheck = { ok: boolean; detail?: string };

/** Database reachable and migrations current: what /readyz reports. */
export async function databaseReadiness(database: Database): Promise<Record<string, ReadinessCheck>> {
  try {
    await database.db.execute(sql`select 1`);
  } catch (error) {
    return { database: { ok: false, detail: (error as Error).message }, migrations: { ok: false, detail: 'unknown' } };
  }
  const migrations = await migrationStatus(database);
  return { database: { ok: true }, migrations: { ok: migrations.current, detail: `${migrations.applied}/${migrations.expected}` } };
}
