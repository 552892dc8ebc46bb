import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { Database } from '../db/connection.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { RegistryQueries } from '../registry/registry-queries.js';
import type { RegistryService } from '../registry/registry-service.js';
import { createBoardSettings } from './board-settings.js';
import { createDatasetService } from './dataset-service.js';
import { auditLogNotifier, type NotifyReviewers } from './notifier.js';
import { createRunService } from './run-service.js';
import { createRunStore } from './run-store.js';
import { createRunner } from './runner.js';
import { createEvaluationScheduler } from './scheduler.js';
import { type SuiteItem } from './suite-schema.js';

export type EvaluationDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  audit: AuditEmitter;
  orgs: CachedSnapshot<OrgTree>;
  gateway: Pick<GatewayService, 'chat'>;
  registry: Pick<RegistryService, 'setModelStatus'>;
  registryQueries: Pick<RegistryQueries, 'getModel' | 'listModels' | 'recentChanges'>;
  jobs: Pick<JobQueue, 'enqueue' | 'cancel' | 'get'>;
  /** In-product notifications for reviewers; until they exist, the audit log (see notifier.ts). */
  notifyReviewers?: NotifyReviewers | undefined;
  suites?: () => SuiteItem[];
  retryDelaysMs?: number[];
  schedulerIntervalMs?: number;
};

/** The evaluation module's services, wired once in compose.ts. */
export function createEvaluation(deps: EvaluationDeps) {
  const store = createRunStore(deps.database, deps.clock);
  const base = { database: deps.database, clock: deps.clock, audit: deps.audit, orgs: deps.orgs };
  const board = createBoardSettings({ ...base, models: deps.registryQueries });
  const datasets = createDatasetService(base);
  const runs = createRunService({ ...base, store, datasets, board, jobs: deps.jobs, registryQueries: deps.registryQueries, suites: deps.suites });
  const runner = createRunner({
    ...base,
    logger: deps.logger,
    store,
    board,
    gateway: deps.gateway,
    registry: deps.registry,
    registryQueries: deps.registryQueries,
    jobs: deps.jobs,
    notifyReviewers: deps.notifyReviewers ?? auditLogNotifier(deps.audit),
    retryDelaysMs: deps.retryDelaysMs,
  });
  const scheduler = createEvaluationScheduler({
    clock: deps.clock,
    logger: deps.logger,
    store,
    runs,
    board,
    jobs: deps.jobs,
    registryQueries: deps.registryQueries,
    intervalMs: deps.schedulerIntervalMs,
  });
  return { runs, board, datasets, runner, scheduler };
}

export type Evaluation = ReturnType<typeof createEvaluation>;
