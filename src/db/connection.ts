import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { startPgliteThread, type PgliteClient } from './pglite-thread-client.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Services take `DbOrTx` so they run alone or inside a caller's transaction. */
export type DbOrTx = Db | Tx;

export type Dialect = 'pglite' | 'postgres';

export type NotificationHandler = (payload: string) => void;

export type Database = {
  db: Db;
  dialect: Dialect;
  /** pgvector is available (PGlite always; PostgreSQL only where the extension is installed). */
  hasVector: boolean;
  /** LISTEN on a channel; NOTIFY is sent with `notify()` inside the writing transaction, so it arrives on commit. */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** Only for an in-memory PGlite: the raw client (dump/load in tests). */
  pglite?: PGlite;
};

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string }
  | { memory: true; loadDataDir?: Blob | File };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ('databaseUrl' in options) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    // A server's database runs on its own thread, so its WebAssembly work never stalls request handling.
    return openPglite(await startPgliteThread(path.join(options.dataDir, 'pglite')));
  }
  const client = await PGlite.create({ extensions: { vector }, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  return { ...openPglite(client), pglite: client };
}

function openPglite(client: PgliteClient): Database {
  const db = drizzlePglite({ client: client as PGlite, schema }) as unknown as Db;
  return {
    db,
    dialect: 'pglite',
    hasVector: true,
    listen: async (channel, handler) => {
      const unsubscribe = await client.listen(channel, handler);
      return async () => unsubscribe();
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle pooled connection the server ended (restart, failover, pg_terminate_backend) is dropped by pg;
  // the next query opens a new one. Without a listener the error would end the process.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const available = await pool.query<{ exists: boolean }>(
    "select exists(select 1 from pg_available_extensions where name = 'vector') as exists",
  );
  const listeners = new Map<string, Set<NotificationHandler>>();
  let listenClient: pg.Client | undefined;
  let closed = false;

  async function ensureListenClient(): Promise<pg.Client> {
    if (listenClient) return listenClient;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    client.on('notification', (message) => {
      for (const handler of listeners.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', () => {
      if (listenClient !== client || closed) return;
      listenClient = undefined;
      setTimeout(() => void resubscribe(), 1000).unref();
    });
    listenClient = client;
    return client;
  }

  /** After the LISTEN connection was lost: listen again, and treat every cache as stale (notifications were missed). */
  async function resubscribe(): Promise<void> {
    try {
      const client = await ensureListenClient();
      for (const channel of listeners.keys()) await client.query(`LISTEN "${channel.replaceAll('"', '')}"`);
      for (const handlers of listeners.values()) for (const handler of handlers) handler('');
    } catch {
      if (!closed) setTimeout(() => void resubscribe(), 5000).unref();
    }
  }

  return {
    db,
    dialect: 'postgres',
    hasVector: available.rows[0]?.exists ?? false,
    listen: async (channel, handler) => {
      const client = await ensureListenClient();
      let handlers = listeners.get(channel);
      if (!handlers) {
        handlers = new Set();
        listeners.set(channel, handlers);
        await client.query(`LISTEN "${channel.replaceAll('"', '')}"`);
      }
      handlers.add(handler);
      return async () => {
        handlers.delete(handler);
      };
    },
    close: async () => {
      closed = true;
      await listenClient?.end();
      await pool.end();
    },
  };
}

/** Sends a notification; inside a transaction PostgreSQL delivers it on commit only. */
export async function notify(db: DbOrTx, channel: string, payload = ''): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** Rows of a raw `db.execute` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
