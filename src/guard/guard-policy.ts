import { z } from 'zod';
import type { Zone } from '../core/config.js';

export const dataClasses = ['public', 'internal', 'confidential', 'personal'] as const;
export type DataClass = (typeof dataClasses)[number];

/**
 * An organisation's data-protection settings (organisation settings key `guard`). Defaults follow
 * issue 7: own infrastructure off, EU processors on, outside the EU always on; special categories never
 * leave the EU; confidential data stays on own infrastructure.
 */
export const guardSettingsSchema = z.object({
  pseudonymise: z.object({ own: z.boolean(), eu: z.boolean() }).partial().default({}),
  /** Block GDPR Art. 9 data for EU processors too (outside the EU it is always blocked). */
  blockSpecialCategoriesInEu: z.boolean().optional(),
  /** Which zones each data class may go to. */
  dataClassZones: z.partialRecord(z.enum(dataClasses), z.array(z.enum(['own', 'eu', 'non-eu']))).optional(),
  /** Organisation-defined identifiers, e.g. membership numbers. */
  customPatterns: z.array(z.object({ label: z.string().min(1).max(60), pattern: z.string().min(1).max(200), flags: z.string().max(5).optional() })).max(50).optional(),
});
export type GuardSettings = z.infer<typeof guardSettingsSchema>;

export const defaultDataClassZones: Record<DataClass, Zone[]> = {
  public: ['own', 'eu', 'non-eu'],
  internal: ['own', 'eu', 'non-eu'],
  personal: ['own', 'eu', 'non-eu'],
  confidential: ['own'],
};

export type EffectiveGuardPolicy = {
  pseudonymise: boolean;
  blockSpecialCategories: boolean;
  allowedForDataClass: boolean;
  customPatterns: NonNullable<GuardSettings['customPatterns']>;
};

/**
 * Settings of the organisation and its ancestors, nearest first. A nearer organisation can switch
 * pseudonymisation on, restrict data classes or add patterns — never switch protection off that an
 * ancestor switched on, and never relax the non-EU rules.
 */
export function effectiveGuardPolicy(lineageSettings: GuardSettings[], zone: Zone, dataClass: DataClass): EffectiveGuardPolicy {
  const nonEu = zone === 'non-eu';
  const pseudonymiseDefault = zone === 'eu';
  const pseudonymise = nonEu || lineageSettings.some((settings) => settings.pseudonymise[zone as 'own' | 'eu'] === true) || (pseudonymiseDefault && !lineageSettings.some((settings) => settings.pseudonymise.eu === false));
  const blockSpecialCategories = nonEu || lineageSettings.some((settings) => settings.blockSpecialCategoriesInEu === true && zone === 'eu');
  const allowedForDataClass = [defaultDataClassZones, ...lineageSettings.map((settings) => settings.dataClassZones ?? {})].every((zones) => {
    const allowed = (zones as Partial<Record<DataClass, Zone[]>>)[dataClass];
    return !allowed || allowed.includes(zone);
  });
  return { pseudonymise, blockSpecialCategories, allowedForDataClass, customPatterns: lineageSettings.flatMap((settings) => settings.customPatterns ?? []) };
}
