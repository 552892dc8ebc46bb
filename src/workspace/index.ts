import type { AuditEmitter } from '../audit/audit-service.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logger.js';
import type { Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import type { UsageData } from '../gateway/usage-data.js';
import type { OrgTree } from '../identity/org-directory.js';
import type { Caller } from '../identity/principal.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { createAssistantService } from './assistant-service.js';
import { createChatService } from './chat-service.js';
import { createConversationService } from './conversation-service.js';
import { createDataRightsService, type PersonalDataSource } from './data-rights-service.js';
import { createGuidelinesService } from './guidelines-service.js';
import type { KnowledgeRetriever } from './knowledge-retriever.js';
import { createModelChoice, type ModelCards } from './model-choice.js';
import { createPlaygroundService } from './playground-service.js';

export { noKnowledge, type KnowledgePassage, type KnowledgeRetriever } from './knowledge-retriever.js';
export type { PersonalDataSource } from './data-rights-service.js';

export type WorkspaceDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  audit: AuditEmitter;
  orgs: CachedSnapshot<OrgTree>;
  orgSettings: { updateSettings(caller: Caller, orgId: string, patch: Record<string, unknown>): Promise<Record<string, unknown>> };
  gateway: GatewayService;
  usage: UsageData;
  recorder: { flush(): Promise<void> };
  cards: ModelCards;
  knowledge: KnowledgeRetriever;
  personalData?: PersonalDataSource[] | undefined;
};

export const RETENTION_JOB = 'workspace.retention';
const RETENTION_INTERVAL_MS = 60 * 60_000;
/** The first run after start-up: soon, once the server is serving. */
const RETENTION_FIRST_RUN_MS = 5_000;

/** The AI workspace (issue 6): chat, assistants, playground and data rights, over the gateway. */
export function createWorkspace(deps: WorkspaceDeps) {
  const models = createModelChoice({ gateway: deps.gateway, cards: deps.cards, orgs: deps.orgs });
  const assistants = createAssistantService({ ...deps, models });
  const conversations = createConversationService({ ...deps, assistants });
  const chat = createChatService({ ...deps, models, assistants, conversations });
  const playground = createPlaygroundService({ ...deps, models });
  const dataRights = createDataRightsService({ ...deps, sources: deps.personalData });
  const guidelines = createGuidelinesService(deps);
  let firstRun: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;

  return {
    models,
    assistants,
    conversations,
    chat,
    playground,
    dataRights,
    guidelines,

    /** Registers the retention job's handler (compose); `startRetention` queues it (the running server). */
    registerRetention(jobs: JobQueue): void {
      jobs.register(RETENTION_JOB, async (context) => {
        const summary = await dataRights.runRetention();
        await context.progress(1, 1);
        return summary;
      });
    },

    /**
     * Queues the retention job shortly after start-up and then every hour, unless one is already waiting
     * or running: what expired while the server was down goes soon, not an hour after each restart.
     */
    startRetention(jobs: JobQueue, rootOrgId: string, timing: { firstRunAfterMs?: number; everyMs?: number } = {}): void {
      const enqueue = async () => {
        const [latest] = await jobs.list([rootOrgId], RETENTION_JOB, 1);
        if (latest && (latest.status === 'queued' || latest.status === 'running')) return;
        await jobs.enqueue(deps.database.db, { type: RETENTION_JOB, orgId: rootOrgId, createdBy: 'system:workspace-retention' });
      };
      const run = () => void enqueue().catch((error: unknown) => deps.logger.error({ err: error }, 'retention job not queued'));
      firstRun = setTimeout(run, timing.firstRunAfterMs ?? RETENTION_FIRST_RUN_MS);
      firstRun.unref();
      timer = setInterval(run, timing.everyMs ?? RETENTION_INTERVAL_MS);
      timer.unref();
    },

    stop(): void {
      if (firstRun) clearTimeout(firstRun);
      if (timer) clearInterval(timer);
    },
  };
}

export type Workspace = ReturnType<typeof createWorkspace>;
