import path from 'node:path';
import { ServiceError } from '../core/errors.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { createAgentService } from './agent/agent-service.js';
import { createCaseBatch } from './case-batch.js';
import { createCaseExplanation } from './case-explanation.js';
import { createCaseService } from './case-service.js';
import { createChannelService } from './channel-service.js';
import { loadDefinitionDir, parseDefinition, shippedDefinitionsDir } from './load-definitions.js';
import type { WorkflowDeps } from './workflow-deps.js';

export { DRAFT_BATCH_JOB } from './case-batch.js';

/**
 * Case workflows (issue 12; DECIDE-1..4, OPEN-2). Definitions come from the shipped folder and from
 * `<data_dir>/workflows`; cases, the assistant's actions and the channels it may post to live here.
 */
export function createWorkflowService(deps: WorkflowDeps) {
  const cases = createCaseService(deps);
  const channels = createChannelService(deps);
  const agent = createAgentService(deps, cases, channels);
  const batch = createCaseBatch(deps, cases);
  const explain = createCaseExplanation(deps, cases);

  async function useCase(caller: Caller, orgId: string, workflowId: string) {
    const { definition } = await deps.definitions.get(workflowId);
    return deps.register.find(caller, orgId, definition.id);
  }

  return {
    /** Loads and stores the shipped definitions and the organisation's own; a changed version stops the start. */
    async start(dataDir: string): Promise<void> {
      await deps.definitions.load();
      await deps.definitions.publish([
        ...loadDefinitionDir(shippedDefinitionsDir, 'shipped'),
        ...loadDefinitionDir(path.join(dataDir, 'workflows'), 'data'),
      ]);
    },

    /** Adds a definition from YAML or JSON text (tests, tooling); the same rules as files on disk. */
    async publishDefinition(source: string, origin: string) {
      const loaded = parseDefinition(source, origin);
      await deps.definitions.publish([loaded]);
      return loaded;
    },

    async listWorkflows(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await deps.orgs.get(), 'workflow.use', orgId);
      return Promise.all(
        deps.definitions.latest().map(async ({ definition, hash }) => ({
          id: definition.id,
          version: definition.version,
          hash,
          kind: definition.kind,
          title: definition.title,
          description: definition.description,
          model: definition.draft.model,
          approvalRoles: definition.approval.roles,
          useCase: definition.useCase,
          register: {
            connected: deps.register.connected,
            entry: await useCase(caller, orgId, definition.id),
          },
          versions: deps.definitions.versions(definition.id).map((entry) => entry.definition.version),
        })),
      );
    },

    /** The full definition (form schema, rules, prompts): open for every signed-in person to review. */
    async getDefinition(workflowId: string, version?: number) {
      const stored = await deps.definitions.get(workflowId, version);
      return { ...stored.definition, hash: stored.hash, origin: stored.origin, loadedAt: stored.loadedAt };
    },

    /** Enters (or updates) the workflow's use case in the transparency register with its risk class (OPEN-2). */
    async linkToRegister(caller: Caller, orgId: string, workflowId: string) {
      requirePermission(caller.principal, await deps.orgs.get(), 'workflow.manage', orgId);
      const { definition } = await deps.definitions.get(workflowId);
      const registered = await deps.register.link(caller, orgId, {
        key: definition.id,
        name: definition.useCase.name,
        purpose: definition.useCase.purpose,
        riskClass: definition.useCase.riskClass,
        riskReason: definition.useCase.riskReason,
        humanOversight: definition.useCase.humanOversight,
        models: [definition.draft.model],
      });
      if (!registered)
        throw new ServiceError('UNAVAILABLE', {
          de: 'Keine Antwort des Registers.',
          en: 'No answer from the register.',
        });
      await deps.database.db.transaction((tx) =>
        deps.audit(tx, caller, {
          action: 'workflows.register.link',
          orgId,
          targetType: 'workflow',
          targetId: workflowId,
          after: { useCaseId: registered.id, riskClass: registered.riskClass },
        }),
      );
      return registered;
    },

    cases,
    channels,
    agent,
    submitCsv: batch.submitCsv,
    draftBatch: batch.draftBatch,
    explain,
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
