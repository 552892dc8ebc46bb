import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { ServiceError } from '../../core/errors.js';
import type { UsageSummary } from '../../gateway/usage-summary.js';
import { transparencyMessages } from '../messages.js';
import type { PublicRegister } from '../public-register.js';
import type { RegistryReadSide } from '../public-models.js';
import { riskClasses, type RiskClass } from '../risk/index.js';
import { useCaseStatuses, type UseCaseStatus } from '../register-standard/index.js';
import { transparencyComments, transparencyParticipations, transparencyUseCases } from '../schema.js';
import type { AccountabilityFigures, PublicIncidentSource } from '../sources.js';
import type { TransparencyDeps } from '../transparency-deps.js';

export type RiskColumn = RiskClass | 'unassessed';
export const riskColumns: readonly RiskColumn[] = [...riskClasses, 'unassessed'];

type Counts<K extends string> = Record<K, number>;
const zeros = <K extends string>(keys: readonly K[]): Counts<K> => Object.fromEntries(keys.map((key) => [key, 0])) as Counts<K>;

export type YearlyReport = {
  year: number;
  organisation: { slug: string; name: string };
  period: { from: string; to: string };
  generatedAt: string;
  useCases: {
    total: number;
    byRiskClass: Counts<RiskColumn>;
    byStatus: Counts<UseCaseStatus>;
    byStatusAndRisk: Record<UseCaseStatus, Counts<RiskColumn>>;
    registeredInYear: number;
    wentLiveInYear: number;
    retiredInYear: number;
  };
  participation: { rounds: number; comments: number };
  models: { modelId: string; name: string; registryStatus: string | null; requests: number; tokensIn: number; tokensOut: number; energyWh: number; co2eGrams: number }[];
  energy: {
    totals: { requests: number; energyWh: number; co2eGrams: number; waterMl: number };
    byMonth: { month: string; requests: number; energyWh: number; co2eGrams: number }[];
  };
  accountability: AccountabilityFigures | null;
};

/** German organisations report calendar years in Europe/Berlin; 1 January is always UTC+1 there. */
export function yearPeriod(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+01:00`), to: new Date(`${year + 1}-01-01T00:00:00+01:00`) };
}

export type ReportDeps = Pick<TransparencyDeps, 'database' | 'clock'> & {
  publicRegister: Pick<PublicRegister, 'scope'>;
  usage: UsageSummary;
  registry: Pick<RegistryReadSide, 'listModels'>;
  incidents: PublicIncidentSource;
};

/**
 * The yearly report's figures (OPEN-6), all from the database: published register entries registered
 * by the end of the year, counted by their current status and risk class; metered model calls,
 * energy and CO2 of the year; incidents and complaints from the accountability module.
 */
export function createReportData(deps: ReportDeps) {
  const { db } = deps.database;

  async function useCaseFigures(orgIds: string[], year: number, from: Date, to: Date) {
    const registered = and(eq(transparencyUseCases.published, true), inArray(transparencyUseCases.orgId, orgIds), lt(transparencyUseCases.createdAt, to));
    const groups = await db
      .select({ status: transparencyUseCases.status, riskClass: sql<string>`coalesce(${transparencyUseCases.riskClass}, 'unassessed')`, count: sql<number>`count(*)::int` })
      .from(transparencyUseCases)
      .where(registered)
      .groupBy(sql`1`, sql`2`);
    const byStatusAndRisk = Object.fromEntries(useCaseStatuses.map((status) => [status, zeros(riskColumns)])) as Record<UseCaseStatus, Counts<RiskColumn>>;
    const byRiskClass = zeros(riskColumns);
    const byStatus = zeros(useCaseStatuses);
    for (const group of groups) {
      const status = group.status as UseCaseStatus;
      const risk = group.riskClass as RiskColumn;
      byStatusAndRisk[status][risk] += Number(group.count);
      byRiskClass[risk] += Number(group.count);
      byStatus[status] += Number(group.count);
    }
    const [fromDay, toDay] = [`${year}-01-01`, `${year + 1}-01-01`];
    const [events] = await db
      .select({
        registeredInYear: sql<number>`count(*) filter (where ${transparencyUseCases.createdAt} >= ${from})::int`,
        wentLiveInYear: sql<number>`count(*) filter (where ${transparencyUseCases.startedOn} >= ${fromDay} and ${transparencyUseCases.startedOn} < ${toDay})::int`,
        retiredInYear: sql<number>`count(*) filter (where ${transparencyUseCases.retiredOn} >= ${fromDay} and ${transparencyUseCases.retiredOn} < ${toDay})::int`,
      })
      .from(transparencyUseCases)
      .where(registered);
    const total = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
    return {
      total,
      byRiskClass,
      byStatus,
      byStatusAndRisk,
      registeredInYear: Number(events?.registeredInYear ?? 0),
      wentLiveInYear: Number(events?.wentLiveInYear ?? 0),
      retiredInYear: Number(events?.retiredInYear ?? 0),
    };
  }

  async function participationFigures(orgIds: string[], from: Date, to: Date) {
    const ofOrgs = inArray(transparencyParticipations.useCaseId, db.select({ id: transparencyUseCases.id }).from(transparencyUseCases).where(and(eq(transparencyUseCases.published, true), inArray(transparencyUseCases.orgId, orgIds))));
    const [rounds] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(transparencyParticipations)
      .where(and(ofOrgs, gte(transparencyParticipations.opensAt, from), lt(transparencyParticipations.opensAt, to)));
    const [comments] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(transparencyComments)
      .innerJoin(transparencyParticipations, sql`${transparencyComments.participationId} = ${transparencyParticipations.id}`)
      .where(and(ofOrgs, gte(transparencyComments.createdAt, from), lt(transparencyComments.createdAt, to)));
    return { rounds: Number(rounds?.count ?? 0), comments: Number(comments?.count ?? 0) };
  }

  return {
    async build(orgSlug: string | undefined, year: number): Promise<YearlyReport> {
      const now = deps.clock.now();
      if (!Number.isInteger(year) || year < 2020 || year > now.getUTCFullYear())
        throw new ServiceError('VALIDATION', transparencyMessages.reportYear, { reason: 'report_year' });
      const { org, orgIds } = await deps.publicRegister.scope(orgSlug);
      const { from, to } = yearPeriod(year);
      const period = { orgIds, from, to };
      const [useCases, participation, models, months, registryModels, accountability] = await Promise.all([
        useCaseFigures(orgIds, year, from, to),
        participationFigures(orgIds, from, to),
        deps.usage.byModel(period),
        deps.usage.byMonth(period),
        deps.registry.listModels(),
        deps.incidents.figures(period),
      ]);
      const registryById = new Map(registryModels.map((model) => [model.id, model]));
      const byMonth = Array.from({ length: 12 }, (_, index) => {
        const month = `${year}-${String(index + 1).padStart(2, '0')}`;
        const found = months.find((row) => row.month === month);
        return { month, requests: found?.requests ?? 0, energyWh: found?.energyWh ?? 0, co2eGrams: found?.co2eGrams ?? 0 };
      });
      const sum = (key: 'requests' | 'energyWh' | 'co2eGrams' | 'waterMl') => models.reduce((total, row) => total + row[key], 0);
      return {
        year,
        organisation: { slug: org.slug, name: org.name },
        period: { from: from.toISOString(), to: to.toISOString() },
        generatedAt: now.toISOString(),
        useCases,
        participation,
        models: models.map((row) => ({
          modelId: row.modelId,
          name: registryById.get(row.modelId)?.name ?? row.modelId,
          registryStatus: registryById.get(row.modelId)?.status ?? null,
          requests: row.requests,
          tokensIn: row.tokensIn,
          tokensOut: row.tokensOut,
          energyWh: row.energyWh,
          co2eGrams: row.co2eGrams,
        })),
        energy: { totals: { requests: sum('requests'), energyWh: sum('energyWh'), co2eGrams: sum('co2eGrams'), waterMl: sum('waterMl') }, byMonth },
        accountability,
      };
    },
  };
}

export type ReportData = ReturnType<typeof createReportData>;
