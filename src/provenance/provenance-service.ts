import { ServiceError } from '../core/errors.js';
import type { Text } from '../core/l10n.js';
import type { OrgNode } from '../identity/org-directory.js';
import { can, requirePermission, type Caller } from '../identity/principal.js';
import type { ProvenanceDeps } from './deps.js';
import { aiImageLevelNames, effectiveImagePolicy, isLooserThan, type ImagePolicy, type ImagePolicySetting } from './image-policy.js';
import { channelNames, channels, effectiveTemplates, renderLabels, unknownPlaceholders, type Channel, type LabelTemplates } from './label-texts.js';
import { provenanceMessages } from './messages.js';

/** What an organisation keeps under `settings.provenance`. */
export type ProvenanceSettings = { labels?: LabelTemplates; imagePolicy?: ImagePolicySetting };

export const settingsOf = (org: OrgNode | undefined): ProvenanceSettings => (org?.settings.provenance as ProvenanceSettings | undefined) ?? {};

/** Provenance records of generated output, label texts per channel, and the organisation's image policy. */
export function createProvenanceService(deps: ProvenanceDeps) {
  const { orgs, lookup } = deps;

  async function lineageOf(orgId: string): Promise<OrgNode[]> {
    const tree = await orgs.tree();
    if (!tree.byId.has(orgId)) throw new ServiceError('NOT_FOUND', provenanceMessages.orgNotFound);
    return tree.lineage(orgId);
  }

  async function templatesFor(orgId: string) {
    return effectiveTemplates((await lineageOf(orgId)).map((org) => settingsOf(org).labels ?? {}));
  }

  async function imagePolicyFor(orgId: string): Promise<ImagePolicy & { setBy: string | null }> {
    const lineage = await lineageOf(orgId);
    const policy = effectiveImagePolicy(lineage.map((org) => settingsOf(org).imagePolicy));
    return { ...policy, setBy: policy.setBy >= 0 ? lineage[policy.setBy]!.name : null };
  }

  async function writeSettings(caller: Caller, orgId: string, patch: ProvenanceSettings): Promise<void> {
    const tree = await orgs.tree();
    const current = settingsOf(tree.byId.get(orgId));
    await orgs.updateSettings(caller, orgId, { provenance: { ...current, ...patch } });
  }

  return {
    templatesFor,
    imagePolicyFor,

    /** The provenance record of one generated output with its labels for every channel (LABEL-1, DECIDE-1). */
    async record(caller: Caller, provenanceId: string) {
      const output = await lookup.byProvenanceId(provenanceId);
      const tree = await orgs.tree();
      if (!output || !can(caller.principal, tree, 'content.label', output.orgId)) throw new ServiceError('NOT_FOUND', provenanceMessages.recordNotFound, { reason: 'provenance_not_found' });
      const org = tree.byId.get(output.orgId)!;
      const model = (await deps.registry.getModel(output.modelId))?.name ?? output.modelId;
      const labels = renderLabels(await templatesFor(output.orgId), { model, date: output.occurredAt, organisation: org.name });
      return {
        provenanceId,
        createdAt: output.occurredAt,
        organisation: { id: org.id, name: org.name },
        userId: output.userId,
        apiKeyId: output.apiKeyId,
        kind: output.kind,
        purpose: output.purpose,
        model: { id: output.modelId, name: model, revision: output.modelRevision },
        provider: { id: output.providerId, zone: output.providerZone },
        promptHash: output.promptHash,
        settings: output.settings,
        labels,
      };
    },

    /** Label templates (with inheritance) and the image policy in force, for the settings page. */
    async settings(caller: Caller, orgId: string) {
      requirePermission(caller.principal, await orgs.tree(), 'content.label', orgId);
      const lineage = await lineageOf(orgId);
      const own = settingsOf(lineage[0]);
      const templates = await templatesFor(orgId);
      const policy = await imagePolicyFor(orgId);
      return {
        channels: channels.map((channel) => ({ channel, name: channelNames[channel], template: templates[channel], own: own.labels?.[channel] ?? {} })),
        imagePolicy: { ...policy, own: own.imagePolicy ?? {}, levelName: aiImageLevelNames[policy.ai] },
        canManage: can(caller.principal, await orgs.tree(), 'settings.manage', orgId),
      };
    },

    /** Sets or clears (empty text) label templates per channel and language. */
    async setLabels(caller: Caller, orgId: string, labels: Partial<Record<Channel, { de?: string | undefined; en?: string | undefined }>>) {
      requirePermission(caller.principal, await orgs.tree(), 'settings.manage', orgId);
      const problems = Object.entries(labels).flatMap(([channel, value]) =>
        (['de', 'en'] as const).flatMap((locale) => {
          const unknown = unknownPlaceholders(value?.[locale] ?? '');
          return unknown.length ? [{ unknown, field: { path: `body.${channel}.${locale}`, message: provenanceMessages.unknownPlaceholder(unknown) } }] : [];
        }),
      );
      if (problems.length) {
        const names = [...new Set(problems.flatMap((problem) => problem.unknown))];
        throw new ServiceError('VALIDATION', provenanceMessages.unknownPlaceholder(names), { reason: 'unknown_placeholder', fields: problems.map((problem) => problem.field) });
      }
      const current = settingsOf((await orgs.tree()).byId.get(orgId)).labels ?? {};
      const next: LabelTemplates = { ...current };
      for (const channel of channels) {
        const change = labels[channel];
        if (!change) continue;
        const merged: Partial<Text> = { ...(current[channel] ?? {}) };
        for (const locale of ['de', 'en'] as const) {
          if (change[locale] === undefined) continue;
          const value = change[locale]!.trim();
          if (value) merged[locale] = value;
          else delete merged[locale];
        }
        next[channel] = merged;
      }
      await writeSettings(caller, orgId, { labels: next });
      return this.settings(caller, orgId);
    },

    /** Sets the image policy (LABEL-4); refused when it would be looser than a parent's. */
    async setImagePolicy(caller: Caller, orgId: string, policy: ImagePolicySetting) {
      requirePermission(caller.principal, await orgs.tree(), 'settings.manage', orgId);
      const lineage = await lineageOf(orgId);
      if (policy.ai && lineage.length > 1) {
        const inherited = effectiveImagePolicy(lineage.slice(1).map((org) => settingsOf(org).imagePolicy));
        if (inherited.setBy >= 0 && isLooserThan(policy.ai, inherited.ai)) {
          const parent = lineage[inherited.setBy + 1]!.name;
          throw new ServiceError('POLICY_DENIED', provenanceMessages.policyLooser(parent), { reason: 'policy_looser_than_parent', extra: { parent, parentLevel: inherited.ai } });
        }
      }
      await writeSettings(caller, orgId, { imagePolicy: { ...(settingsOf(lineage[0]).imagePolicy ?? {}), ...policy } });
      return this.settings(caller, orgId);
    },
  };
}

export type ProvenanceService = ReturnType<typeof createProvenanceService>;
