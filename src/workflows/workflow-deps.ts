import { ServiceError } from '../core/errors.js';
import type { Clock } from '../core/clock.js';
import type { SecretBox } from '../core/crypto.js';
import type { Tx, Database } from '../db/connection.js';
import type { AuditEmitter } from '../audit/audit-service.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { OrgTree } from '../identity/org-directory.js';
import { can, rolesAt, type Caller } from '../identity/principal.js';
import { roleLabels } from '../identity/roles.js';
import type { WorkflowDefinition } from './definition-schema.js';
import type { DefinitionStore } from './definition-store.js';
import type { MailSender, WebhookPoster } from './agent/effects.js';
import { workflowMessages } from './messages.js';
import type { RegisterLink } from './register-link.js';
import { workflowCaseEvents, type workflowCases } from './schema.js';

export type WorkflowDeps = {
  database: Database;
  clock: Clock;
  audit: AuditEmitter;
  orgs: { get(): Promise<OrgTree> };
  gateway: Pick<GatewayService, 'chat'>;
  jobs: Pick<JobQueue, 'enqueue'>;
  secrets: SecretBox;
  register: RegisterLink;
  mail: MailSender;
  webhooks: WebhookPoster;
  definitions: DefinitionStore;
};

export type CaseRow = typeof workflowCases.$inferSelect;

/** Statuses in which a case is still open: its text can change and it can be decided. */
export const OPEN_STATUSES = ['draft_pending', 'draft_failed', 'in_review'] as const;

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** Approving, rejecting and confirming actions are human decisions (DECIDE-2, DECIDE-4): never an API key. */
export function requirePerson(caller: Caller): void {
  if (caller.principal.kind !== 'user')
    throw new ServiceError('FORBIDDEN', workflowMessages.personRequired, { reason: 'person_required' });
}

export function mayApprove(
  caller: Caller,
  tree: OrgTree,
  orgId: string,
  definition: WorkflowDefinition,
): boolean {
  if (caller.principal.kind !== 'user' || !can(caller.principal, tree, 'workflow.use', orgId)) return false;
  const held = rolesAt(caller.principal, tree, orgId);
  return definition.approval.roles.some((role) => held.has(role));
}

export function requireApprover(
  caller: Caller,
  tree: OrgTree,
  orgId: string,
  definition: WorkflowDefinition,
): void {
  requirePerson(caller);
  if (!mayApprove(caller, tree, orgId, definition)) {
    const names = definition.approval.roles.map((role) => roleLabels[role][caller.locale]).join(' / ');
    throw new ServiceError('FORBIDDEN', workflowMessages.wrongApprovalRole(names), {
      reason: 'approval_role_required',
      extra: { roles: definition.approval.roles },
    });
  }
}

export function userIdOf(caller: Caller): string | null {
  return caller.principal.kind === 'user'
    ? caller.principal.userId
    : caller.principal.kind === 'api_key'
      ? caller.principal.createdByUserId
      : null;
}

/** One step of a case's history, in the same transaction as the change it records. */
export async function recordEvent(
  tx: Tx,
  clock: Clock,
  caller: Caller,
  caseId: string,
  type: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insert(workflowCaseEvents)
    .values({ caseId, occurredAt: clock.now(), type, actor: caller.actor.label, detail });
}
