import { describe, expect, it } from 'vitest';
import { awkwardUsageRecords } from './fixtures/usage-records.js';
import { monthlySummary } from './monthly-summary.js';

const records = awkwardUsageRecords;

describe('monthly summary', () => {
  it('sums one month by organisation, model and assistant, with comparisons and the measured share', () => {
    const summary = monthlySummary(records, {
      month: '2026-03',
      models: [
        { id: 'teuken-7b', name: 'Teuken 7B', whPer1kOutputTokens: 0.088 },
        { id: 'apertus-70b', name: 'Apertus 70B', whPer1kOutputTokens: 0.88 },
      ],
    });
    expect(summary.totals.requests).toBe(2);
    expect(summary.totals.energyMicroWh).toBe(1_236_000_000);
    expect(summary.measuredShare).toBe(0.5);
    expect(summary.byModel.map((row) => row.key.modelId)).toEqual(['apertus-70b', 'teuken-7b']);
    expect(summary.byOrg).toHaveLength(2);
    expect(summary.byAssistant).toHaveLength(1);
    // 1,236 Wh / 10 W = 123.6 h of an LED lamp
    expect(summary.comparisons.find((item) => item.id === 'led-lamp')!.text.de).toContain('124 Stunden');
    // 20 tokens each: (0.88 + 0.088) · 0.02 Wh as done vs 0.088 · 0.04 Wh all on Teuken → 81.8 % less
    expect(summary.sameWork.map((item) => item.modelId)).toEqual(['teuken-7b']);
    expect(summary.sameWork[0]!.percentLess).toBeCloseTo((1 - 0.176 / 0.968) * 100, 10);
  });

  it('is all zeros for a month without records, and refuses a malformed month', () => {
    const empty = monthlySummary(records, { month: '2026-05' });
    expect(empty.totals).toMatchObject({ requests: 0, energyMicroWh: 0 });
    expect(empty.measuredShare).toBe(0);
    expect(empty.sameWork).toEqual([]);
    expect(() => monthlySummary(records, { month: '2026-13' })).toThrow(RangeError);
  });
});
