import { ServiceError, type ErrorCode } from '../core/errors.js';
import type { Text } from '../core/l10n.js';
import type { OrgTree } from '../identity/org-directory.js';
import type { Caller } from '../identity/org-service.js';
import { can, rolesAt } from '../identity/principal.js';
import type { EffectiveModel, RegistrySnapshot } from '../registry/registry-snapshot.js';
import { gatewayMessages } from './messages.js';
import type { ExceptionChecker } from './pipeline-hooks.js';

export type Purpose = 'api' | 'chat' | 'evaluation' | 'playground' | 'workflow' | 'knowledge';

/** A policy decision is a value that always carries its explanation (for the caller, the audit log and metrics). */
export type PolicyDecision =
  | { outcome: 'allow'; effective: EffectiveModel; exceptionId?: string }
  | { outcome: 'deny'; code: ErrorCode; reason: string; detail: Text }
  | { outcome: 'needs_approval'; reason: string; detail: Text };

export type PolicyInput = {
  caller: Caller;
  orgId: string;
  modelId: string;
  kind: 'chat' | 'embedding' | 'image';
  purpose: Purpose;
  tree: OrgTree;
  registry: RegistrySnapshot;
  exceptions: ExceptionChecker | undefined;
  dataClass?: string | undefined;
};

export async function decide(input: PolicyInput): Promise<PolicyDecision> {
  const { caller, orgId, modelId, tree, registry } = input;
  if (!can(caller.principal, tree, 'model.use', orgId)) {
    return { outcome: 'deny', code: 'FORBIDDEN', reason: 'missing_permission:model.use', detail: gatewayMessages.modelNotFound(modelId) };
  }
  const lineage = tree.lineage(orgId);
  const effective = registry.effective(modelId, lineage);
  if (!effective) return { outcome: 'deny', code: 'NOT_FOUND', reason: 'model_not_found', detail: gatewayMessages.modelNotFound(modelId) };
  if (effective.model.kind !== input.kind) {
    return { outcome: 'deny', code: 'VALIDATION', reason: 'wrong_model_kind', detail: gatewayMessages.wrongKind(modelId, effective.model.kind) };
  }
  const strongest = effective.restrictions[effective.restrictions.length - 1];
  switch (effective.status) {
    case 'excluded': {
      const exclusion = [...effective.restrictions].reverse().find((restriction) => restriction.effect === 'excluded' || restriction.effect === 'exclude' || restriction.effect.includes(':')) ?? strongest;
      const source = exclusion?.source === 'organisation' ? (exclusion.orgName ?? '') : 'Modellregister / model registry';
      return { outcome: 'deny', code: 'POLICY_DENIED', reason: 'model_excluded', detail: gatewayMessages.excluded(modelId, exclusion?.reason.de ?? '', source) };
    }
    case 'exception_only': {
      const exception = await input.exceptions?.find(caller, orgId, modelId, { dataClass: input.dataClass });
      if (!exception) return { outcome: 'needs_approval', reason: 'exception_required', detail: gatewayMessages.exceptionRequired(modelId) };
      return checkRoles(input, effective, exception.id);
    }
    case 'candidate':
    case 'under_review': {
      const reviewerRun = input.purpose === 'evaluation' && (caller.principal.kind === 'system' || can(caller.principal, tree, 'registry.review', orgId));
      if (!reviewerRun) return { outcome: 'deny', code: 'POLICY_DENIED', reason: 'model_under_review', detail: gatewayMessages.underReview(modelId) };
      return checkRoles(input, effective);
    }
    default:
      return checkRoles(input, effective);
  }
}

function checkRoles(input: PolicyInput, effective: EffectiveModel, exceptionId?: string): PolicyDecision {
  if (effective.allowedRoles && input.caller.principal.kind !== 'system') {
    const held = rolesAt(input.caller.principal, input.tree, input.orgId);
    if (![...held].some((role) => effective.allowedRoles!.has(role))) {
      return { outcome: 'deny', code: 'POLICY_DENIED', reason: 'model_restricted_roles', detail: gatewayMessages.rolesRestricted(input.modelId, [...effective.allowedRoles].join(', ')) };
    }
  }
  return { outcome: 'allow', effective, ...(exceptionId ? { exceptionId } : {}) };
}

export function refusal(decision: Exclude<PolicyDecision, { outcome: 'allow' }>): ServiceError {
  return new ServiceError(decision.outcome === 'deny' ? decision.code : 'POLICY_DENIED', decision.detail, {
    reason: decision.reason,
    extra: { decision: decision.outcome },
  });
}
