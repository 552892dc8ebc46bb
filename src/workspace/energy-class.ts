/**
 * Energy classes for the model picker (ENERGY-1), by the estimated or published energy per 1,000
 * output tokens. The bounds put today's open 7–24B models in A, 70B-class models in C and very large
 * models in E, so the class tells apart what the choice of model actually changes.
 */
export const energyClasses = [
  { id: 'A', maxWh: 0.15 },
  { id: 'B', maxWh: 0.4 },
  { id: 'C', maxWh: 1 },
  { id: 'D', maxWh: 3 },
  { id: 'E', maxWh: Number.POSITIVE_INFINITY },
] as const;

export type EnergyClass = (typeof energyClasses)[number]['id'];

export function energyClassOf(whPer1kOutputTokens: number | null | undefined): EnergyClass | null {
  if (whPer1kOutputTokens === null || whPer1kOutputTokens === undefined || !Number.isFinite(whPer1kOutputTokens) || whPer1kOutputTokens < 0) return null;
  return energyClasses.find((entry) => whPer1kOutputTokens <= entry.maxWh)!.id;
}
