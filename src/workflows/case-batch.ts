import { eq, inArray } from 'drizzle-orm';
import type { FieldIssue } from '../core/errors.js';
import { ServiceError } from '../core/errors.js';
import type { JobContext } from '../jobs/job-queue.js';
import { requirePermission, systemPrincipal, type Caller } from '../identity/principal.js';
import type { CaseService } from './case-service.js';
import { normaliseInput, readCsv } from './form-input.js';
import { workflowMessages } from './messages.js';
import { workflowCases } from './schema.js';
import { isOpen, type WorkflowDeps } from './workflow-deps.js';

export const DRAFT_BATCH_JOB = 'workflows.draft-batch';
const MAX_ROWS = 500;

/**
 * A CSV file of applications becomes cases at once (rules included, all in one transaction); the
 * drafts follow in a job with progress and checkpoints, so a restart resumes where it stopped.
 */
export function createCaseBatch(deps: WorkflowDeps, cases: CaseService) {
  const { db } = deps.database;

  return {
    async submitCsv(
      caller: Caller,
      orgId: string,
      body: { workflowId: string; csv: string; model?: string | undefined },
    ) {
      requirePermission(caller.principal, await deps.orgs.get(), 'workflow.use', orgId);
      const stored = await deps.definitions.get(body.workflowId);
      const { rows, headerIssues } = readCsv(stored.definition, body.csv);
      if (headerIssues.length > 0)
        throw new ServiceError('VALIDATION', workflowMessages.csvColumns(headerIssues.join(', ')), {
          reason: 'csv_columns',
        });
      if (rows.length === 0)
        throw new ServiceError('VALIDATION', workflowMessages.csvEmpty, { reason: 'csv_empty' });
      if (rows.length > MAX_ROWS)
        throw new ServiceError('LIMIT_EXCEEDED', workflowMessages.csvTooLarge(MAX_ROWS), {
          reason: 'csv_too_large',
        });
      const risk = await cases.riskOf(caller, orgId, stored);
      const problems: { line: number; fields: FieldIssue[] }[] = [];
      const valid: { line: number; input: Record<string, unknown> }[] = [];
      for (const row of rows) {
        const { input, issues } = normaliseInput(stored.definition, row.raw);
        if (issues.length > 0) problems.push({ line: row.line, fields: issues });
        else valid.push({ line: row.line, input });
      }
      const result = await db.transaction(async (tx) => {
        if (valid.length === 0) return { jobId: null, created: [] };
        const created: { line: number; caseId: string; reference: string }[] = [];
        for (const entry of valid) {
          const row = await cases.insertCase(tx, caller, orgId, stored, entry.input, 'csv', risk);
          created.push({ line: entry.line, caseId: row.id, reference: row.reference });
        }
        const caseIds = created.map((entry) => entry.caseId);
        const job = await deps.jobs.enqueue(tx, {
          type: DRAFT_BATCH_JOB,
          orgId,
          createdBy: caller.actor.label,
          payload: { caseIds, model: body.model ?? null },
        });
        await tx.update(workflowCases).set({ batchJobId: job.id }).where(inArray(workflowCases.id, caseIds));
        return { jobId: job.id, created };
      });
      return { ...result, problems };
    },

    /** The job: one draft after the other, resuming after the last finished case. */
    async draftBatch(context: JobContext): Promise<Record<string, unknown>> {
      const { caseIds, model } = context.job.payload as { caseIds: string[]; model: string | null };
      const caller: Caller = {
        principal: systemPrincipal,
        actor: { type: 'system', label: `workflows-batch:${context.job.createdBy}` },
        requestId: context.job.id,
        locale: 'de',
      };
      let done = Number((context.job.checkpoint as { done?: number } | null)?.done ?? 0);
      for (const caseId of caseIds.slice(done)) {
        if (context.signal.aborted) break;
        const [row] = await db.select().from(workflowCases).where(eq(workflowCases.id, caseId));
        if (row && isOpen(row.status) && !row.draftText) await cases.draft(caller, row, model ?? undefined);
        done++;
        await context.checkpoint({ done });
        await context.progress(done, caseIds.length);
      }
      return { drafted: done };
    },
  };
}
