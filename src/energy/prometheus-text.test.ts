import { describe, expect, it } from 'vitest';
import { dcgmBody } from './fixtures/test-dcgm.js';
import { parseExposition } from './prometheus-text.js';

describe('Prometheus text exposition parser', () => {
  it('reads a dcgm-exporter page: every sample with its labels, and the declared types', () => {
    const parsed = parseExposition(
      dcgmBody({ power0: 312.45, power1: 298.5, energy0: 123456789, energy1: 987654321 }),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.samples).toHaveLength(10);
    expect(parsed.types.get('DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION')).toBe('counter');
    expect(parsed.types.get('DCGM_FI_DEV_POWER_USAGE')).toBe('gauge');
    const power = parsed.samples.filter((sample) => sample.name === 'DCGM_FI_DEV_POWER_USAGE');
    expect(power.map((sample) => sample.value)).toEqual([312.45, 298.5]);
    expect(power[1]!.labels).toEqual({
      gpu: '1',
      UUID: 'GPU-0a9c7e55-81d2-4f3b-b0c8-7d2e9f4a6b21',
      pci_bus_id: '00000000:2A:00.0',
      device: 'nvidia1',
      modelName: 'NVIDIA H100 80GB HBM3',
      Hostname: 'gpu-1',
      DCGM_FI_DRIVER_VERSION: '550.90.07',
    });
  });

  it('handles escapes, special values, timestamps, spacing, a trailing comma and CRLF', () => {
    const body = [
      'plain_metric 42',
      'with_ts{a="1"} 3.5e2 1700000000123',
      'escaped{path="C:\\\\temp",quote="say \\"hi\\"",multi="a\\nb",brace="}{,="} 1',
      'specials{k="nan"} NaN',
      'specials{k="inf"} +Inf',
      'specials{k="-inf"} -Inf',
      'spaced { a = "x" , b="y", } \t 7',
      'crlf_metric 8\r',
      '# just a comment',
      '',
    ].join('\n');
    const { samples, problems } = parseExposition(body);
    expect(problems).toEqual([]);
    expect(samples[0]).toEqual({ name: 'plain_metric', labels: {}, value: 42 });
    expect(samples[1]).toEqual({
      name: 'with_ts',
      labels: { a: '1' },
      value: 350,
      timestampMs: 1700000000123,
    });
    expect(samples[2]!.labels).toEqual({ path: 'C:\\temp', quote: 'say "hi"', multi: 'a\nb', brace: '}{,=' });
    expect(Number.isNaN(samples[3]!.value)).toBe(true);
    expect(samples.slice(4, 6).map((sample) => sample.value)).toEqual([Infinity, -Infinity]);
    expect(samples[6]).toEqual({ name: 'spaced', labels: { a: 'x', b: 'y' }, value: 7 });
    expect(samples[7]).toEqual({ name: 'crlf_metric', labels: {}, value: 8 });
  });

  it('reports malformed lines by number and keeps the rest', () => {
    const body = [
      'ok 1',
      '9bad 1',
      'no_value',
      'bad_label{a=1} 2',
      'open{a="x} 3',
      'not_number abc',
      'ok 2',
    ].join('\n');
    const { samples, problems } = parseExposition(body);
    expect(samples.map((sample) => sample.value)).toEqual([1, 2]);
    expect(problems.map((problem) => problem.line)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[4]!.message).toContain('not a number');
  });
});
