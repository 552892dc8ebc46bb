import { describe, expect, it } from 'vitest';
import { estimateRequest } from '../energy/estimate.js';
import { energyClassOf } from './energy-class.js';

const per1k = (activeParametersB: number) => estimateRequest({ activeParametersB, outputTokens: 1000, inputTokens: 0, location: null }).energyWh;

describe('energy classes', () => {
  it('grades by Wh per 1,000 output tokens, bounds inclusive', () => {
    expect(energyClassOf(0.05)).toBe('A');
    expect(energyClassOf(0.15)).toBe('A');
    expect(energyClassOf(0.16)).toBe('B');
    expect(energyClassOf(1)).toBe('C');
    expect(energyClassOf(2.5)).toBe('D');
    expect(energyClassOf(50)).toBe('E');
  });

  it('has no class without a figure', () => {
    expect(energyClassOf(null)).toBeNull();
    expect(energyClassOf(Number.NaN)).toBeNull();
    expect(energyClassOf(-1)).toBeNull();
  });

  it('separates small, large and very large models as the energy module estimates them', () => {
    expect(energyClassOf(per1k(8))).toBe('A');
    expect(energyClassOf(per1k(70))).toBe('C');
    expect(energyClassOf(per1k(405))).toBe('E');
  });
});
