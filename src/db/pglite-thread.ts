import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import type { ThreadReply, ThreadRequest, WireError, WireQueryOptions } from './pglite-thread-client.js';

/**
 * The worker-thread side of the embedded database: owns the PGlite instance and answers the main
 * thread's messages. PGlite runs its WebAssembly synchronously, so here it no longer holds up HTTP
 * handling; the semantics (one connection, transactions serialised by PGlite's own lock) are unchanged.
 */
const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };

/**
 * Below the HTTP thread: the batched usage and audit writes can wait, and under load they otherwise take
 * the core a request is waiting for (gateway benchmark, 64 clients with a realistic upstream: 77–78 % of
 * direct throughput at the same priority, 84–85 % with this). Linux nice values are per thread, so this
 * lowers only this one; elsewhere the call would lower the whole process, so it is left out there.
 */
const DATABASE_THREAD_NICE = 10;
if (process.platform === 'linux') os.setPriority(Math.min(19, os.getPriority() + DATABASE_THREAD_NICE));

const transactions = new Map<number, { tx: Transaction; finish: (commit: boolean) => void }>();
const unsubscribers = new Map<string, () => Promise<void>>();
let nextTransaction = 1;

/** Drizzle asks for some types as the raw text (timestamps, dates, intervals); parsers cannot cross threads, type ids can. */
const rawParsersByKey = new Map<string, Record<number, (value: string) => string>>();
function queryOptions(options: WireQueryOptions | undefined) {
  if (!options) return undefined;
  const { rawTypes, ...rest } = options;
  if (!rawTypes?.length) return rest;
  const key = rawTypes.join(',');
  let parsers = rawParsersByKey.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(rawTypes.map((type) => [type, (value: string) => value]));
    rawParsersByKey.set(key, parsers);
  }
  return Object.assign(rest, { parsers });
}

function wireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[name] = value as string | number | boolean | null;
  }
  return { name: error.name, message: error.message, fields };
}

class RollbackRequested extends Error {}

function executor(transaction: number | undefined): Pick<Transaction, 'query' | 'exec'> {
  if (transaction === undefined) return database;
  const open = transactions.get(transaction);
  if (!open) throw new Error(`transaction ${transaction} is not open`);
  return open.tx;
}

async function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case 'query':
      return executor(request.transaction).query(request.sql, request.params, queryOptions(request.options));
    case 'exec':
      return executor(request.transaction).exec(request.sql);
    case 'begin':
      return begin();
    case 'end':
      return end(request.transaction, request.commit);
    case 'listen':
      if (!unsubscribers.has(request.channel)) {
        unsubscribers.set(request.channel, await database.listen(request.channel, (payload) => port.postMessage({ notify: request.channel, payload } satisfies ThreadReply)));
      }
      return null;
    case 'unlisten':
      await unsubscribers.get(request.channel)?.();
      unsubscribers.delete(request.channel);
      return null;
    case 'close':
      if (!database.closed) await database.close();
      return null;
  }
}

const settled = new Map<number, Promise<void>>();

/** Opens a transaction and answers once BEGIN has run; the main thread's queries then name it until `end`. */
function begin(): Promise<number> {
  const id = nextTransaction++;
  return new Promise<number>((opened, failed) => {
    let wasOpened = false;
    const done = database
      .transaction(async (tx) => {
        const decision = new Promise<boolean>((finish) => transactions.set(id, { tx, finish }));
        wasOpened = true;
        opened(id);
        if (!(await decision)) throw new RollbackRequested();
      })
      .catch((error: unknown) => {
        if (!wasOpened) {
          settled.delete(id);
          failed(error);
        } else if (!(error instanceof RollbackRequested)) {
          throw error;
        }
      });
    settled.set(id, done);
  });
}

async function end(id: number, commit: boolean): Promise<null> {
  const open = transactions.get(id);
  const done = settled.get(id);
  if (!open || !done) throw new Error(`transaction ${id} is not open`);
  open.finish(commit);
  try {
    await done;
  } finally {
    transactions.delete(id);
    settled.delete(id);
  }
  return null;
}

const database = await PGlite.create(dataDir, { extensions: { vector } });

function fail(id: number, error: unknown): void {
  port.postMessage({ id, error: wireError(error) } satisfies ThreadReply);
}

function reply(id: number, result: unknown): void {
  try {
    port.postMessage({ id, result } satisfies ThreadReply);
  } catch (error) {
    // A value that cannot be copied to the other thread fails this call, not the thread.
    fail(id, error);
  }
}

port.on('message', (request: ThreadRequest) => {
  handle(request).then(
    (result) => reply(request.id, result),
    (error: unknown) => fail(request.id, error),
  );
});
port.postMessage({ ready: true } satisfies ThreadReply);
