import type { Logger } from '../core/logger.js';
import type { Database } from '../db/connection.js';
import { appendAudit } from '../audit/audit-service.js';
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
 * All rows in one statement from a JSON array (building a 30-column multi-row insert costs more than
 * the write). Keys are renamed to column names; a missing value becomes null, as it would in the
 * statement (JSON.stringify leaves out undefined and writes dates as ISO strings).
 */
function insertUsage(rows: UsageRow[]) {
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [key, column] of columns) record[column.name] = row[key];
    return record;
  });
  return sql`insert into usage_records (${columnList}) select ${columnList} from jsonb_populate_recordset(null::usage_records, ${JSON.stringify(records)}::jsonb)`;
}

export function createUsageRecorder(database: Database, logger: Logger, options: { intervalMs?: number; maxBatch?: number } = {}) {
  const intervalMs = options.intervalMs ?? 100;
  const maxBatch = options.maxBatch ?? 500;
  let usage: UsageRow[] = [];
  let audits: ChainInput[] = [];
  let flushing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /**
   * One transaction per batch. Rows that arrive while a batch is written wait for the next timer tick
   * (unless a full batch is waiting or everything is asked for): with the database on its own thread,
   * requests keep coming during a write, and flushing them at once would turn into a stream of
   * tiny transactions.
   */
  async function writeBatch(everything: boolean): Promise<void> {
    const more = () => (everything ? usage.length > 0 || audits.length > 0 : usage.length >= maxBatch || audits.length >= maxBatch);
    do {
      const rows = usage.splice(0, maxBatch);
      const entries = audits.splice(0, maxBatch);
      try {
        await database.db.transaction(async (tx) => {
          if (rows.length > 0) await tx.execute(insertUsage(rows));
          await appendAudit(tx, entries);
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
        if (usage.length > 0 || audits.length > 0) schedule();
      });
    }, intervalMs);
    timer.unref();
  }

  return {
    record(entry: { usage?: UsageRow; audit?: ChainInput }): void {
      if (entry.usage) usage.push(entry.usage);
      if (entry.audit) audits.push(entry.audit);
      if (usage.length + audits.length >= maxBatch) void flush();
      else schedule();
    },
    /** Writes everything pending now (tests, shutdown). */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flushing;
      await flush(true);
    },
    pending: () => usage.length + audits.length,
  };
}

export type UsageRecorder = ReturnType<typeof createUsageRecorder>;
