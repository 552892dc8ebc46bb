import { ServiceError } from '../core/errors.js';
import { text } from '../core/l10n.js';
import type { Database } from '../db/connection.js';
import type { CachedSnapshot } from '../db/cached-snapshot.js';
import { usageFootprints } from '../gateway/usage-footprints.js';
import type { OrgTree } from '../identity/org-directory.js';
import { can, type Caller } from '../identity/principal.js';
import type { RegistryQueries } from '../registry/registry-queries.js';
import { UsageAggregator, microToDecimal, type AggregateRow, type GroupDimension, type Period } from './aggregate.js';
import { everydayComparisons, sameWorkComparisons, type ModelEfficiency } from './comparisons.js';
import { aggregateRowsToCsv } from './csv-export.js';
import { energyPer1000OutputTokensWh } from './estimate.js';
import { monthlySummary } from './monthly-summary.js';

export type DashboardQuery = { orgId: string; from: Date; to: Date; by: GroupDimension[]; period: Period; scope: 'org' | 'mine' };

type ModelCardFigures = { energy?: { whPer1kOutputTokens?: number } | null; parameters?: { activeB?: number | null; totalB?: number | null } | null };

function whPer1k(card: ModelCardFigures | null | undefined): number | null {
  const published = card?.energy?.whPer1kOutputTokens;
  if (published && published > 0) return published;
  if (!card?.parameters) return null;
  return energyPer1000OutputTokensWh({ parameters: { activeB: card.parameters.activeB ?? null, totalB: card.parameters.totalB ?? null } });
}

const forbidden = () =>
  new ServiceError('FORBIDDEN', text('Die Übersicht der Organisation sehen Administration, Datenschutz und Prüfer*innen; Ihren eigenen Verbrauch sehen Sie immer.', 'The organisation’s overview is for administrators, data-protection officers and reviewers; your own use you can always see.'), { reason: 'energy_scope' });

const noPerson = () =>
  new ServiceError('FORBIDDEN', text('Eigener Verbrauch gehört zu einer Person; ein API-Schlüssel hat keinen. Mit den Rechten der Administration, des Datenschutzes oder der Prüfung gibt scope=org die Übersicht der Organisation.', 'Own use belongs to a person; an API key has none. With administrator, data-protection or reviewer rights, scope=org gives the organisation’s overview.'), { reason: 'energy_scope' });

const perPerson = () =>
  new ServiceError('VALIDATION', text('Den Verbrauch einzelner Personen sieht nur die Person selbst. Wählen Sie eine andere Gruppierung.', 'Use per person is visible to that person only. Choose another grouping.'), { reason: 'energy_per_person' });

/**
 * Energy dashboards (ENERGY-1): exact totals per organisation (with its sub-organisations), user, model,
 * assistant and period; everyday comparisons; and how much less the same work would need on a more
 * frugal model. Everyone sees their own use; the organisation's view is for admins, DPOs and reviewers.
 */
export function createEnergyService(deps: { database: Database; orgs: CachedSnapshot<OrgTree>; registry: RegistryQueries }) {
  async function scope(caller: Caller, query: Pick<DashboardQuery, 'orgId' | 'scope'> & { by?: GroupDimension[] }) {
    const tree = await deps.orgs.get();
    const orgIds = tree.subtree(query.orgId).map((org) => org.id);
    if (query.scope === 'mine') {
      if (caller.principal.kind !== 'user') throw noPerson();
      if (!can(caller.principal, tree, 'model.use', query.orgId)) throw forbidden();
      return { orgIds, userId: caller.principal.userId };
    }
    const allowed = ['org.manage', 'audit.read', 'registry.review'] as const;
    if (!allowed.some((permission) => can(caller.principal, tree, permission, query.orgId))) throw forbidden();
    // Use per person is shown to that person only (issue 11): the organisation's view never breaks it down by person.
    if (query.by?.includes('user')) throw perPerson();
    return { orgIds, userId: undefined };
  }

  /**
   * Wh per 1,000 output tokens of every model with a figure: the card's published one, else the
   * methodology's estimate from its size (as on the registry's model card). Models this organisation
   * can use (recommended or approved there, with a connected provider) are the alternatives.
   */
  async function efficiencies(orgId: string): Promise<{ all: ModelEfficiency[]; usable: Set<string> }> {
    const [models, rows] = await Promise.all([deps.registry.listModels(orgId), deps.registry.modelRows()]);
    const cards = new Map(rows.map((row) => [row.id, row.card as ModelCardFigures | null]));
    const all: ModelEfficiency[] = [];
    const usable = new Set<string>();
    for (const model of models) {
      if (model.kind !== 'chat') continue;
      const wh = whPer1k(cards.get(model.id));
      if (!wh) continue;
      all.push({ id: model.id, name: model.name, whPer1kOutputTokens: wh });
      const reachable = model.providers.some((provider) => provider.connected);
      if (reachable && (model.effectiveStatus === 'recommended' || model.effectiveStatus === 'approved')) usable.add(model.id);
    }
    return { all, usable };
  }

  async function sameWork(orgId: string, work: { modelId: string; tokensOut: number }[]) {
    const { all, usable } = await efficiencies(orgId);
    return sameWorkComparisons(work, all).filter((comparison) => usable.has(comparison.modelId));
  }

  /** Names for the ids in the rows: organisations of the subtree and models of the registry. */
  async function labels(orgId: string) {
    const [tree, models] = await Promise.all([deps.orgs.get(), deps.registry.listModels(orgId)]);
    return {
      orgs: Object.fromEntries(tree.subtree(orgId).map((org) => [org.id, org.name])),
      models: Object.fromEntries(models.map((model) => [model.id, model.name])),
    };
  }

  function present(row: AggregateRow) {
    return {
      ...row.key,
      requests: row.requests,
      measuredRequests: row.measuredRequests,
      tokensIn: row.tokensIn,
      tokensOut: row.tokensOut,
      energyWh: Number(microToDecimal(row.energyMicroWh)),
      co2eGrams: Number(microToDecimal(row.co2eMicrograms)),
      waterMl: Number(microToDecimal(row.waterNanolitres)),
    };
  }

  async function aggregate(caller: Caller, query: DashboardQuery): Promise<{ rows: AggregateRow[]; totals: AggregateRow; perModel: AggregateRow[] }> {
    const filter = await scope(caller, query);
    const grouped = new UsageAggregator({ by: query.by, period: query.period });
    const total = new UsageAggregator({ by: [], period: 'all' });
    const perModel = new UsageAggregator({ by: ['model'], period: 'all' });
    for await (const record of usageFootprints(deps.database, { orgIds: filter.orgIds, from: query.from, to: query.to, userId: filter.userId })) {
      grouped.add(record);
      total.add(record);
      perModel.add(record);
    }
    const totals = total.rows()[0] ?? { key: {}, requests: 0, measuredRequests: 0, tokensIn: 0, tokensOut: 0, energyMicroWh: 0, co2eMicrograms: 0, waterNanolitres: 0 };
    return { rows: grouped.rows(), totals, perModel: perModel.rows() };
  }

  return {
    async dashboard(caller: Caller, query: DashboardQuery) {
      const { rows, totals, perModel } = await aggregate(caller, query);
      const work = perModel.map((row) => ({ modelId: row.key.modelId!, tokensOut: row.tokensOut }));
      const presentedTotals = present(totals);
      return {
        query: { ...query, from: query.from.toISOString(), to: query.to.toISOString() },
        totals: presentedTotals,
        rows: rows.map(present),
        comparisons: everydayComparisons({ energyWh: presentedTotals.energyWh, co2eGrams: presentedTotals.co2eGrams }),
        sameWork: (await sameWork(query.orgId, work)).slice(0, 3),
        labels: await labels(query.orgId),
      };
    },

    async csv(caller: Caller, query: DashboardQuery, locale: 'de' | 'en'): Promise<string> {
      const { rows } = await aggregate(caller, query);
      const names = await labels(query.orgId);
      return aggregateRowsToCsv(rows, { locale, names: { orgId: names.orgs, modelId: names.models } });
    },

    async monthly(caller: Caller, orgId: string, month: string) {
      const filter = await scope(caller, { orgId, scope: 'org' });
      const [year, number] = month.split('-').map(Number) as [number, number];
      // A day on either side: the summary counts in Europe/Berlin and passes over records of other months.
      const from = new Date(Date.UTC(year, number - 1, 1) - 86_400_000);
      const to = new Date(Date.UTC(year, number, 1) + 86_400_000);
      const records = [];
      for await (const record of usageFootprints(deps.database, { orgIds: filter.orgIds, from, to })) records.push(record);
      const summary = monthlySummary(records, { month });
      const work = summary.byModel.map((row) => ({ modelId: row.key.modelId!, tokensOut: row.tokensOut }));
      return {
        month: summary.month,
        timeZone: summary.timeZone,
        totals: present(summary.totals),
        byOrg: summary.byOrg.map(present),
        byModel: summary.byModel.map(present),
        byAssistant: summary.byAssistant.map(present),
        measuredShare: summary.measuredShare,
        comparisons: summary.comparisons,
        sameWork: (await sameWork(orgId, work)).slice(0, 3),
      };
    },
  };
}

export type EnergyService = ReturnType<typeof createEnergyService>;
