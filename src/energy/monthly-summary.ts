import {
  UsageAggregator,
  type AggregateRow,
  type GroupDimension,
  type UsageFootprintRecord,
} from './aggregate.js';
import {
  everydayComparisons,
  sameWorkComparisons,
  type EverydayComparison,
  type ModelEfficiency,
  type SameWorkComparison,
} from './comparisons.js';

/** One month at a glance, for the monthly export and the yearly report (issue 11, item 6; OPEN-6). */
export type MonthlySummary = {
  month: string;
  timeZone: string;
  totals: AggregateRow;
  byOrg: AggregateRow[];
  byModel: AggregateRow[];
  byAssistant: AggregateRow[];
  /** Share of requests with measured rather than estimated figures, 0…1. */
  measuredShare: number;
  comparisons: EverydayComparison[];
  /** Empty unless the models' Wh per 1,000 output tokens are given. */
  sameWork: SameWorkComparison[];
};

/** Records of other months are passed over, so a query may hand in a little more than the month. */
export function monthlySummary(
  records: Iterable<UsageFootprintRecord>,
  options: { month: string; timeZone?: string; models?: readonly ModelEfficiency[] },
): MonthlySummary {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month))
    throw new RangeError(`month must be YYYY-MM, got ${options.month}`);
  const timeZone = options.timeZone ?? 'Europe/Berlin';
  const groupings: (readonly GroupDimension[])[] = [[], ['org'], ['model'], ['assistant']];
  const aggregators = groupings.map((by) => new UsageAggregator({ by, period: 'month', timeZone }));
  for (const record of records) for (const aggregator of aggregators) aggregator.add(record);
  const [totalRows, byOrg, byModel, byAssistant] = aggregators.map((aggregator) =>
    aggregator.rows().filter((row) => row.key.period === options.month),
  ) as [AggregateRow[], AggregateRow[], AggregateRow[], AggregateRow[]];
  const totals = totalRows[0] ?? {
    key: { period: options.month },
    requests: 0,
    measuredRequests: 0,
    tokensIn: 0,
    tokensOut: 0,
    energyMicroWh: 0,
    co2eMicrograms: 0,
    waterNanolitres: 0,
  };
  return {
    month: options.month,
    timeZone,
    totals,
    byOrg,
    byModel,
    byAssistant,
    measuredShare: totals.requests === 0 ? 0 : totals.measuredRequests / totals.requests,
    comparisons: everydayComparisons({
      energyWh: totals.energyMicroWh / 1e6,
      co2eGrams: totals.co2eMicrograms / 1e6,
    }),
    sameWork: sameWorkComparisons(
      byModel.map((row) => ({ modelId: row.key.modelId ?? '', tokensOut: row.tokensOut })),
      options.models ?? [],
    ),
  };
}
