import type { Logger } from '../core/logger.js';
import type { Database } from '../db/connection.js';
import { appendPreparedAudit, prepareAudit, type PreparedAudit } from '../audit/audit-service.js';
import type { ChainInput } from '../audit/audit-chain.js';
import { getTableColumns, sql } from 'drizzle-orm';
import { usageRecords } from './schema.js';

export type UsageRow = typeof usageRecords.$inferInsert;

/**
 * Metering and audit of model calls are written in batches, off the response path: one transaction
 * per flush holds the usage rows and their hash-chained audit entries. `close()` flushes what is left.
 */
const columns = Object.entries(getTableColumns(usageRecords)) as [keyof UsageRow, { name: string }][];
const columnList = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '));

/**
 * A usage row as the JSON object the insert reads: keys renamed to column names (JSON.stringify leaves
 * out undefined, which the insert reads as null, and writes dates as ISO strings).
 */
function usageJson(row: UsageRow): string {
  const record: Record<string, unknown> = {};
  for (const [key, column] of columns) record[column.name] = row[key];
  return JSON.stringify(record);
}

/** All rows in one statement from a JSON array (building a 30-column multi-row insert costs more than the write). */
function insertUsage(rows: string[]) {
  return sql`insert into usage_records (${columnList}) select ${columnList} from jsonb_populate_recordset(null::usage_records, ${`[${rows.join(',')}]`}::jsonb)`;
}

type Entry = { usage?: UsageRow; audit?: ChainInput };

export function createUsageRecorder(database: Database, logger: Logger, options: { intervalMs?: number; maxBatch?: number } = {}) {
  const intervalMs = options.intervalMs ?? 100;
  const maxBatch = options.maxBatch ?? 500;
  let usage: string[] = [];
  let audits: PreparedAudit[] = [];
  let unprepared: Entry[] = [];
  let flushing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /**
   * Rows are serialised, and audit entries made ready for the chain, right after the call's response has
   * gone out (setImmediate), a few at a time. Done in the flush instead, a batch of a hundred calls held
   * the event loop for 3–5 ms: the one request in flight waited, which was the gateway's p99 at low load.
   */
  function prepare(): void {
    for (const entry of unprepared) {
      try {
        if (entry.usage) usage.push(usageJson(entry.usage));
        if (entry.audit) audits.push(prepareAudit(entry.audit));
      } catch (error) {
        // Only a value JSON cannot hold gets here (a bug); it must not take the process or the batch down.
        logger.error({ err: error, action: entry.audit?.event.action }, 'usage/audit row could not be serialised; dropped');
      }
    }
    unprepared = [];
  }

  /**
   * One transaction per batch. Rows that arrive while a batch is written wait for the next timer tick
   * (unless a full batch is waiting or everything is asked for): with the database on its own thread,
   * requests keep coming during a write, and flushing them at once would turn into a stream of
   * tiny transactions.
   */
  async function writeBatch(everything: boolean): Promise<void> {
    const more = () => (everything ? usage.length > 0 || audits.length > 0 || unprepared.length > 0 : usage.length >= maxBatch || audits.length >= maxBatch);
    do {
      prepare();
      const rows = usage.splice(0, maxBatch);
      const entries = audits.splice(0, maxBatch);
      try {
        await database.db.transaction(async (tx) => {
          if (rows.length > 0) await tx.execute(insertUsage(rows));
          await appendPreparedAudit(tx, entries);
        });
      } catch (error) {
        // Put them back for the next attempt; a database outage must not lose the record of calls.
        usage = [...rows, ...usage];
        audits = [...entries, ...audits];
        logger.error({ err: error, pending: usage.length + audits.length }, 'usage/audit flush failed; will retry');
        return;
      }
    } while (more());
  }

  function flush(everything = false): Promise<void> {
    flushing ??= writeBatch(everything).finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush().then(() => {
        if (usage.length > 0 || audits.length > 0 || unprepared.length > 0) schedule();
      });
    }, intervalMs);
    timer.unref();
  }

  return {
    record(entry: Entry): void {
      if (unprepared.push(entry) === 1) setImmediate(prepare);
      if (usage.length + audits.length + unprepared.length >= maxBatch) void flush();
      else schedule();
    },
    /** Writes everything pending now (tests, shutdown). */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flushing;
      await flush(true);
    },
    pending: () => usage.length + audits.length + unprepared.length,
  };
}

export type UsageRecorder = ReturnType<typeof createUsageRecorder>;
