import { sql } from 'drizzle-orm';
import { ServiceError } from '../core/errors.js';
import type { Caller } from '../identity/principal.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { RegistryQueries } from '../registry/registry-queries.js';
import { requireBoard, type BoardDeps, type BoardSettings } from './board-settings.js';
import type { DatasetService } from './dataset-service.js';
import { loadBuiltInSuites } from './load-suites.js';
import { evaluationMessages } from './messages.js';
import { buildReport, type EvaluationReport } from './report-export.js';
import type { RunRow, RunStore } from './run-store.js';
import { activeStatuses, runSettingsSchema, startRunSchema, type RunTrigger, type StartRunInput } from './run-types.js';
import { EVALUATION_JOB } from './runner.js';
import { itemsHash, promptCount, selectItems } from './selection.js';
import { categories, categoryLabels, type SuiteItem } from './suite-schema.js';

export type RunServiceDeps = BoardDeps & {
  store: RunStore;
  datasets: DatasetService;
  jobs: Pick<JobQueue, 'enqueue' | 'cancel' | 'get'>;
  registryQueries: Pick<RegistryQueries, 'getModel' | 'listModels'>;
  board: Pick<BoardSettings, 'schedules'>;
  /** The built-in suites; read once from suites/ unless a test passes its own. */
  suites?: () => SuiteItem[];
};

export type RunProgress = { answered: number; failed: number; total: number };
export type RunView = RunRow & { progress: RunProgress };

const notFound = () => new ServiceError('NOT_FOUND', evaluationMessages.runNotFound, { reason: 'run_not_found' });

/**
 * Starting, watching, cancelling and resuming evaluation runs (issue 5, items 4 and 7). Starting and stopping are
 * the review board's; reading runs and reports is open to everyone signed in, as results belong on the model card.
 */
export function createRunService(deps: RunServiceDeps) {
  const { store } = deps;
  const { db } = deps.database;
  let builtIn: SuiteItem[] | undefined;
  const suites = deps.suites ?? (() => (builtIn ??= loadBuiltInSuites()));

  async function view(run: RunRow): Promise<RunView> {
    const counts = await store.responseCounts(run.id);
    return { ...run, progress: { answered: counts.ok, failed: counts.error, total: run.promptCount } };
  }

  async function enqueue(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], caller: Caller, run: RunRow): Promise<RunRow> {
    const job = await deps.jobs.enqueue(tx, { type: EVALUATION_JOB, orgId: run.orgId, createdBy: caller.actor.label, payload: { runId: run.id } });
    return store.update(tx, run.id, { jobId: job.id });
  }

  return {
    /** The built-in suites per category and language, and the imported datasets: what a run can ask. */
    async catalogue(_caller: Caller) {
      const items = suites();
      const count = (filter: (item: SuiteItem) => boolean) => items.filter(filter).length;
      return {
        categories: categories
          .map((category) => ({
            category,
            label: categoryLabels[category],
            items: { de: count((item) => item.category === category && item.language === 'de'), en: count((item) => item.category === category && item.language === 'en') },
            methods: [...new Set(items.filter((item) => item.category === category).map((item) => item.method))].sort(),
          }))
          .filter((entry) => entry.items.de + entry.items.en > 0),
        total: { items: items.length, prompts: promptCount(items) },
        datasets: await deps.datasets.list(),
      };
    },

    /** Chat models with their registry status, newest run and schedule: the board's overview. */
    async models(_caller: Caller) {
      const [models, latest, schedules] = await Promise.all([deps.registryQueries.listModels(), store.latestPerModel(), deps.board.schedules()]);
      return models
        .filter((model) => model.kind === 'chat')
        .map((model) => {
          const run = latest.find((entry) => entry.modelId === model.id);
          return {
            id: model.id,
            name: model.name,
            revision: model.revision,
            status: model.status,
            statusReason: model.statusReason,
            latestRun: run ? { id: run.id, status: run.status, createdAt: run.createdAt, finishedAt: run.finishedAt, passed: run.passed, score: run.score } : null,
            schedule: schedules.find((schedule) => schedule.modelId === model.id) ?? null,
          };
        });
    },

    async start(caller: Caller, input: StartRunInput, trigger: RunTrigger = 'manual'): Promise<RunView> {
      const rootId = await requireBoard(deps.orgs, caller);
      const parsed = startRunSchema.parse(input);
      const model = await deps.registryQueries.getModel(parsed.modelId);
      if (!model) throw new ServiceError('NOT_FOUND', evaluationMessages.modelNotFound(parsed.modelId), { reason: 'model_not_found' });
      if (model.kind !== 'chat') throw new ServiceError('VALIDATION', evaluationMessages.notChatModel(model.id), { reason: 'not_chat_model' });
      if (model.status === 'excluded') throw new ServiceError('POLICY_DENIED', evaluationMessages.modelExcluded(model.id), { reason: 'model_excluded' });
      const items = selectItems(suites(), await deps.datasets.items(parsed.selection.datasets), parsed.selection);
      if (items.length === 0) throw new ServiceError('VALIDATION', evaluationMessages.noItems, { reason: 'no_items' });
      const settings = runSettingsSchema.parse(parsed.settings);
      const run = await db.transaction(async (tx) => {
        // One active run per model, also across instances (the scheduler of each may try at once).
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`evaluation:${model.id}`}))`);
        if (await store.activeFor(tx, model.id)) throw new ServiceError('CONFLICT', evaluationMessages.runActive(model.id), { reason: 'run_active' });
        const created = await store.insertRun(
          tx,
          {
            modelId: model.id,
            modelRevision: model.revision,
            orgId: rootId,
            status: 'queued',
            trigger,
            selection: parsed.selection as unknown as Record<string, unknown>,
            settings: settings as unknown as Record<string, unknown>,
            itemsHash: itemsHash(items),
            itemCount: items.length,
            promptCount: promptCount(items),
            startedBy: caller.actor.label,
            note: parsed.note ?? null,
            createdAt: deps.clock.now(),
          },
          items,
        );
        const queued = await enqueue(tx, caller, created);
        await deps.audit(tx, caller, {
          action: 'evaluation.run.start',
          orgId: rootId,
          targetType: 'evaluation_run',
          targetId: created.id,
          after: { modelId: model.id, modelRevision: model.revision, trigger, selection: parsed.selection, settings, itemsHash: created.itemsHash, itemCount: items.length },
        });
        return queued;
      });
      return view(run);
    },

    async cancel(caller: Caller, runId: string): Promise<RunView> {
      const rootId = await requireBoard(deps.orgs, caller);
      const run = await db.transaction(async (tx) => {
        const cancelled = await store.transition(tx, runId, activeStatuses, { status: 'cancelled', finishedAt: deps.clock.now() });
        if (!cancelled) {
          if (!(await store.get(runId, tx))) throw notFound();
          throw new ServiceError('CONFLICT', evaluationMessages.notCancellable, { reason: 'run_finished' });
        }
        await deps.audit(tx, caller, { action: 'evaluation.run.cancel', orgId: rootId, targetType: 'evaluation_run', targetId: runId });
        return cancelled;
      });
      const job = run.jobId ? await deps.jobs.get(run.jobId) : undefined;
      if (job && (job.status === 'queued' || job.status === 'running')) await deps.jobs.cancel(job.id).catch(() => undefined);
      return view(run);
    },

    /** Continues an interrupted or failed run where it stopped: answered prompts are not asked again. */
    async resume(caller: Caller, runId: string): Promise<RunView> {
      const rootId = await requireBoard(deps.orgs, caller);
      const run = await db.transaction(async (tx) => {
        const resumed = await store.transition(tx, runId, ['interrupted', 'failed'], { status: 'queued', error: null, finishedAt: null, consequence: null });
        if (!resumed) {
          if (!(await store.get(runId, tx))) throw notFound();
          throw new ServiceError('CONFLICT', evaluationMessages.notResumable, { reason: 'run_not_resumable' });
        }
        await deps.audit(tx, caller, { action: 'evaluation.run.resume', orgId: rootId, targetType: 'evaluation_run', targetId: runId });
        return enqueue(tx, caller, resumed);
      });
      return view(run);
    },

    async list(_caller: Caller, filter: { modelId?: string | undefined; limit?: number | undefined } = {}): Promise<RunView[]> {
      const rows = await store.list({ modelId: filter.modelId, limit: filter.limit ?? 50 });
      return Promise.all(rows.map(view));
    },

    async get(_caller: Caller, runId: string): Promise<RunView> {
      const run = await store.get(runId);
      if (!run) throw notFound();
      return view(run);
    },

    async report(_caller: Caller, runId: string): Promise<EvaluationReport> {
      const run = await store.get(runId);
      if (!run) throw notFound();
      if (run.status !== 'completed') throw new ServiceError('CONFLICT', evaluationMessages.notCompleted, { reason: 'run_not_completed' });
      const scores = await store.categoryScores(runId);
      const previous = store.summaryOf(run)?.previousRunId;
      const history = (await store.list({ modelId: run.modelId, limit: 20 })).filter((entry) => entry.status === 'completed');
      return buildReport(run, scores, previous ? ((await store.get(previous)) ?? null) : null, history);
    },

    async responses(_caller: Caller, runId: string, page: { offset: number; limit: number; itemId?: string | undefined }) {
      if (!(await store.get(runId))) throw notFound();
      return store.responses(runId, page);
    },

    async itemResults(_caller: Caller, runId: string, filter: { category?: string | undefined; failedOnly?: boolean }) {
      if (!(await store.get(runId))) throw notFound();
      return store.itemResults(runId, filter);
    },
  };
}

export type RunService = ReturnType<typeof createRunService>;
