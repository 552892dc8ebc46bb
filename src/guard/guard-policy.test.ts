import { describe, expect, it } from 'vitest';
import { effectiveGuardPolicy, guardSettingsSchema } from './guard-policy.js';

const none = guardSettingsSchema.parse({});

describe('guard policy per zone and organisation', () => {
  it('is off for own infrastructure, on for EU processors and mandatory outside the EU by default', () => {
    expect(effectiveGuardPolicy([none], 'own', 'internal')).toMatchObject({ pseudonymise: false, blockSpecialCategories: false });
    expect(effectiveGuardPolicy([none], 'eu', 'internal')).toMatchObject({ pseudonymise: true, blockSpecialCategories: false });
    expect(effectiveGuardPolicy([none], 'non-eu', 'internal')).toMatchObject({ pseudonymise: true, blockSpecialCategories: true });
  });

  it('cannot be switched off outside the EU, nor below an ancestor that switched it on', () => {
    const off = guardSettingsSchema.parse({ pseudonymise: { eu: false } });
    expect(effectiveGuardPolicy([off], 'non-eu', 'internal').pseudonymise).toBe(true);
    expect(effectiveGuardPolicy([off], 'eu', 'internal').pseudonymise).toBe(false);
    const on = guardSettingsSchema.parse({ pseudonymise: { eu: true } });
    expect(effectiveGuardPolicy([off, on], 'eu', 'internal').pseudonymise).toBe(true);
  });

  it('keeps data classes in the zones allowed for them, the strictest level winning', () => {
    expect(effectiveGuardPolicy([none], 'eu', 'confidential').allowedForDataClass).toBe(false);
    expect(effectiveGuardPolicy([none], 'own', 'confidential').allowedForDataClass).toBe(true);
    const ownOnly = guardSettingsSchema.parse({ dataClassZones: { personal: ['own'] } });
    const loose = guardSettingsSchema.parse({ dataClassZones: { personal: ['own', 'eu', 'non-eu'] } });
    expect(effectiveGuardPolicy([loose, ownOnly], 'eu', 'personal').allowedForDataClass).toBe(false);
  });
});
