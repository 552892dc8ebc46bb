import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results, Transaction } from '@electric-sql/pglite';

/**
 * The embedded database on its own thread. PGlite executes PostgreSQL as WebAssembly, synchronously:
 * in the server's thread a 30 ms batch insert or a vector search stalls every HTTP request for that
 * long. This client speaks to a worker thread (`pglite-thread.ts`) that owns the PGlite instance and
 * offers the part of PGlite's API the app uses (Drizzle's driver, LISTEN), so callers cannot tell.
 */

export type WireQueryOptions = Omit<QueryOptions, 'parsers' | 'serializers' | 'onNotice'> & { rawTypes?: number[] };

export type ThreadRequest = { id: number } & (
  | { op: 'query'; sql: string; params: unknown[] | undefined; options: WireQueryOptions | undefined; transaction?: number }
  | { op: 'exec'; sql: string; transaction?: number }
  | { op: 'begin' }
  | { op: 'end'; transaction: number; commit: boolean }
  | { op: 'listen' | 'unlisten'; channel: string }
  | { op: 'close' }
);

export type WireError = { name: string; message: string; fields: Record<string, string | number | boolean | null> };

export type ThreadReply = { ready: true } | { notify: string; payload: string } | { id: number; result: unknown } | { id: number; error: WireError };

/** What Drizzle's PGlite driver and `openPglite` call; both PGlite and this thread client provide it. */
export type PgliteClient = {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  transaction<T>(callback: (tx: Pick<Transaction, 'query' | 'exec' | 'rollback' | 'closed'>) => Promise<T>): Promise<T>;
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  readonly closed: boolean;
};

/** Only identity parsers can be sent as type ids; that is all Drizzle asks for (timestamps, dates as text). */
function wireOptions(options: QueryOptions | undefined): WireQueryOptions | undefined {
  if (!options) return undefined;
  const { parsers, serializers, onNotice, ...rest } = options;
  if (serializers || onNotice) throw new Error('serializers and onNotice are not supported across the database thread');
  return parsers ? { ...rest, rawTypes: Object.keys(parsers).map(Number) } : rest;
}

function threadEntry(): { url: URL; eval: boolean } {
  const url = new URL(`./pglite-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  return { url, eval: url.pathname.endsWith('.ts') };
}

export async function startPgliteThread(dataDir: string): Promise<PgliteClient> {
  const entry = threadEntry();
  // From TypeScript sources (tests, `npm run dev`) the thread loads its entry through tsx.
  const worker = entry.eval
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.url.href)}); })`, { eval: true, workerData: { dataDir } })
    : new Worker(entry.url, { workerData: { dataDir } });

  // `origin` is where the call was made; its stack is only formatted if the call fails.
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; origin: Error }>();
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let nextId = 1;
  let closed = false;
  let failure: Error | undefined;

  // Pending calls keep the process alive (a CLI command awaiting a query); an idle database does not.
  let referenced = true;
  const track = () => {
    if ((pending.size > 0) === referenced) return;
    referenced = pending.size > 0;
    if (referenced) worker.ref();
    else worker.unref();
  };

  function failAll(error: Error): void {
    failure ??= error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    track();
  }

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: ThreadReply) => {
      if ('ready' in reply) return resolve();
      if ('notify' in reply) {
        for (const handler of listeners.get(reply.notify) ?? []) handler(reply.payload);
        return;
      }
      const call = pending.get(reply.id);
      if (!call) return;
      pending.delete(reply.id);
      track();
      if ('error' in reply) {
        const error = Object.assign(new Error(reply.error.message), reply.error.fields);
        error.name = reply.error.name;
        // The caller's stack, not the thread's: that is where the query was made.
        const stack = call.origin.stack;
        if (stack) error.stack = `${error.name}: ${error.message}\n${stack.split('\n').slice(1).join('\n')}`;
        call.reject(error);
      } else {
        call.resolve(reply.result);
      }
    });
    worker.once('error', (error) => {
      reject(error);
      failAll(new Error(`the database thread failed: ${error.message}`, { cause: error }));
    });
    worker.once('exit', (code) => {
      reject(new Error(`the database thread ended (exit code ${code}) before it was ready`));
      failAll(new Error(`the database thread has ended (exit code ${code})`));
    });
  });
  await ready;
  track();

  function call<T>(request: DistributiveOmit<ThreadRequest, 'id'>): Promise<T> {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, origin: new Error() });
      track();
      worker.postMessage({ ...request, id });
    });
  }

  function executor(transaction?: number) {
    return {
      query: <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
        call<Results<T>>({ op: 'query', sql, params, options: wireOptions(options), ...(transaction ? { transaction } : {}) }),
      exec: (sql: string) => call<Results[]>({ op: 'exec', sql, ...(transaction ? { transaction } : {}) }),
    };
  }

  return {
    ...executor(),
    async transaction(callback) {
      const transaction = await call<number>({ op: 'begin' });
      let rolledBack = false;
      const tx = {
        ...executor(transaction),
        rollback: async () => {
          rolledBack = true;
          await call({ op: 'end', transaction, commit: false });
        },
        get closed() {
          return closed;
        },
      };
      let result;
      try {
        result = await callback(tx as Transaction);
      } catch (error) {
        if (!rolledBack) await call({ op: 'end', transaction, commit: false }).catch(() => undefined);
        throw error;
      }
      if (!rolledBack) await call({ op: 'end', transaction, commit: true });
      return result;
    },
    async listen(channel, handler) {
      let handlers = listeners.get(channel);
      if (!handlers) {
        handlers = new Set();
        listeners.set(channel, handlers);
        await call({ op: 'listen', channel });
      }
      handlers.add(handler);
      return async () => {
        handlers.delete(handler);
        if (handlers.size === 0 && listeners.get(channel) === handlers && !closed) {
          listeners.delete(channel);
          await call({ op: 'unlisten', channel });
        }
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await call({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
    get closed() {
      return closed;
    },
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
