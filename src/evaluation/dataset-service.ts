import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { desc, eq, inArray } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import type { Caller } from '../identity/principal.js';
import { requireBoard, type BoardDeps } from './board-settings.js';
import { parseBbqJsonl } from './importers/bbq-jsonl.js';
import { parseCrowsPairsCsv } from './importers/crows-pairs-csv.js';
import { slug, type ImportResult } from './importers/import-result.js';
import { duplicateIds } from './load-suites.js';
import { evaluationMessages } from './messages.js';
import { type DatasetFormat } from './run-types.js';
import { evaluationDatasets } from './schema.js';
import { type SuiteItem } from './suite-schema.js';

export type DatasetImport = { name: string; format?: DatasetFormat | undefined; fileName: string; content: string };
export type DatasetSummary = Omit<typeof evaluationDatasets.$inferSelect, 'items'>;

const keptProblems = 50;

export function formatOf(fileName: string): DatasetFormat | undefined {
  if (/\.jsonl$/i.test(fileName)) return 'bbq_jsonl';
  if (/\.csv$/i.test(fileName)) return 'crows_pairs_csv';
  return undefined;
}

function parse(input: DatasetImport, format: DatasetFormat): ImportResult {
  // The dataset's name prefixes every id, so two imports never collide with each other or the built-in suites.
  const prefix = `ds-${slug(input.name, '-')}`;
  if (format === 'crows_pairs_csv') return parseCrowsPairsCsv(input.content, { idPrefix: prefix });
  return parseBbqJsonl(input.content, { idPrefix: `${prefix}-${slug(path.basename(input.fileName).replace(/\.[^.]+$/, ''), '-')}` });
}

/**
 * Public datasets (BBQ and GG-BBQ JSONL, CrowS-Pairs CSV) imported by the review board (issue 5, item 3). The
 * file is parsed with the importers, stored as validated items with its SHA-256, and can then be added to runs.
 */
export function createDatasetService(deps: BoardDeps) {
  const { db } = deps.database;

  return {
    async list(): Promise<DatasetSummary[]> {
      return db
        .select({
          id: evaluationDatasets.id,
          name: evaluationDatasets.name,
          format: evaluationDatasets.format,
          fileName: evaluationDatasets.fileName,
          sha256: evaluationDatasets.sha256,
          itemCount: evaluationDatasets.itemCount,
          problemCount: evaluationDatasets.problemCount,
          problems: evaluationDatasets.problems,
          createdBy: evaluationDatasets.createdBy,
          createdAt: evaluationDatasets.createdAt,
        })
        .from(evaluationDatasets)
        .orderBy(desc(evaluationDatasets.createdAt));
    },

    async items(ids: string[]): Promise<SuiteItem[][]> {
      if (ids.length === 0) return [];
      const rows = await db.select().from(evaluationDatasets).where(inArray(evaluationDatasets.id, ids));
      for (const id of ids) if (!rows.some((row) => row.id === id)) throw new ServiceError('NOT_FOUND', evaluationMessages.datasetNotFound(id));
      return ids.map((id) => rows.find((row) => row.id === id)!.items as unknown as SuiteItem[]);
    },

    /** Dataset ids from ids or names (the CLI takes either). */
    async resolve(refs: string[]): Promise<string[]> {
      if (refs.length === 0) return [];
      const rows = await db.select({ id: evaluationDatasets.id, name: evaluationDatasets.name }).from(evaluationDatasets);
      return refs.map((ref) => {
        const row = rows.find((entry) => entry.id === ref || entry.name === ref);
        if (!row) throw new ServiceError('NOT_FOUND', evaluationMessages.datasetNotFound(ref), { reason: 'dataset_not_found' });
        return row.id;
      });
    },

    async import(caller: Caller, input: DatasetImport): Promise<DatasetSummary> {
      const rootId = await requireBoard(deps.orgs, caller);
      const format = input.format ?? formatOf(input.fileName);
      if (!format)
        throw new ServiceError('VALIDATION', evaluationMessages.datasetEmpty(0), {
          reason: 'unknown_format',
          fields: [{ path: 'format', message: { de: 'BBQ (.jsonl) oder CrowS-Pairs (.csv) angeben.', en: 'Give BBQ (.jsonl) or CrowS-Pairs (.csv).' } }],
        });
      const result = parse(input, format);
      if (result.items.length === 0)
        throw new ServiceError('VALIDATION', evaluationMessages.datasetEmpty(result.problems.length), {
          reason: 'dataset_empty',
          extra: { problems: result.problems.slice(0, keptProblems) },
        });
      // A file may repeat a record (BBQ has a few); the first one counts, the rest become problems.
      const repeated = new Set(duplicateIds(result.items));
      const seen = new Set<string>();
      const items = result.items.filter((item) => {
        if (seen.has(item.id)) return false;
        seen.add(item.id);
        return true;
      });
      const problems = [...result.problems, ...[...repeated].map((id) => ({ record: 0, message: `${id}: repeated, first kept` }))];
      const sha256 = createHash('sha256').update(input.content).digest('hex');
      return db.transaction(async (tx) => {
        const [existing] = await tx.select({ id: evaluationDatasets.id }).from(evaluationDatasets).where(eq(evaluationDatasets.name, input.name));
        if (existing) throw new ServiceError('CONFLICT', evaluationMessages.datasetExists(input.name), { reason: 'dataset_exists' });
        const [row] = await tx
          .insert(evaluationDatasets)
          .values({
            name: input.name,
            format,
            fileName: path.basename(input.fileName),
            sha256,
            itemCount: items.length,
            problemCount: problems.length,
            problems: problems.slice(0, keptProblems),
            items: items as unknown as Record<string, unknown>[],
            createdBy: caller.actor.label,
            createdAt: deps.clock.now(),
          })
          .returning();
        const { items: _items, ...summary } = row!;
        await deps.audit(tx, caller, {
          action: 'evaluation.dataset.import',
          orgId: rootId,
          targetType: 'evaluation_dataset',
          targetId: row!.id,
          after: { ...summary, problems: undefined },
        });
        return summary;
      });
    },

    /** The CLI and the admin socket import from a path on the server's machine (the operator's own files). */
    async importFile(caller: Caller, file: string, name?: string, format?: DatasetFormat): Promise<DatasetSummary> {
      await requireBoard(deps.orgs, caller);
      const content = await readFile(file, 'utf8');
      return this.import(caller, { name: name ?? path.basename(file).replace(/\.[^.]+$/, ''), format, fileName: file, content });
    },
  };
}

export type DatasetService = ReturnType<typeof createDatasetService>;
