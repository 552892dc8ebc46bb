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
import { monthlySummary } from './monthly-summary.js';

export type DashboardQuery = { orgId: string; from: Date; to: Date; by: GroupDimension[]; period: Period; scope: 'org' | 'mine' };

const forbidden = () =>
  new ServiceError('FORBIDDEN', text('Die Übersicht der Organisation sehen Administration, Datenschutz und Prüfer*innen; Ihren eigenen Verbrauch sehen Sie immer.', 'The organisation’s overview is for administrators, data-protection officers and reviewers; your own use you can always see.'), { reason: 'energy_scope' });

/**
 * Energy dashboards (ENERGY-1): exact totals per organisation (with its sub-organisations), user, model,
 * assistant and period; everyday comparisons; and how much less the same work would need on a more
 * frugal model. Everyone sees their own use; the organisation's view is for admins, DPOs and reviewers.
 */
export function createEnergyService(deps: { database: Database; orgs: CachedSnapshot<OrgTree>; registry: RegistryQueries }) {
  async function scope(caller: Caller, query: Pick<DashboardQuery, 'orgId' | 'scope'>) {
    const tree = await deps.orgs.get();
    const orgIds = tree.subtree(query.orgId).map((org) => org.id);
    if (query.scope === 'mine') {
      if (caller.principal.kind !== 'user' || !can(caller.principal, tree, 'model.use', query.orgId)) throw forbidden();
      return { orgIds, userId: caller.principal.userId };
    }
    const allowed = ['org.manage', 'audit.read', 'registry.review'] as const;
    if (!allowed.some((permission) => can(caller.principal, tree, permission, query.orgId))) throw forbidden();
    return { orgIds, userId: undefined };
  }

  async function efficiencies(): Promise<ModelEfficiency[]> {
    const models = await deps.registry.listModels();
    const scored = await deps.registry.modelRows();
    return models.flatMap((model) => {
      const card = scored.find((row) => row.id === model.id)?.card as { energy?: { whPer1kOutputTokens?: number } } | undefined;
      const energy = model.score?.breakdown.find((item) => item.criterion === 'energy_efficiency');
      const wh = card?.energy?.whPer1kOutputTokens;
      return wh && energy && model.kind === 'chat' && ['recommended', 'approved'].includes(model.status) ? [{ id: model.id, name: model.name, whPer1kOutputTokens: wh }] : [];
    });
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
        sameWork: sameWorkComparisons(work, await efficiencies()).slice(0, 3),
      };
    },

    async csv(caller: Caller, query: DashboardQuery, locale: 'de' | 'en'): Promise<string> {
      const { rows } = await aggregate(caller, query);
      return aggregateRowsToCsv(rows, { locale });
    },

    async monthly(caller: Caller, orgId: string, month: string) {
      const filter = await scope(caller, { orgId, scope: 'org' });
      const [year, number] = month.split('-').map(Number) as [number, number];
      // A day on either side: the summary counts in Europe/Berlin and passes over records of other months.
      const from = new Date(Date.UTC(year, number - 1, 1) - 86_400_000);
      const to = new Date(Date.UTC(year, number, 1) + 86_400_000);
      const records = [];
      for await (const record of usageFootprints(deps.database, { orgIds: filter.orgIds, from, to })) records.push(record);
      return monthlySummary(records, { month, models: await efficiencies() });
    },
  };
}

export type EnergyService = ReturnType<typeof createEnergyService>;
