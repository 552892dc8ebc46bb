import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import { isServiceError, type ServiceError } from '../core/errors.js';
import { text, type Text } from '../core/l10n.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/connection.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import { systemCaller, type Caller } from '../identity/principal.js';
import type { JobContext, JobQueue } from '../jobs/job-queue.js';
import type { RegistryQueries } from '../registry/registry-queries.js';
import type { RegistryService } from '../registry/registry-service.js';
import type { BoardSettings } from './board-settings.js';
import { compareRuns } from './compare-runs.js';
import { decideStatus, failedCategories } from './consequences.js';
import { evaluationMessages } from './messages.js';
import type { NotifyReviewers, ReviewerNotification } from './notifier.js';
import { promptsForItem, type EvalPrompt } from './prompts.js';
import { aggregate } from './report.js';
import { promptKey, type RunRow, type RunStore, type StoredResponse } from './run-store.js';
import { runSettingsSchema, type RunConsequence, type RunSettings, type RunSummary } from './run-types.js';
import { scoreItem } from './scoring/score-item.js';
import { categoryLabels, type SuiteItem } from './suite-schema.js';
import { applyThresholds } from './thresholds.js';

export const EVALUATION_JOB = 'evaluation.run';

export type RunnerDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  audit: AuditEmitter;
  store: RunStore;
  board: BoardSettings;
  gateway: Pick<GatewayService, 'chat'>;
  registry: Pick<RegistryService, 'setModelStatus'>;
  registryQueries: Pick<RegistryQueries, 'getModel'>;
  jobs: Pick<JobQueue, 'get'>;
  notifyReviewers: NotifyReviewers;
  /** Waits between attempts of one prompt (tests shorten them). */
  retryDelaysMs?: number[];
};

/** Errors that asking again cannot fix: the model is gone, excluded, forbidden, or the budget is spent. */
function isPermanent(error: unknown): error is ServiceError {
  if (!isServiceError(error)) return false;
  if (error.code === 'LIMIT_EXCEEDED') return error.reason === 'budget_exhausted';
  return ['NOT_FOUND', 'FORBIDDEN', 'POLICY_DENIED', 'VALIDATION', 'UNAUTHENTICATED'].includes(error.code);
}

const both = (value: Text) => `${value.de} / ${value.en}`;
const messageOf = (error: unknown) => (isServiceError(error) ? both(error.detail) : (error as Error)?.message ?? String(error));

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * The evaluation job (issue 5, item 4): asks every prompt of the run through the gateway (purpose `evaluation`,
 * temperature 0, fixed seed, a concurrency limit), stores each response as it arrives, and on the last one scores
 * the run, applies the board's thresholds and, on a failure, moves the model to "under review" or "excluded".
 * Resuming after a crash or restart skips the prompts already answered; scoring is deterministic, so a resumed
 * run gives the same result as an uninterrupted one.
 */
export function createRunner(deps: RunnerDeps) {
  const { store, clock, logger } = deps;
  const { db } = deps.database;
  const retryDelays = deps.retryDelaysMs ?? [500, 2_000];

  const runCaller = (run: RunRow): Caller => systemCaller(`evaluation-run:${run.id}`, `evaluation-${run.id}`);

  async function ask(run: RunRow, settings: RunSettings, prompt: EvalPrompt, signal: AbortSignal): Promise<StoredResponse> {
    const request = { model: run.modelId, temperature: settings.temperature, seed: settings.seed, max_tokens: settings.maxTokens };
    const base = { messages: prompt.messages, request, itemId: prompt.itemId, variant: prompt.variant };
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      try {
        const completion = await deps.gateway.chat(
          { caller: runCaller(run), orgId: run.orgId, purpose: 'evaluation', signal },
          { ...request, messages: prompt.messages },
        );
        const served = completion.leitplanke;
        const common = {
          ...base,
          servedModel: completion.model,
          servedRevision: served.model_revision,
          provider: served.provider,
          provenanceId: served.provenance_id,
          promptTokens: completion.usage?.prompt_tokens ?? null,
          completionTokens: completion.usage?.completion_tokens ?? null,
          latencyMs: Date.now() - started,
          attempts: attempt,
        };
        // A fallback model's answer says nothing about the model under test.
        if (completion.model !== run.modelId)
          return { ...common, status: 'error', response: '', error: both(evaluationMessages.fallbackAnswered(completion.model)) };
        return { ...common, status: 'ok', response: completion.choices[0]?.message.content ?? '', error: null };
      } catch (error) {
        if (signal.aborted || isPermanent(error)) throw error;
        const wait = retryDelays[attempt - 1];
        if (wait === undefined)
          return {
            ...base,
            status: 'error',
            response: '',
            error: messageOf(error),
            servedModel: null,
            servedRevision: null,
            provider: null,
            provenanceId: null,
            promptTokens: null,
            completionTokens: null,
            latencyMs: Date.now() - started,
            attempts: attempt,
          };
        const retryAfter = isServiceError(error) && error.retryAfterSeconds ? Math.min(error.retryAfterSeconds * 1000, 10_000) : 0;
        await sleep(Math.max(wait, retryAfter), signal);
      }
    }
  }

  /** Asks the prompts with `concurrency` workers; stops at the first permanent error or on abort. */
  async function askAll(run: RunRow, settings: RunSettings, todo: EvalPrompt[], context: JobContext, total: number, done: number): Promise<ServiceError | undefined> {
    let next = 0;
    let answered = done;
    let permanent: ServiceError | undefined;
    let unexpected: unknown;
    let lastReport = 0;
    const report = async (force = false) => {
      if (!force && Date.now() - lastReport < 250) return;
      lastReport = Date.now();
      await context.progress(answered, total, `${answered}/${total}`);
      await context.checkpoint({ answered });
    };
    const worker = async () => {
      while (!context.signal.aborted && !permanent && unexpected === undefined) {
        const prompt = todo[next++];
        if (!prompt) return;
        try {
          const response = await ask(run, settings, prompt, context.signal);
          await store.saveResponse(run.id, prompt, response);
          answered++;
          await report();
        } catch (error) {
          if (context.signal.aborted) return;
          // Every worker stops before the error leaves, so no call outlives this attempt of the job.
          if (isPermanent(error)) permanent ??= error;
          else unexpected ??= error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, Math.max(todo.length, 1)) }, worker));
    if (unexpected !== undefined) throw unexpected;
    if (!context.signal.aborted) await report(true);
    return permanent;
  }

  async function notify(run: RunRow, kind: ReviewerNotification['kind'], title: Text, body: Text, tx: Parameters<NotifyReviewers>[0]): Promise<string> {
    return deps.notifyReviewers(tx, runCaller(run), {
      kind,
      orgId: run.orgId,
      runId: run.id,
      modelId: run.modelId,
      title,
      body,
      link: `/modellpruefung?lauf=${run.id}`,
    });
  }

  async function fail(run: RunRow, error: string): Promise<void> {
    await db.transaction(async (tx) => {
      const failed = await store.transition(tx, run.id, ['running'], { status: 'failed', error, finishedAt: clock.now() });
      if (!failed) return;
      const notified = await notify(
        run,
        'evaluation.unfinished',
        text(`Evaluation von ${run.modelId} nicht abgeschlossen`, `Evaluation of ${run.modelId} did not finish`),
        text(error, error),
        tx,
      );
      await store.update(tx, run.id, { consequence: { action: 'none', statusBefore: null, statusAfter: null, reason: null, notified } });
      await deps.audit(tx, runCaller(run), { action: 'evaluation.run.fail', orgId: run.orgId, targetType: 'evaluation_run', targetId: run.id, metadata: { error } });
    });
  }

  /** Scores, compares, applies thresholds and consequences. Safe to repeat: every step is recomputed or checked. */
  async function finalise(run: RunRow, items: SuiteItem[]): Promise<void> {
    const responses = await store.responsesByItem(run.id);
    const results = items.map((item) => scoreItem(item, responses.get(item.id) ?? {}));
    const scores = aggregate(results);
    const thresholds = await deps.board.thresholdMap();
    const outcomes = applyThresholds(scores, thresholds);
    const previous = await store.previousCompleted(run);
    const comparison = previous ? compareRuns((await store.categoryScores(previous.id)).map((entry) => entry.score), scores) : [];
    const failed = failedCategories(outcomes);
    const summary: RunSummary = {
      thresholds: Object.fromEntries(scores.map((score) => [score.category, thresholds[score.category]])),
      outcomes,
      comparison,
      previousRunId: previous?.id ?? null,
      failedCategories: failed,
    };
    const score = scores.length === 0 ? null : scores.reduce((sum, entry) => sum + entry.score, 0) / scores.length;
    const caller = runCaller(run);
    await db.transaction(async (tx) => {
      await store.saveResults(tx, run.id, results, scores, outcomes);
      await store.update(tx, run.id, { passed: failed.length === 0, score, summary: summary as unknown as Record<string, unknown> });
      await deps.audit(tx, caller, {
        action: 'evaluation.run.score',
        orgId: run.orgId,
        targetType: 'evaluation_run',
        targetId: run.id,
        after: { passed: failed.length === 0, score, failedCategories: failed, itemsHash: run.itemsHash },
      });
    });

    const model = await deps.registryQueries.getModel(run.modelId);
    const before = model?.status ?? null;
    const decision = decideStatus(run.id, before ?? 'excluded', outcomes, thresholds);
    let consequence: Omit<RunConsequence, 'notified'> = { action: decision.action, statusBefore: before, statusAfter: before, reason: null };
    if (decision.action === 'under_review' || decision.action === 'excluded') {
      try {
        const after = await deps.registry.setModelStatus(systemCaller('evaluation', `evaluation-${run.id}`), run.modelId, {
          status: decision.action,
          reason: decision.reason,
          exclusionCategory: decision.exclusionCategory,
        });
        consequence = { action: decision.action, statusBefore: before, statusAfter: after.status, reason: decision.reason };
      } catch (error) {
        logger.error({ err: error, run: run.id }, 'evaluation could not change the model status');
        consequence = { action: 'unchanged', statusBefore: before, statusAfter: before, reason: messageOf(error) };
      }
    }

    const labels = (language: 'de' | 'en') => failed.map((category) => categoryLabels[category][language]).join(', ');
    await db.transaction(async (tx) => {
      const current = await store.get(run.id, tx);
      if (current?.status !== 'running') return;
      const notified = await notify(
        run,
        failed.length > 0 ? 'evaluation.failed' : 'evaluation.passed',
        failed.length > 0
          ? text(`${run.modelId} hat Bias-Tests nicht bestanden`, `${run.modelId} failed bias tests`)
          : text(`${run.modelId} hat alle Bias-Tests bestanden`, `${run.modelId} passed all bias tests`),
        failed.length > 0
          ? text(
              `Nicht bestanden: ${labels('de')}. Status: ${consequence.statusBefore ?? '–'} → ${consequence.statusAfter ?? '–'}.`,
              `Failed: ${labels('en')}. Status: ${consequence.statusBefore ?? '–'} → ${consequence.statusAfter ?? '–'}.`,
            )
          : text('Alle Kategorien haben die Schwellen der Modellprüfung erreicht.', 'Every category met the review board’s thresholds.'),
        tx,
      );
      await store.update(tx, run.id, { status: 'completed', finishedAt: clock.now(), consequence: { ...consequence, notified } });
      await deps.audit(tx, caller, {
        action: 'evaluation.run.complete',
        orgId: run.orgId,
        targetType: 'evaluation_run',
        targetId: run.id,
        after: { passed: failed.length === 0, consequence },
      });
    });
  }

  async function handle(context: JobContext): Promise<Record<string, unknown>> {
    const runId = String(context.job.payload.runId);
    const stored = await store.get(runId);
    if (!stored || !['queued', 'running', 'interrupted'].includes(stored.status)) return { runId, skipped: stored?.status ?? 'missing' };
    const run = await store.update(db, runId, { status: 'running', startedAt: stored.startedAt ?? clock.now(), error: null, jobId: context.job.id });
    const settings = runSettingsSchema.parse(run.settings);
    const items = await store.items(runId);
    const prompts = items.flatMap(promptsForItem);
    const answered = await store.answeredKeys(runId);
    const todo = prompts.filter((prompt) => !answered.has(promptKey(prompt.itemId, prompt.variant)));
    await context.progress(prompts.length - todo.length, prompts.length);

    const permanent = await askAll(run, settings, todo, context, prompts.length, prompts.length - todo.length);
    if (context.signal.aborted) {
      // The job row tells a cancellation (already marked) from a worker that is shutting down.
      const job = await deps.jobs.get(context.job.id);
      if (job?.status === 'cancelled') await store.transition(db, runId, ['running', 'queued'], { status: 'cancelled', finishedAt: clock.now() });
      else await store.transition(db, runId, ['running'], { status: 'interrupted', error: both(evaluationMessages.interruptedByShutdown) });
      throw new Error(`evaluation run ${runId} stopped`);
    }
    if (permanent) {
      await fail(run, messageOf(permanent));
      return { runId, status: 'failed' };
    }
    const counts = await store.responseCounts(runId);
    if (counts.error > 0) {
      await fail(run, both(evaluationMessages.unanswered(counts.error)));
      return { runId, status: 'failed' };
    }
    await finalise(run, items);
    return { runId, status: 'completed' };
  }

  return { handle };
}

export type Runner = ReturnType<typeof createRunner>;
