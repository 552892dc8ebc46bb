import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from './connection.js';
import { runMigrations } from './migrate.js';
import { orgLimits } from '../gateway/schema.js';

/**
 * The embedded database of a server (a data folder) runs on its own thread. These tests hold it to what
 * the in-process PGlite gave the app: types, transactions, errors, LISTEN/NOTIFY, durability; and to
 * the reason it exists: a long query does not stop the server's event loop.
 */
describe('PGlite on its own thread', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leitplanke-thread-'));
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: dir });
    await runMigrations(database);
    await database.db.execute(sql`create table thread_probe (id int primary key, label text not null, at timestamptz, doc jsonb, big bigint, flag boolean, bytes bytea)`);
  });

  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the data-folder database and not an in-process client', () => {
    expect(database.dialect).toBe('pglite');
    expect(database.pglite).toBeUndefined();
  });

  it('returns values as Drizzle expects them from PGlite', async () => {
    const at = new Date('2026-11-24T10:15:30.123Z');
    await database.db.execute(sql`insert into thread_probe values (1, 'eins', ${at.toISOString()}, ${JSON.stringify({ a: [1, 'zwei'] })}::jsonb, 9007199254740993, true, '\\x00ff'::bytea)`);
    const [row] = rowsOf<Record<string, unknown>>(await database.db.execute(sql`select * from thread_probe where id = 1`));
    expect(row).toMatchObject({ id: 1, label: 'eins', doc: { a: [1, 'zwei'] }, flag: true });
    // Drizzle asks for timestamps as text (its parsers cannot cross the thread; their type ids do).
    expect(typeof row!.at).toBe('string');
    expect(new Date(String(row!.at)).getTime()).toBe(at.getTime());
    expect(String(row!.big)).toBe('9007199254740993');
    expect(Array.from(row!.bytes as Uint8Array)).toEqual([0, 255]);

    await database.db.insert(orgLimits).values({ orgId: '00000000-0000-4000-8000-000000000001', monthlyTokenBudget: 5000, updatedAt: at });
    const [limits] = await database.db.select().from(orgLimits).where(eq(orgLimits.orgId, '00000000-0000-4000-8000-000000000001'));
    expect(limits!.updatedAt).toEqual(at);
    expect(limits!.monthlyTokenBudget).toBe(5000);
  });

  it('commits a transaction, rolls back a failed one, and keeps the outer work when a savepoint fails', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_probe (id, label) values (10, 'bleibt')`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into thread_probe (id, label) values (11, 'verworfen')`);
        throw new Error('abgebrochen');
      }),
    ).rejects.toThrow('abgebrochen');
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_probe (id, label) values (12, 'außen')`);
      await expect(
        tx.transaction(async (inner) => {
          await inner.execute(sql`insert into thread_probe (id, label) values (13, 'innen')`);
          throw new Error('innen abgebrochen');
        }),
      ).rejects.toThrow('innen abgebrochen');
    });
    const ids = rowsOf<{ id: number }>(await database.db.execute(sql`select id from thread_probe where id between 10 and 13 order by id`)).map((row) => row.id);
    expect(ids).toEqual([10, 12]);
  });

  it('reports PostgreSQL errors with their fields', async () => {
    const failure = await database.db.execute(sql`insert into thread_probe (id, label) values (10, 'doppelt')`).catch((error: unknown) => error as Error & { cause?: Record<string, unknown> });
    expect(failure).toBeInstanceOf(Error);
    const cause = (failure as { cause?: Record<string, unknown> }).cause ?? (failure as unknown as Record<string, unknown>);
    expect(cause).toMatchObject({ code: '23505', constraint: 'thread_probe_pkey', table: 'thread_probe' });
    // The database is usable after the error.
    const [count] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from thread_probe`));
    expect(count!.n).toBeGreaterThan(0);
  });

  it('lets a query wait for an open transaction and see only its committed result', async () => {
    let releaseTransaction!: () => void;
    const held = new Promise<void>((resolve) => (releaseTransaction = resolve));
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_probe (id, label) values (20, 'später sichtbar')`);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = database.db.execute(sql`select label from thread_probe where id = 20`);
    let answered = false;
    void outside.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    releaseTransaction();
    await transaction;
    expect(rowsOf<{ label: string }>(await outside)).toEqual([{ label: 'später sichtbar' }]);
  });

  it('delivers NOTIFY on commit, not on rollback, and stops after unlisten', async () => {
    const received: string[] = [];
    const unlisten = await database.listen('thread_channel', (payload) => received.push(payload));
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify('thread_channel', 'bestätigt')`);
    });
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('thread_channel', 'zurückgerollt')`);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await waitFor(() => received.length >= 1);
    await unlisten();
    await database.db.execute(sql`select pg_notify('thread_channel', 'nach unlisten')`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual(['bestätigt']);
  });

  it('keeps the event loop free while a long query runs', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = performance.now();
    await database.db.execute(sql`select count(*) from generate_series(1, 4000000) as s(n) where n % 7 = 3`);
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    expect(elapsed).toBeGreaterThan(100);
    // In the server's own thread the interval could not run at all until the query ended.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 10 / 3));
  });

  it.runIf(process.platform === 'linux')('runs below the priority of the thread that serves requests', () => {
    // Nice value per thread: field 19 of /proc/<pid>/task/<tid>/stat (counted after the command name).
    const niceOf = (statPath: string) => Number(readFileSync(statPath, 'utf8').split(') ')[1]!.split(' ')[16]);
    const own = niceOf(`/proc/self/task/${process.pid}/stat`);
    const threads = readdirSync('/proc/self/task').map((tid) => niceOf(`/proc/self/task/${tid}/stat`));
    expect(own).toBeLessThan(19);
    expect(threads).toContain(Math.min(19, own + 10));
  });

  it('keeps what was written when the folder is opened again, and refuses calls once closed', async () => {
    await database.close();
    const refused = await database.db.execute(sql`select 1`).catch((error: Error) => error);
    expect(String((refused as Error).cause)).toMatch(/database thread has ended/);
    database = await openDatabase({ dataDir: dir });
    const labels = rowsOf<{ label: string }>(await database.db.execute(sql`select label from thread_probe where id in (1, 10, 12) order by id`)).map((row) => row.label);
    expect(labels).toEqual(['eins', 'bleibt', 'außen']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
