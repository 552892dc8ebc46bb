import type { Zone } from '../core/config.js';
import { text, type Text } from '../core/l10n.js';
import type { ModelStatus } from './model-card.js';

export type ProviderConnection = {
  id: string;
  name: string;
  kind: string;
  zone: Zone;
  jurisdiction: string;
  location: string | null;
  adapter: string | null;
  baseUrl: string | null;
  apiKey: string | undefined;
  headers: Record<string, string>;
  options: Record<string, unknown>;
  status: ModelStatus;
  statusReason: Text;
};

export type Deployment = { providerId: string; upstreamModel: string; priority: number };

export type ModelEntry = {
  id: string;
  name: string;
  kind: 'chat' | 'embedding' | 'image';
  revision: string;
  status: ModelStatus;
  statusReason: Text;
  exclusionCategory: string | null;
  deployments: Deployment[];
  fallbacks: string[];
  activeParametersB: number | null;
  totalParametersB: number | null;
  energyWhPer1kOutputTokens: number | null;
  contextLength: number | null;
};

export type RuleEffect = 'exclude' | 'exception_only' | 'restrict_roles';
export type OrgRule = {
  id: string;
  orgId: string;
  orgName: string;
  targetType: 'model' | 'provider' | 'zone';
  targetId: string;
  effect: RuleEffect;
  roles: string[];
  reason: string;
};

/** Where a restriction comes from: the registry itself or an organisation's rule. */
export type Restriction = { source: 'registry' | 'organisation'; orgId?: string; orgName?: string; effect: string; reason: Text };

/** Shared by every request of the snapshot's lifetime (memoised), hence read-only. */
export type EffectiveModel = {
  readonly model: ModelEntry;
  readonly status: ModelStatus;
  readonly restrictions: readonly Restriction[];
  /** null = every role; otherwise only these roles may use the model here. */
  readonly allowedRoles: ReadonlySet<string> | null;
  /** Deployments left after provider and zone rules, connected providers only, in order of preference. */
  readonly deployments: readonly (Deployment & { provider: ProviderConnection })[];
};

const strictness: Record<ModelStatus, number> = {
  recommended: 0,
  approved: 1,
  candidate: 2,
  under_review: 2,
  exception_only: 3,
  excluded: 4,
};

export function stricter(a: ModelStatus, b: ModelStatus): ModelStatus {
  return strictness[b] > strictness[a] ? b : a;
}

export function isAtLeastAsStrict(a: ModelStatus, b: ModelStatus): boolean {
  return strictness[a] >= strictness[b];
}

/** Statuses ordered best first, for fallbacks of "equal or better" status. */
export function statusRank(status: ModelStatus): number {
  return strictness[status];
}

/**
 * Everything the gateway's policy step reads, as one immutable value. A registry change anywhere
 * replaces it (NOTIFY), so a decision of the review board applies to the next request.
 */
export class RegistrySnapshot {
  constructor(
    readonly models: Map<string, ModelEntry>,
    readonly providers: Map<string, ProviderConnection>,
    readonly rules: OrgRule[],
  ) {}

  /** Per model and lineage: the snapshot never changes, and every gateway call asks. Known models only, so
   * a client naming made-up models cannot grow it. */
  private readonly effectiveByLineage = new Map<string, EffectiveModel>();

  /** The model as organisation `lineage[0]` sees it; `lineage` is the org and its ancestors, nearest first. */
  effective(modelId: string, lineage: { id: string; name: string }[]): EffectiveModel | undefined {
    const model = this.models.get(modelId);
    if (!model) return undefined;
    let key = modelId;
    for (const org of lineage) key += `\u0000${org.id}`;
    let effective = this.effectiveByLineage.get(key);
    if (!effective) this.effectiveByLineage.set(key, (effective = this.compute(model, lineage)));
    return effective;
  }

  private compute(model: ModelEntry, lineage: { id: string; name: string }[]): EffectiveModel {
    const modelId = model.id;
    const lineageIds = new Set(lineage.map((org) => org.id));
    const rules = this.rules.filter((rule) => lineageIds.has(rule.orgId));
    let status = model.status;
    const restrictions: Restriction[] = [];
    if (model.status !== 'recommended' && model.status !== 'approved') {
      restrictions.push({ source: 'registry', effect: model.status, reason: model.statusReason });
    }
    let allowedRoles = null as Set<string> | null;
    const excludedProviders = new Set<string>();
    const excludedZones = new Set<string>();

    for (const rule of rules) {
      const restriction: Restriction = { source: 'organisation', orgId: rule.orgId, orgName: rule.orgName, effect: rule.effect, reason: text(rule.reason, rule.reason) };
      if (rule.targetType === 'model' && rule.targetId === modelId) {
        if (rule.effect === 'exclude') status = stricter(status, 'excluded');
        if (rule.effect === 'exception_only') status = stricter(status, 'exception_only');
        if (rule.effect === 'restrict_roles') {
          const roles = new Set(rule.roles);
          allowedRoles = allowedRoles ? new Set([...allowedRoles].filter((role) => roles.has(role))) : roles;
        }
        restrictions.push(restriction);
      }
      if (rule.targetType === 'provider' && rule.effect === 'exclude') excludedProviders.add(rule.targetId);
      if (rule.targetType === 'zone' && rule.effect === 'exclude') excludedZones.add(rule.targetId);
    }

    const deployments = model.deployments
      .map((deployment) => ({ ...deployment, provider: this.providers.get(deployment.providerId)! }))
      .filter(({ provider }) => provider && provider.adapter && provider.status !== 'excluded')
      .filter(({ provider }) => !excludedProviders.has(provider.id) && !excludedZones.has(provider.zone))
      .sort((a, b) => a.priority - b.priority);
    const connected = model.deployments.filter((deployment) => this.providers.get(deployment.providerId)?.adapter);
    if (connected.length > 0 && deployments.length === 0) {
      const blocking = rules.filter(
        (rule) =>
          (rule.targetType === 'provider' && connected.some((deployment) => deployment.providerId === rule.targetId)) ||
          rule.targetType === 'zone',
      );
      status = stricter(status, 'excluded');
      for (const rule of blocking) {
        restrictions.push({ source: 'organisation', orgId: rule.orgId, orgName: rule.orgName, effect: `${rule.targetType}:${rule.targetId}`, reason: text(rule.reason, rule.reason) });
      }
    }
    return { model, status, restrictions, allowedRoles, deployments };
  }
}
