import { ServiceError } from '../core/errors.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import type { GatewayService } from '../gateway/gateway-service.js';
import type { OrgTree } from '../identity/org-directory.js';
import { requirePermission, type Caller } from '../identity/principal.js';
import { energyClassOf, type EnergyClass } from './energy-class.js';
import { workspaceMessages } from './messages.js';

/** A chat model as the workspace offers it: registry status, zone, energy and whether it reads images. */
export type WorkspaceModel = {
  id: string;
  name: string;
  status: string;
  zone: string;
  energyWhPer1kOutputTokens: number | null;
  energyClass: EnergyClass | null;
  contextLength: number | null;
  vision: boolean;
};

/** Just what the workspace reads from the registry: the card's modalities. */
export type ModelCards = { getModel(id: string): Promise<{ card: Record<string, unknown> } | undefined> };

const statusOrder: Record<string, number> = { recommended: 0, approved: 1, exception_only: 2 };
const CARD_TTL_MS = 5 * 60_000;

export function createModelChoice(deps: { gateway: GatewayService; cards: ModelCards; orgs: CachedSnapshot<OrgTree> }) {
  const visionCache = new Map<string, { expires: number; vision: boolean }>();

  async function readsImages(id: string, revision: string): Promise<boolean> {
    const key = `${id}@${revision}`;
    const cached = visionCache.get(key);
    if (cached && cached.expires > Date.now()) return cached.vision;
    const model = await deps.cards.getModel(id);
    const modalities = model?.card.modalities as { input?: string[] } | undefined;
    const vision = !!modalities?.input?.includes('image');
    visionCache.set(key, { expires: Date.now() + CARD_TTL_MS, vision });
    return vision;
  }

  async function list(caller: Caller, orgId: string): Promise<WorkspaceModel[]> {
    requirePermission(caller.principal, await deps.orgs.get(), 'model.use', orgId);
    const models = (await deps.gateway.listModels(caller, orgId)).filter((model) => model.leitplanke.kind === 'chat');
    const result = await Promise.all(
      models.map(async (model) => ({
        id: model.id,
        name: model.leitplanke.name,
        status: model.leitplanke.status,
        zone: model.leitplanke.zone,
        energyWhPer1kOutputTokens: model.leitplanke.energy_wh_per_1k_output_tokens ?? null,
        energyClass: energyClassOf(model.leitplanke.energy_wh_per_1k_output_tokens),
        contextLength: model.leitplanke.context_length ?? null,
        vision: await readsImages(model.id, model.leitplanke.revision),
      })),
    );
    return result.sort(
      (a, b) =>
        (statusOrder[a.status] ?? 9) - (statusOrder[b.status] ?? 9) ||
        (a.energyWhPer1kOutputTokens ?? Infinity) - (b.energyWhPer1kOutputTokens ?? Infinity) ||
        a.name.localeCompare(b.name, 'de'),
    );
  }

  return {
    list,
    /**
     * The model to answer with. An explicit choice goes to the gateway as it is (a refusal explains
     * itself); remembered choices count only while still allowed; otherwise the first of the list.
     */
    async pick(caller: Caller, orgId: string, explicit: string | undefined, remembered: (string | null | undefined)[]): Promise<WorkspaceModel> {
      const allowed = await list(caller, orgId);
      if (explicit) {
        return allowed.find((model) => model.id === explicit) ?? { id: explicit, name: explicit, status: 'unknown', zone: 'unknown', energyWhPer1kOutputTokens: null, energyClass: null, contextLength: null, vision: false };
      }
      for (const id of remembered) {
        const found = id ? allowed.find((model) => model.id === id) : undefined;
        if (found) return found;
      }
      if (!allowed[0]) throw new ServiceError('UNAVAILABLE', workspaceMessages.noModel, { reason: 'no_model' });
      return allowed[0];
    },
  };
}

export type ModelChoice = ReturnType<typeof createModelChoice>;
